/** The lead's own words from clients.md in the other language are flagged both ways: Chinese in an English e-mail, English in a Chinese one. */
import * as assert from 'node:assert/strict';
import { composeDraft } from '../../../src/core/draft/compose';
import { parseClients } from '../../../src/core/clients/parse';
import type { Language } from '../../../src/core/clients/model';

const TEXT = `# 星河教育
Contact: 李娜 <li.na@xinghe.example>

## Commitments
- [ ] 课程报名页上线 due:2026-11-17
- [ ] Checkout p95 under 2 s on the payment step due:2026-11-27

## Risks
- high: Holiday peak traffic is five times the usual — mitigation: 11 Dec 前完成压测并预留扩容预算
- low: 直播供应商的 SDK 偶发崩溃 — mitigation: 准备 HLS 回放作为备选

## Asks
- 寒假班课程表 asked:2026-11-14
`;

function flagged(language: Language, audience: 'client' | 'internal' = 'client'): string[] {
  const d = composeDraft({ file: parseClients(TEXT), client: '星河教育', items: [], today: '2026-11-20', period: { since: '2026-11-14', until: '2026-11-20' }, audience, signature: '王伟', language });
  return d.sections.flatMap((s) => s.lines.filter((l) => l.reword?.includes('other-language')).map((l) => `${s.id}:${l.subject ?? l.id}`));
}

describe('draft: the lead’s words in the other language are flagged, both directions', () => {
  it('English e-mail: the Chinese titles, the Chinese mitigation and the Chinese ask are flagged; the English ones are not', () => {
    const en = flagged('en');
    assert.ok(en.includes('overdue:课程报名页上线'), en.join(' | '));
    assert.ok(en.some((l) => l.startsWith('risks:Holiday peak traffic')), `a Chinese mitigation in an English risk (${en.join(' | ')})`);
    assert.ok(en.some((l) => l.startsWith('risks:直播供应商')), en.join(' | '));
    assert.ok(en.includes('asks:寒假班课程表'), en.join(' | '));
    assert.ok(!en.some((l) => l.includes('Checkout p95')), en.join(' | '));
  });

  it('Chinese e-mail: the English title and the English risk are flagged; the Chinese ones are not', () => {
    const zh = flagged('zh-CN');
    assert.ok(zh.some((l) => l.includes('Checkout p95 under 2 s')), zh.join(' | '));
    assert.ok(zh.some((l) => l.startsWith('risks:Holiday peak traffic')), zh.join(' | '));
    assert.ok(!zh.some((l) => l.includes('课程报名页上线') || l.includes('寒假班课程表') || l.startsWith('risks:直播供应商')), zh.join(' | '));
  });

  it('the internal report is not flagged', () => {
    assert.deepEqual(flagged('en', 'internal'), []);
  });
});
