/** composeHandover on clients.md alone (no repository): leads, letters, checklists, dates. */
import assert from 'node:assert/strict';
import { composeHandover } from '../../../src/core/handover/compose';
import { nextUpdateDue } from '../../../src/core/handover/facts';
import { resolveDeparting } from '../../../src/core/handover/person';
import type { HandoverInput } from '../../../src/core/handover/types';
import { parseClients } from '../../../src/core/clients/parse';

const TEXT = `# Solo Shop

A one-person web shop selling tea.

Contact: Mia Wong <mia@solo.example> (Founder)
Cadence: weekly Mon
Language: en
Owner: Alice Martin <alice@agency.example>

## Commitments
- [ ] Gift cards due:2026-11-10 @alice #gift
- [ ] Tea subscription page due:2026-12-01 @alice
- [ ] Newsletter signup
- [x] New logo due:2026-11-01 done:2026-10-30 @alice

## Risks
- high: The payment plug-in is unmaintained
- low: Holiday traffic

## Asks
- Product photos for the subscription page asked:2026-11-02
- Shipping rates for Europe

# 云杉科技

联系人: 陈静 <chen.jing@yunshan.example> (产品经理)
语言: zh-CN
负责人: Alice Martin <alice@agency.example>
备份: 王伟 <wang.wei@agency.example>

## 承诺
- [ ] 数据看板上线 due:2026-11-25 @wang
`;

function input(extra: Partial<HandoverInput> = {}): HandoverInput {
  const file = parseClients(TEXT);
  return {
    today: '2026-11-20',
    period: { since: '2026-08-23', until: '2026-11-20' },
    language: 'en',
    from: resolveDeparting('alice@agency.example', [{ name: 'Alice Martin', email: 'alice@agency.example' }]),
    clients: file.clients,
    allClients: file.clients,
    repositories: [],
    lastUpdateSent: { 'Solo Shop': '2026-11-16' },
    warnings: [],
    ...extra,
  };
}

