import { strict as assert } from 'node:assert';
import { parseClients } from '../../../src/core/clients/parse';
import { scanTokens } from '../../../src/core/clients/tokens';

const C = '# Acme\n\n## Commitments\n';
const one = (item: string) => {
  const f = parseClients(`${C}${item}\n`);
  return { c: f.clients[0].commitments[0], codes: f.diagnostics.map((d) => d.code), diags: f.diagnostics };
};

describe('clients: tokens that are words, and words that are tokens', () => {
  it('📅 used as a word stays in the title and the real due date is kept (no invalid-date, no duplicate-due)', () => {
    const { c, codes } = one('- [ ] Release 📅 calendar widget due:2026-11-25');
    assert.equal(c.due, '2026-11-25');
    assert.equal(c.title, 'Release 📅 calendar widget');
    assert.deepEqual(codes, []);
  });

  it('✅ used as a word is text: no done-without-check, so no fix that would tick the box', () => {
    const { c, codes } = one('- [ ] Review ✅ checklist with Jane due:2026-12-01');
    assert.equal(c.done, false);
    assert.equal(c.doneDate, undefined);
    assert.equal(c.title, 'Review ✅ checklist with Jane');
    assert.deepEqual(codes, []);
  });

  it('📆 and 🗓 (with or without VS16) read like 📅', () => {
    assert.equal(one('- [ ] Beta 📆 2026-12-04').c.due, '2026-12-04');
    assert.equal(one('- [ ] Beta 🗓 2026-12-05').c.due, '2026-12-05');
    const { c, codes } = one('- [ ] Beta 🗓️ 2026-12-06');
    assert.deepEqual([c.due, c.title, codes], ['2026-12-06', 'Beta', []]);
  });

  it('⏳ 🛫 ➕ dates are read out of the title and checked', () => {
    const { c, codes } = one('- [ ] Beta ➕ 2026-11-01 🛫 2026-11-10 ⏳ 2026-11-20 📅 2026-12-01');
    assert.deepEqual([c.title, c.due, codes], ['Beta', '2026-12-01', []]);
    assert.deepEqual(one('- [ ] Beta ⏳ 2026-02-30 📅 2026-12-01').codes, ['invalid-date']);
  });

  it('(due:2026-12-04) is a due date with its parentheses; a full stop after a date is not part of it', () => {
    const a = one('- [ ] Ship report (due:2026-12-04)');
    assert.deepEqual([a.c.due, a.c.title, a.codes], ['2026-12-04', 'Ship report', []]);
    const b = one('- [ ] Ship report due:2026-12-04.');
    assert.deepEqual([b.c.due, b.c.title, b.codes], ['2026-12-04', 'Ship report.', []]);
    const e = one('- [ ] Ship report 📅 2026-12-04.');
    assert.deepEqual([e.c.due, e.codes], ['2026-12-04', []]);
  });

  it('@name and #tag inside a code span are text', () => {
    const { c } = one('- [ ] Rename `@deprecated` and `#legacy` flags due:2026-12-01 @alice');
    assert.deepEqual(c.owners, ['alice']);
    assert.deepEqual(c.tags, []);
    assert.equal(c.title, 'Rename `@deprecated` and `#legacy` flags');
    assert.deepEqual(scanTokens('`due:2026-12-01` x').map((t) => t.kind), []);
    assert.deepEqual(scanTokens('``a ` @b`` @c').map((t) => t.value), ['c']);
  });

  it('a tag followed by a full stop is the tag without it, and the sentence keeps its word', () => {
    const { c } = one('- [ ] Deploy to #prod-eu. due:2026-12-01');
    assert.deepEqual(c.tags, ['prod-eu']);
    assert.equal(c.title, 'Deploy to prod-eu.');
    // A tag at the end is routing metadata and leaves the title.
    assert.equal(one('- [ ] Checkout p95 due:2026-12-01 #checkout').c.title, 'Checkout p95');
  });

  it('promised:/原定: keep working next to the new markers', () => {
    const { c, codes } = one('- [ ] Beta 📆 2026-12-09 原定:2026-11-30');
    assert.deepEqual([c.due, c.promised, codes], ['2026-12-09', '2026-11-30', []]);
  });
});
