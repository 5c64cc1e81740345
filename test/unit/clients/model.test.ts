import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseClients } from '../../../src/core/clients/parse';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const DOC = fs.readFileSync(path.join(ROOT, 'docs', 'clients-format.md'), 'utf8');
const EXAMPLE = /## Full example\s+```markdown\n([\s\S]*?)```/.exec(DOC)?.[1] ?? '';
const strip = <T extends object>(x: T): Omit<T, 'span'> => { const { span: _s, ...rest } = x as T & { span: unknown }; return rest; };

describe('clients: the full example of docs/clients-format.md', () => {
  const f = parseClients(EXAMPLE);
  const c = f.clients[0];

  it('parses with zero diagnostics', () => {
    assert.ok(EXAMPLE.length > 500, 'example found');
    assert.deepEqual(f.diagnostics, []);
    assert.equal(f.eol, '\n');
    assert.equal(f.hasBom, false);
  });

  it('every other ```markdown block in the doc marked "parses cleanly" also has zero diagnostics', () => {
    const blocks = [...DOC.matchAll(/<!-- parses cleanly -->\s*```markdown\n([\s\S]*?)```/g)].map((m) => m[1]);
    for (const b of blocks) assert.deepEqual(parseClients(b).diagnostics, [], b);
  });

  it('client, profile and header fields', () => {
    assert.deepEqual(f.clients.map((x) => x.name), ['Acme Retail']);
    assert.equal(c.headingSpan.startLine, 0);
    assert.equal(c.profile, [
      'Acme runs 40 grocery stores in the Midwest and is moving its loyalty scheme online.',
      'Goals for this quarter: a loyalty app beta before the holiday season, faster checkout.',
      'Challenges: a small in-house IT team and a payment provider that is retiring its v1 API.',
    ].join('\n'));
    assert.deepEqual(c.fields.map((x) => [x.key, x.canonical, x.span.startLine]), [
      ['Contact', 'contact', 6], ['Contact', 'contact', 7], ['Cc', 'cc', 8], ['Cadence', 'cadence', 9], ['Language', 'language', 10],
      ['Paths', 'paths', 11], ['Tag', 'tag', 12], ['Owner', 'owner', 13], ['Backup', 'backup', 14],
    ]);
    assert.deepEqual(c.contacts, [
      { name: 'Jane Doe', email: 'jane.doe@acme.example', role: 'CTO' },
      { name: 'Tom Becker', email: 'tom.becker@acme.example', role: 'Product owner' },
    ]);
    assert.deepEqual(c.cc, ['pmo@acme.example']);
    assert.deepEqual(c.cadence, { every: 'weekly', day: 5, raw: 'weekly Fri' });
    assert.equal(c.language, 'en');
    assert.deepEqual(c.paths, ['apps/acme/', 'packages/loyalty-*']);
    assert.deepEqual(c.tags, ['acme']);
    assert.deepEqual(c.owner, { name: 'Alice Martin', email: 'alice@agency.example' });
    assert.deepEqual(c.backup, { name: '王伟', email: 'wang.wei@agency.example' });
  });

  it('sections with their spans', () => {
    assert.deepEqual(c.sections.map((s) => [s.kind, s.heading, s.headingSpan.startLine]), [
      ['commitments', 'Commitments', 16], ['risks', 'Risks', 21], ['asks', 'Asks', 25],
      ['feedback', 'Feedback', 29], ['decisions', 'Decisions', 32], ['notes', 'Notes', 35],
    ]);
    const com = c.sections[0];
    assert.equal(com.span.endLine, 19, 'section ends at its last non-blank line');
    assert.equal(c.span.endLine, 36);
  });

  it('commitments field by field', () => {
    assert.deepEqual(c.commitments.map((k) => ({ ...strip(k), checkboxSpan: undefined, line: k.span.startLine })), [
      { id: 'Acme Retail#0', client: 'Acme Retail', title: 'Loyalty app beta on TestFlight', raw: 'Loyalty app beta on TestFlight due:2026-12-04 @alice #loyalty', done: false, status: 'open', mark: ' ', due: '2026-12-04', owners: ['alice'], tags: ['loyalty'], checkboxSpan: undefined, line: 17 },
      { id: 'Acme Retail#1', client: 'Acme Retail', title: 'Checkout p95 under 2 s', raw: 'Checkout p95 under 2 s 📅 2026-11-27 @wang #checkout', done: false, status: 'open', mark: ' ', due: '2026-11-27', owners: ['wang'], tags: ['checkout'], checkboxSpan: undefined, line: 18 },
      { id: 'Acme Retail#2', client: 'Acme Retail', title: 'Store locator redesign', raw: 'Store locator redesign due:2026-11-13 done:2026-11-12 @alice #locator', done: true, status: 'done', mark: 'x', due: '2026-11-13', doneDate: '2026-11-12', owners: ['alice'], tags: ['locator'], checkboxSpan: undefined, line: 19 },
    ]);
    const k = c.commitments[0];
    assert.deepEqual([k.checkboxSpan.startColumn, k.checkboxSpan.endColumn], [2, 5]);
    assert.equal(EXAMPLE.slice(k.span.startOffset, k.span.endOffset), '- [ ] Loyalty app beta on TestFlight due:2026-12-04 @alice #loyalty');
  });

  it('risks, asks, feedback, decisions, notes', () => {
    assert.deepEqual(c.risks.map(strip), [
      { client: 'Acme Retail', description: 'Payment provider retires its v1 API on 15 January', level: 'high', mitigation: 'migrate to v2 behind a flag by 12 December' },
      { client: 'Acme Retail', description: 'Holiday code freeze may delay the last beta build', level: 'low', mitigation: 'agree the freeze dates with Jane this week' },
    ]);
    assert.deepEqual(c.asks.map(strip), [
      { client: 'Acme Retail', text: 'Brand assets (logo, colours) for the loyalty screens', askedOn: '2026-11-10', answered: false },
      { client: 'Acme Retail', text: 'Access to the staging payment account', askedOn: '2026-11-02', answered: true },
    ]);
    assert.deepEqual(c.feedback.map(strip), [{ text: 'Jane liked the new locator; asked for opening hours on the map pins.', date: '2026-11-14' }]);
    assert.deepEqual(c.decisions.map(strip), [{ text: 'Loyalty points are stored server-side only.', date: '2026-10-28' }]);
    assert.deepEqual(c.notes.map(strip), [{ text: 'Jane prefers short updates with the risks first.' }]);
    assert.equal(c.notes[0].span.startLine, 36);
  });

  it('the Chinese names of keys, sections, levels and cadence', () => {
    const zh = parseClients([
      '# 星河教育', '', '联系人：李娜 <li.na@xinghe.example>（产品经理）', '抄送：pm@xinghe.example；ops@xinghe.example', '节奏：每两周三', '语言：zh-CN',
      '路径：apps/xinghe/', '标签：#xinghe', '负责人：王伟 <wang.wei@agency.example>', '备份：Alice <alice@agency.example>', '',
      '## 承诺', '- [ ] 课程上线 📅 2026-12-01 @王伟 #course', '', '## 风险', '- 中：内容审核慢 应对：提前一周提交', '',
      '## 待客户确认', '- [x] 课程封面 asked:2026-11-01', '', '## 反馈', '- 2026-11-10：喜欢新界面', '', '## 决定', '2026-11-02: 使用微信登录', '', '## 备注', '- 周五下午不开会', '',
    ].join('\n'));
    assert.deepEqual(zh.diagnostics, []);
    const x = zh.clients[0];
    assert.deepEqual(x.contacts, [{ name: '李娜', email: 'li.na@xinghe.example', role: '产品经理' }]);
    assert.deepEqual(x.cc, ['pm@xinghe.example', 'ops@xinghe.example']);
    assert.deepEqual(x.cadence, { every: 'biweekly', day: 3, raw: '每两周三' });
    assert.equal(x.language, 'zh-CN');
    assert.deepEqual(x.tags, ['xinghe']);
    assert.deepEqual(x.commitments[0].owners, ['王伟']);
    assert.equal(x.commitments[0].title, '课程上线');
    assert.deepEqual(strip(x.risks[0]), { client: '星河教育', description: '内容审核慢', level: 'medium', mitigation: '提前一周提交' });
    assert.equal(x.asks[0].answered, true);
    assert.deepEqual(strip(x.feedback[0]), { text: '喜欢新界面', date: '2026-11-10' });
    assert.deepEqual(strip(x.decisions[0]), { text: '使用微信登录', date: '2026-11-02' });
    assert.equal(x.notes[0].text, '周五下午不开会');
  });

  it('unknown content is kept in place and reported (unknown section, unknown field)', () => {
    const text = '# A\n\nLanguage: en\nBudget: 10k\n\n## Roadmap\n- [ ] not a commitment here\n\n## Commitments\n- [ ] real due:2026-12-01\n';
    const g = parseClients(text);
    assert.deepEqual(g.diagnostics.map((d) => d.code), ['unknown-field', 'unknown-section']);
    assert.deepEqual(g.clients[0].fields.map((x) => [x.key, x.canonical, x.value]), [['Language', 'language', 'en'], ['Budget', undefined, '10k']]);
    assert.deepEqual(g.clients[0].commitments.map((k) => k.title), ['real']);
  });
});