describe('handover: composing from clients.md alone', () => {
  it('without a successor or Backup, asks for one with a clear placeholder everywhere', () => {
    const doc = composeHandover(input());
    const solo = doc.clients[0];
    assert.deepEqual(solo.lead, { kind: 'placeholder' });
    assert.match(solo.markdown, /No successor and no Backup: name one before anything else\. Placeholder: \[successor: name and e-mail\]\./);
    assert.match(solo.letter?.body ?? '', /\[successor: name and e-mail\] will take over as your project lead\. \[the successor's background and experience/);
    assert.match(solo.letter?.body ?? '', /^Dear Mia,/);
    assert.match(solo.letter?.body ?? '', /who has been leading your project/);
  });

  it('with a Backup, the Backup stands in; the Chinese client gets a Chinese part, letter and checklist', () => {
    const doc = composeHandover(input());
    const yun = doc.clients[1];
    assert.equal(yun.language, 'zh-CN');
    assert.deepEqual(yun.lead, { kind: 'interim', person: { name: '王伟', email: 'wang.wei@agency.example' } });
    assert.match(yun.markdown, /^## 云杉科技\n\nAlice Martin是该客户的负责人。尚未指定接任人：由王伟 <wang.wei@agency.example>（备份）担任临时负责人。/);
    assert.match(yun.letter?.body ?? '', /^陈静，您好！/);
    assert.match(yun.letter?.body ?? '', /在正式接任人确定之前，将由一直作为Alice Martin备份、熟悉贵方项目的王伟（wang\.wei@agency\.example，已抄送本邮件）担任临时负责人。/);
    assert.ok(yun.checklist.some((c) => c.startsWith('把王伟介绍给陈静（产品经理）')));
    assert.match(yun.markdown, /### 交接清单/);
  });

  it('lists open commitments overdue first, then by date, undated last; done ones are left out', () => {
    const md = composeHandover(input()).clients[0].markdown;
    const order = ['Gift cards', 'Tea subscription page', 'Newsletter signup'].map((t) => md.indexOf(`**${t}**`));
    assert.ok(order.every((i) => i > 0) && order[0] < order[1] && order[1] < order[2], order.join(','));
    assert.ok(!md.includes('**New logo**'));
    assert.match(md, /\*\*Gift cards\*\* · due Tue 10 Nov, \*\*overdue by 10 days\*\* · owner @alice · #gift/);
    assert.match(md, /\*\*Newsletter signup\*\* · no due date · no owner/);
    assert.equal((md.match(/Owned by Alice Martin: needs a new owner/g) ?? []).length, 2);
  });

  it('calls out a high risk without mitigation and asks without a date; computes the status by the draft rules', () => {
    const md = composeHandover(input()).clients[0].markdown;
    assert.match(md, /- \*\*High\*\*: The payment plug-in is unmaintained · \*\*no mitigation written: agree one before the handover meeting\*\*/);
    assert.match(md, /- Shipping rates for Europe · waiting \(date asked not recorded\)/);
    assert.match(md, /- Product photos for the subscription page · waiting 18 days \(asked 2 Nov\)/);
    assert.match(md, /### Current status: Off track/);
  });

  it('tells when the last update went out and when the next is due', () => {
    const md = composeHandover(input()).clients[0].markdown;
    assert.match(md, /- Last update sent: Mon 16 Nov \(4 days ago\)/);
    assert.match(md, /- Next update due: Mon 23 Nov \(in 3 days\), sent by \[successor: name and e-mail\]/);
    const doc = composeHandover(input({ lastUpdateSent: {} }));
    assert.match(doc.clients[0].markdown, /- Last update sent: none recorded/);
  });

  it('with a successor, the successor leads every client the leaver ran; the title names both', () => {
    const doc = composeHandover(input({ to: { name: 'Carol Jones', email: 'carol@agency.example' } }));
    assert.match(doc.markdown, /^# Handover: Alice Martin → Carol Jones\n/);
    assert.deepEqual(doc.clients.map((c) => c.lead.kind), ['successor', 'successor']);
    assert.match(doc.markdown, /- Taking over: Carol Jones <carol@agency.example>/);
    // The successor is copied and reachable; the Backup who stays is the fallback; promises the
    // leaver owned are said to get a new owner.
    const yunshan = doc.clients.find((c) => c.client === '云杉科技');
    assert.ok(yunshan?.letter);
    assert.deepEqual(yunshan.letter.cc, ['carol@agency.example']);
    assert.match(yunshan.letter.body, /接下来由Carol Jones（carol@agency\.example，已抄送本邮件）担任贵方项目的负责人/);
    assert.match(yunshan.letter.body, /如果Carol Jones不在，您也可以随时联系同样熟悉贵方项目的王伟。/);
    const solo = doc.clients.find((c) => c.client === 'Solo Shop');
    assert.ok(solo?.letter);
    assert.doesNotMatch(solo.letter.body, /unavailable/, 'nobody else knows Solo Shop: no fallback is promised');
    assert.match(solo.letter.body, /moves over with its due date, and the 2 that Alice Martin owned each get a new owner/);
  });

  it('a Backup who leaves: the lead stays and signs, the named successor takes the part and is the one introduced', () => {
    const wang = resolveDeparting('王伟', [{ name: '王伟', email: 'wang.wei@agency.example' }, { name: 'Alice Martin', email: 'alice@agency.example' }]);
    const part = (extra: Partial<HandoverInput>) => composeHandover(input({ from: wang, ...extra })).clients.find((c) => c.client === '云杉科技');
    const withTom = part({ to: { name: 'Tom Hughes', email: 'tom@agency.example' } });
    assert.ok(withTom?.letter, 'the client worked with the leaver: a letter');
    assert.equal(withTom.lead.kind, 'owner');
    assert.match(withTom.letter.body, /Alice Martin将继续担任贵方项目的负责人，王伟的相关工作由Tom Hughes（tom@agency\.example，已抄送本邮件）接手。/);
    assert.match(withTom.letter.body, /由王伟向您介绍Tom Hughes/);
    assert.match(withTom.letter.body, /祝好！\nAlice Martin$/, 'signed by the lead who stays');
    assert.ok(withTom.markdown.includes('- [ ] 把Tom Hughes介绍给陈静（产品经理）'));
    assert.ok(!withTom.markdown.includes('把Alice Martin介绍给'), 'the lead already knows the client');
    assert.ok(!withTom.markdown.includes('例会：'), 'the lead already runs the updates');
    assert.match(withTom.markdown, /待办：为“数据看板上线”（截止 11月25日）重新指定负责人/, '@wang is 王伟');

    const alone = part({});
    assert.ok(alone?.letter);
    assert.match(alone.letter.body, /由王伟和Alice Martin一起向您介绍项目当前的进展/);
    assert.ok(!alone.markdown.includes('介绍给'), 'nobody new to introduce');
    assert.match(alone.markdown, /由王伟向Alice Martin和客户交代自己负责的部分/);
  });

  it('is deterministic', () => {
    assert.equal(composeHandover(input()).markdown, composeHandover(input()).markdown);
  });
});

describe('handover: next update due', () => {
  const client = (cadence: string) => parseClients(`# C\n\nCadence: ${cadence}\n`).clients[0];
  it('follows the cadence day and the last update sent', () => {
    assert.equal(nextUpdateDue(client('weekly Fri'), '2026-11-20', '2026-11-13'), '2026-11-20', 'due today');
    assert.equal(nextUpdateDue(client('weekly Fri'), '2026-11-20', '2026-11-20'), '2026-11-27', 'sent today: next week');
    assert.equal(nextUpdateDue(client('weekly Mon'), '2026-11-20', undefined), '2026-11-23');
    assert.equal(nextUpdateDue(client('biweekly Mon'), '2026-11-20', '2026-11-16'), '2026-11-30');
    assert.equal(nextUpdateDue(client('monthly'), '2026-11-20', '2026-11-05'), '2026-12-05');
    // The same rule as the cadence view (src/extension/cadence/schedule): the same day next month, or its last day.
    assert.equal(nextUpdateDue(client('monthly'), '2026-04-01', '2026-03-31'), '2026-04-30');
    assert.equal(nextUpdateDue(client('monthly'), '2026-02-01', '2026-01-31'), '2026-02-28');
    assert.equal(nextUpdateDue(client('daily'), '2026-11-20', '2026-11-20'), '2026-11-21');
  });
});
