/** A client's `Format:` (格式) — risks-first, short — shapes the draft without a template; overdue comes before due soon. */
import * as assert from 'node:assert/strict';
import { composeDraft } from '../../../src/core/draft/compose';
import { parseClients } from '../../../src/core/clients/parse';

const TODAY = '2026-11-20';
function file(format: string, language = 'en'): string {
  return `# Acme
Contact: Jane Doe <jane@acme.example>
Language: ${language}
${format}
Owner: Alice Martin <alice@agency.example>

## Commitments
- [ ] Checkout p95 under 2 s due:2026-11-17 #checkout
- [ ] Opening hours on the map due:2026-11-27 #hours
- [ ] Loyalty beta due:2026-12-01 #loyalty

## Risks
- high: Payment provider retires its v1 API — mitigation: migrate to v2 behind a flag
- low: Holiday freeze may delay the last build — mitigation: agree the dates this week

## Asks
- Brand assets for the loyalty screens asked:2026-11-10
`;
}

function draft(text: string) {
  const parsed = parseClients(text);
  const d = composeDraft({ file: parsed, client: 'Acme', items: [], today: TODAY, period: { since: '2026-11-14', until: TODAY }, audience: 'client', signature: 'Alice' });
  return { d, parsed, ids: d.sections.map((s) => s.id), headings: [...d.markdown.matchAll(/^## (.+)$/gmu)].map((m) => m[1]) };
}

describe('draft: the client’s Format: and the order of overdue and due soon', () => {
  it('without Format: overdue comes before due soon (as in the sidebar)', () => {
    const { ids, parsed } = draft(file(''));
    assert.deepEqual(parsed.diagnostics, []);
    assert.ok(ids.indexOf('overdue') < ids.indexOf('dueSoon'), ids.join());
    assert.deepEqual(ids, ['overdue', 'dueSoon', 'risks', 'asks', 'next']);
  });

  it('risks-first: overdue, risks and asks before the rest, in both languages', () => {
    assert.deepEqual(draft(file('Format: risks-first')).ids, ['overdue', 'risks', 'asks', 'dueSoon', 'next']);
    const zh = draft(file('格式：风险优先', 'zh-CN'));
    assert.deepEqual(zh.parsed.diagnostics, []);
    assert.deepEqual(zh.headings, ['已逾期', '风险及应对', '需要您协助的事项', '未来 14 天到期', '下周计划']);
  });

  it('short: no "In progress" or "Due soon", low risks left out, the plan keeps every commitment with its date', () => {
    const { d, ids } = draft(file('Format: short, risks-first'));
    assert.deepEqual(ids, ['overdue', 'risks', 'asks', 'next']);
    assert.doesNotMatch(d.markdown, /Holiday freeze/);
    assert.match(d.markdown, /Payment provider retires/);
    assert.match(d.markdown, /Opening hours on the map \(due Fri 27 Nov\)/);
    assert.doesNotMatch(d.markdown, /Loyalty beta/, 'due after the next week: a short update leaves it for later');
    const zh = draft(file('格式: 简短', 'zh-CN'));
    assert.deepEqual(zh.ids, ['overdue', 'risks', 'asks', 'next']);
  });

  it('an unknown format is reported with a fix and otherwise ignored', () => {
    const { parsed, ids } = draft(file('Format: risk-first, tiny'));
    assert.deepEqual(parsed.diagnostics.map((x) => [x.code, x.fix?.title]), [['invalid-format', 'Write "risks-first"'], ['invalid-format', undefined]]);
    assert.deepEqual(ids, ['overdue', 'dueSoon', 'risks', 'asks', 'next']);
  });
});
