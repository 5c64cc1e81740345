import * as assert from 'node:assert/strict';
import { composeDraft } from '../../../src/core/draft/compose';
import { parseClients } from '../../../src/core/clients/parse';
import type { Language } from '../../../src/core/clients/model';

const TODAY = '2026-12-02';

function draft(lines: string, language: Language, audience: 'client' | 'internal' = 'client') {
  const text = `# Acme\nContact: Jane Doe <jane@acme.example>\n\n## Commitments\n${lines}\n`;
  return composeDraft({
    file: parseClients(text),
    client: 'Acme',
    items: [],
    today: TODAY,
    period: { since: '2026-11-26', until: '2026-12-02' },
    audience,
    language,
    signature: 'Alice',
  });
}

describe('draft: a moved date is told, not erased', () => {
  it('a missed promise moved later: listed with the missed and the new date and a blank for why; at risk; not in "due soon"', () => {
    const d = draft('- [ ] Checkout p95 due:2026-12-09 promised:2026-11-30', 'en');
    const overdue = d.sections.find((s) => s.id === 'overdue');
    assert.deepEqual(overdue?.lines.map((l) => l.text), ['Checkout p95: the 30 Nov date was missed; new date 9 Dec, because ____']);
    assert.equal(d.sections.find((s) => s.id === 'dueSoon'), undefined);
    assert.equal(d.status.status, 'at-risk');
    assert.deepEqual(d.status.reasons, ['“Checkout p95” missed its 30 Nov date (new date 9 Dec)']);
    assert.doesNotMatch(d.markdown, /on schedule/);
    assert.equal(d.markdown.match(/Checkout p95/gu)?.length, 2, 'named in the status and once in Overdue (not again in the plan)');
  });

  it('the same in Chinese', () => {
    const d = draft('- [ ] 结账性能 due:2026-12-09 原定:2026-11-30', 'zh-CN');
    assert.deepEqual(d.sections.find((s) => s.id === 'overdue')?.lines.map((l) => l.text), ['结账性能：原定11月30日未能完成，新日期12月9日，原因：____']);
    assert.deepEqual(d.status.reasons, ['“结账性能”未能按原定的11月30日完成（新日期12月9日）']);
    assert.equal(d.markdown.match(/结账性能/gu)?.length, 2, d.markdown);
  });

  it('moved before the promised day passed: the plan says so, the status is not at risk for it', () => {
    const d = draft('- [ ] Beta due:2026-12-08 promised:2026-12-05', 'en');
    assert.equal(d.sections.find((s) => s.id === 'overdue'), undefined);
    assert.equal(d.status.status, 'on-track');
    // Due within the next week: named once, in the plan, with the move.
    assert.equal(d.sections.find((s) => s.id === 'dueSoon'), undefined);
    assert.deepEqual(d.sections.find((s) => s.id === 'next')?.lines.map((l) => l.text), ['Beta (due Tue 8 Dec, moved from 5 Dec)']);
  });

  it('delivered: the promise is history (no line about the move, status on track)', () => {
    const d = draft('- [x] Checkout p95 due:2026-12-09 promised:2026-11-30 done:2026-12-01', 'en');
    assert.equal(d.status.status, 'on-track');
    assert.doesNotMatch(d.markdown, /was missed/);
  });
});
