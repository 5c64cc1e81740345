/**
 * A line of commits that says nothing the client can use ("修改样式", "Update styling") is left out
 * of the e-mail by default (issue 11 item 7): the lead sees it, with the reason, and puts it back
 * once it says what changed; the internal report keeps it; the CLI says so on stderr. On a real
 * repository.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { composeDraft } from '../../../src/core/draft/compose';
import { gatherDraftInput } from '../../../src/core/draft/gather';
import type { Language } from '../../../src/core/clients/model';
import { buildOnce, runCli } from '../../support/cli';
import { commit, initRepo, useIsolatedGitConfig } from '../../support/git';
import { tempDir } from '../../support/temp';

const CLIENTS = `# 金桥银行

Contact: 孙磊 <sun.lei@jinqiao.example>
Language: zh-CN
Owner: 李娜 <li.na@agency.example>

## Commitments
- [ ] 积分兑换商品列表 #points due:2026-11-30
`;

describe('draft: a line that says nothing the client can use', function () {
  this.timeout(120000);
  useIsolatedGitConfig();
  let repo: string;

  before(() => {
    repo = tempDir('draft-left-out');
    initRepo(repo);
    commit(repo, 'docs: clients file', { '.project/clients.md': CLIENTS }, '2026-11-02');
    commit(repo, '修改样式', { 'pages/points/goods.vue': 's' }, '2026-11-16');
    commit(repo, '积分商城：新增兑换记录页面', { 'pages/points/history.vue': 'h' }, '2026-11-17');
    commit(repo, 'Update styling #points', { 'pages/points/list.vue': 'l' }, '2026-11-18');
  });
  after(() => fs.rmSync(repo, { recursive: true, force: true }));

  async function draft(options: { language?: Language; audience?: 'client' | 'internal'; kept?: string[]; dropped?: string[] } = {}) {
    const gathered = await gatherDraftInput({
      roots: [repo],
      clientsText: CLIENTS,
      projectDir: path.join(repo, '.project'),
      client: '金桥银行',
      period: { since: '2026-11-14', until: '2026-11-20' },
      today: '2026-11-20',
      weekStart: 'monday',
      audience: options.audience ?? 'client',
      language: options.language ?? 'zh-CN',
      ...(options.kept ? { keptLineIds: options.kept } : {}),
      ...(options.dropped ? { droppedLineIds: options.dropped } : {}),
    });
    return composeDraft(gathered.input);
  }
  const doneLines = (d: Awaited<ReturnType<typeof draft>>) => d.sections.find((s) => s.id === 'done')?.lines ?? [];

  it('is left out by default, flagged with its reason; the evidence still counts', async () => {
    const d = await draft();
    const vague = doneLines(d).filter((l) => l.leftOutByDefault);
    assert.deepEqual(vague.map((l) => [l.text, l.dropped, l.reword]).sort(), [
      ['Update styling', true, ['other-language', 'contentless']],
      ['修改样式', true, ['contentless']],
    ]);
    assert.doesNotMatch(d.markdown, /修改样式|Update styling/u);
    assert.match(d.markdown, /积分商城：新增兑换记录页面/u);
    assert.match(d.markdown, /## 下周计划\n\n- 积分兑换商品列表：[^\n]*进行中，本周 1 项相关改动/u, 'the left-out line is still evidence');
  });

  it('the lead puts a line back (kept) or leaves out another; the internal report keeps them all', async () => {
    const first = await draft();
    const id = doneLines(first).find((l) => l.text === '修改样式')?.id;
    assert.ok(id);
    const kept = await draft({ kept: [id] });
    assert.match(kept.markdown, /^- 修改样式$/mu);
    assert.equal(doneLines(kept).find((l) => l.id === id)?.needsRewording, true, 'still flagged to reword');
    const droppedAgain = await draft({ kept: [id], dropped: [id] });
    assert.doesNotMatch(droppedAgain.markdown, /修改样式/u);
    const internal = await draft({ audience: 'internal' });
    assert.match(internal.markdown, /修改样式/u);
    assert.ok(!doneLines(internal).some((l) => l.leftOutByDefault));
  });

  it('the CLI says what it left out, on stderr; --strict does not count it', () => {
    buildOnce();
    const r = runCli(['draft', '--client', '金桥银行', '--period', '2026-11-14..2026-11-20', '--strict', '--lang', 'en'], { cwd: repo, env: { CLIENT_PULSE_TODAY: '2026-11-20' } });
    assert.match(r.stderr, /note: left out of the e-mail, as it says nothing the client can use: Update styling/u);
    assert.doesNotMatch(r.stdout, /Update styling/u);
    assert.doesNotMatch(r.stderr, /reword before sending \([^)]*\): Update styling/u);
  });
});
