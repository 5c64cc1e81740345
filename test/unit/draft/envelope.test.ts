import * as assert from 'node:assert/strict';
import { parseClients } from '../../../src/core/clients/parse';
import { composeDraft } from '../../../src/core/draft/compose';
import { draftEnvelope } from '../../../src/core/draft/envelope';
import { buildEml } from '../../../src/core/export/mail';
import { decodeWords, parseMime } from '../../support/mime';

const CLIENTS = `# 星河教育

Contact: 李娜 <li.na@xinghe.example>
Cc: pm@xinghe.example
Language: zh-CN
`;

function draft() {
  const file = parseClients(CLIENTS);
  return composeDraft({ file, client: '星河教育', items: [], today: '2026-11-20', period: { since: '2026-11-16', until: '2026-11-22' }, audience: 'client', signature: 'Alice' });
}

describe('draft envelope', () => {
  it("carries the draft's recipients, subject, language, text and today (the .eml's date)", () => {
    const d = draft();
    assert.deepEqual(draftEnvelope(d), { to: d.to, cc: d.cc, subject: d.subject, language: 'zh-CN', text: d.markdown, today: d.today });
    assert.deepEqual(d.to.map((p) => p.email), ['li.na@xinghe.example']);
    assert.deepEqual(d.cc, ['pm@xinghe.example']);
  });

  it("the lead's subject and text replace the composed ones, and the .eml carries them", async () => {
    const d = draft();
    const markdown = `${d.markdown}\n补充：下周二演示。\n`;
    const envelope = draftEnvelope(d, { subject: '周报（修改）', markdown });
    assert.equal(envelope.subject, '周报（修改）');
    assert.equal(envelope.text, markdown);
    const msg = parseMime((await buildEml(envelope, { date: new Date('2026-11-20T09:00:00Z'), messageId: '<e@t>' })).toString('utf8'));
    assert.equal(decodeWords(msg.headers.get('subject') ?? ''), '周报（修改）');
    assert.equal(msg.headers.get('content-language'), 'zh-CN');
    assert.match(msg.headers.get('cc') ?? '', /pm@xinghe\.example/);
  });
});
