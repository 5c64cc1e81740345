import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parseClients } from '../../../src/core/clients/parse';
import { applyEdits, changeDueDate, markDone, markUndone } from '../../../src/core/clients/edits';

const word = fc.constantFrom('Beta', 'checkout', '课程', '上线', '🎉', 'p95', 'x', 'API', '—', ':', 'done', 'due', '#', '@', '[x]', '`code`', '*em*');
const date = fc.oneof(
  fc.constantFrom('2026-12-01', '2026-02-28', '2028-02-29', '2026-13-45', '2026-02-30', 'tomorrow', ''),
  fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
);
const token = fc.oneof(
  word,
  date.map((d) => `due:${d}`),
  date.map((d) => `📅 ${d}`),
  fc.constantFrom('@alice', '@王伟', '#beta', '#checkout', 'asked:2026-11-02'),
);
const itemText = fc.array(token, { minLength: 1, maxLength: 6 }).map((xs) => xs.join(' '));
const line = fc.oneof(
  fc.tuple(fc.constantFrom('- [ ] ', '- [x] ', '-\t[ ]\t', '* [ ] ', '1. [ ] ', '- ', '- [] '), itemText, fc.constantFrom('', ' ', '\t ')).map(([a, b, c]) => a + b + c),
  fc.constantFrom('# Acme', '# 星河教育', '#', '## Commitments', '## 承诺', '## Risks', '## Roadmap', '### Commitments', '', '', '',
    'Contact: Jane <jane@acme.example> (CTO)', 'Language: zh-CN', 'Cadence: weekly Fri', 'Languge: en', 'Cc: a@b',
    '- high: API — mitigation: v2', '- severe: x', '<!-- comment -->', '```', '> quote', '    code', 'Profile text: with a colon'),
);
const eol = fc.constantFrom('\n', '\r\n', '\r');
const doc = fc.tuple(fc.boolean(), fc.array(line, { maxLength: 25 }), eol, fc.boolean()).map(([bom, lines, e, final]) =>
  (bom ? '\uFEFF' : '') + lines.join(e) + (final ? e : ''));

/** clients.md-like documents that always have open commitments (no done tokens on them). */
const openItem = fc.tuple(fc.constantFrom('- [ ] ', '-\t[ ]\t', '* [ ] ', '1. [ ] '),
  fc.array(fc.oneof(word.filter((w) => w !== 'done'), date.map((d) => `due:${d}`), date.map((d) => `📅 ${d}`), fc.constantFrom('@alice', '#beta')), { minLength: 1, maxLength: 5 }).map((xs) => xs.join(' ')),
  fc.constantFrom('', ' ', '  ', '\t')).map(([a, b, c]) => a + b + c);
const clientsDoc = fc.tuple(fc.boolean(), fc.constantFrom('\n', '\r\n'), fc.array(openItem, { minLength: 1, maxLength: 6 }), fc.array(line, { maxLength: 6 }), fc.boolean())
  .map(([bom, e, items, extra, final]) => (bom ? '\uFEFF' : '') + ['# Acme 零售', '', 'Language: en', '', '## Commitments', ...items, '', ...extra].join(e) + (final ? e : ''));

describe('clients: properties (fast-check)', () => {
  it('parseClients never throws on arbitrary strings and spans stay inside the text', () => {
    fc.assert(fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }), doc), (text) => {
      const f = parseClients(text);
      assert.ok(!f.diagnostics.some((d) => d.code === 'internal-error'), JSON.stringify(f.diagnostics));
      for (const d of f.diagnostics) assert.ok(d.span.startOffset >= 0 && d.span.endOffset <= text.length && d.span.startOffset <= d.span.endOffset);
      for (const c of f.clients) for (const k of c.commitments) {
        assert.equal(text.slice(k.checkboxSpan.startOffset + 1, k.checkboxSpan.startOffset + 2).trim() === '', !k.done);
        assert.ok(!/[\r\n]/.test(text.slice(k.span.startOffset, k.span.endOffset)));
      }
    }), { numRuns: 1500 });
  });

  it('markDone then markUndone restores the exact original bytes (every open commitment of generated files)', () => {
    fc.assert(fc.property(clientsDoc, fc.constantFrom('2026-11-20', '2027-01-01'), (text, today) => {
      const f = parseClients(text);
      const open = f.clients.flatMap((c) => c.commitments).filter((c) => !c.done);
      assert.ok(open.length > 0);
      for (const c of open) {
        const done = applyEdits(text, markDone(text, c, today));
        const again = parseClients(done).clients.flatMap((x) => x.commitments).find((x) => x.span.startLine === c.span.startLine);
        assert.ok(again?.done, done);
        assert.equal(again.doneDate, today);
        assert.equal(applyEdits(done, markUndone(done, again)), text);
      }
    }), { numRuns: 500 });
  });

  it('changeDueDate leaves every other line byte-identical and the item parses with the new date', () => {
    fc.assert(fc.property(clientsDoc, (text) => {
      const f = parseClients(text);
      const c = f.clients[0].commitments[0];
      const out = applyEdits(text, changeDueDate(text, c, '2026-12-24'));
      assert.equal(out.slice(0, c.span.startOffset), text.slice(0, c.span.startOffset));
      assert.equal(out.slice(out.length - (text.length - c.span.endOffset)), text.slice(c.span.endOffset));
      const again = parseClients(out).clients[0].commitments[0];
      assert.equal(again.due, '2026-12-24');
    }), { numRuns: 500 });
  });
});
