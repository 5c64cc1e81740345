import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { scanTokens, titleOf, type ItemToken } from '../../../src/core/clients/tokens';

/** titleOf as first written (each tag's text before and after it looked up again): the reference. */
function referenceTitle(s: string, tokens: ItemToken[]): string {
  const tokenFree = (part: string, toks: ItemToken[], base: number): boolean => {
    let pos = 0;
    for (const t of toks) {
      if (part.slice(pos, t.start - base).trim() !== '') return true;
      pos = t.end - base;
    }
    return part.slice(pos).trim() !== '';
  };
  const removed: ItemToken[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind === 'tag' && tokenFree(s.slice(0, t.start), tokens.slice(0, i), 0) && tokenFree(s.slice(t.end), tokens.slice(i + 1), t.end)) continue;
    removed.push(t);
  }
  const kept = new Set(tokens.filter((t) => !removed.includes(t)));
  let out = '';
  let pos = 0;
  for (const t of tokens) {
    out += s.slice(pos, t.start) + (kept.has(t) ? t.value : ' ');
    pos = t.end;
  }
  out += s.slice(pos);
  return out.replace(/\s+/g, ' ').replace(/ ([.,;:!?。，；：！？、)）]+)(?=\s|$)/gu, '$1').trim();
}

const piece = fc.constantFrom(
  'Deploy', 'to', '#prod-eu', '#prod-eu.', '#login', 'page', 'due:2026-12-01', '(due:2026-12-01)', 'done:2026-11-02', '@alice', '@王伟',
  '📅 2026-12-01', '✅ 2026-11-30', 'promised:2026-11-20', '原定：2026-11-20', 'asked:2026-11-02', '`#code`', '`', '.', ',', '。', '—',
  ' ', '  ', '\t', '\u3000', '\u00a0', '\u2028', '\ufeff', '上线', '#12', 'x',
);
const text = fc.array(piece, { maxLength: 12 }).map((xs) => xs.join(' '));
const glued = fc.array(piece, { maxLength: 12 }).map((xs) => xs.join(''));

describe('clients: titleOf', () => {
  it('gives the reference title for the tokens scanTokens finds, and for any subset of them (fast-check)', () => {
    fc.assert(fc.property(fc.oneof(text, glued), fc.array(fc.boolean(), { maxLength: 12 }), (s, keep) => {
      const toks = scanTokens(s);
      assert.equal(titleOf(s, toks), referenceTitle(s, toks));
      const some = toks.filter((_, i) => keep[i] ?? true);
      assert.equal(titleOf(s, some), referenceTitle(s, some));
    }), { numRuns: 3000 });
  });

  it('gives the reference title for tokens out of order, overlapping, repeated or past the text', () => {
    const s = 'Deploy to #prod-eu now #beta';
    const toks = scanTokens(s);
    assert.equal(toks.length, 2);
    const [a, b] = toks;
    const past: ItemToken = { ...b, start: 30, end: 40 };
    for (const list of [[b, a], [a, a], [b, b], [a, { ...a, end: a.end + 3 }], [a, past], [past], []]) {
      assert.equal(titleOf(s, list), referenceTitle(s, list), JSON.stringify(list));
    }
  });

  it('keeps a tag inside the sentence as its word, drops one at the ends', () => {
    const s = '#ops Deploy to #prod-eu. due:2026-12-01 #beta';
    assert.equal(titleOf(s, scanTokens(s)), 'Deploy to prod-eu.');
  });
});
