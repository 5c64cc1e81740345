/**
 * Housekeeping in plain words (issue 11 items 4 and the done-when "no test/CI line"): `代码格式化`,
 * `删除无用代码`, `remove dead code`, `测试` are hidden like their conventional types; component
 * stories (Storybook) are developer tooling — on a real repository. And a change that may be
 * evidence for a commitment, unlinked, keeps the status from saying "no progress" about it.
 */
import * as assert from 'node:assert/strict';
import { readActivity } from '../../../src/core/git/activity';
import { kindOf, parseConventional, plainTypeOf } from '../../../src/core/git/conventional';
import { withoutReferences } from '../../../src/core/git/refs';
import { fileNoiseReason } from '../../../src/core/git/file-noise';
import { composeDraft } from '../../../src/core/draft/compose';
import { client, clientsFile, commitment, item } from '../../support/clients';
import { makeRepo, useIsolatedGitConfig } from '../../support/git';

describe('git: housekeeping said in plain words', function () {
  this.timeout(60000);
  useIsolatedGitConfig();

  it('maps whole housekeeping subjects to their type, never a sentence that does something', () => {
    for (const s of ['代码格式化', '格式化代码', '调整代码格式', 'Reformat code', 'prettier', 'fix lint']) assert.equal(plainTypeOf(s), 'style', s);
    for (const s of ['删除无用代码', '清理冗余代码', '重构订单模块', 'Remove dead code', 'cleanup', 'Refactor checkout']) assert.equal(plainTypeOf(s), 'refactor', s);
    for (const s of ['测试', '增加单元测试', 'add tests']) assert.equal(plainTypeOf(s), 'test', s);
    for (const s of ['修复测试环境登录失败的问题', '删除订单时提示确认', 'Format dates as DD.MM.YYYY', '新增测试报告导出']) assert.equal(plainTypeOf(s), undefined, s);
  });

  it('hides them on a real repository; stories files are tooling', async () => {
    const repo = makeRepo([
      { message: 'feat: base', date: '2026-10-20 10:00:00 +0000', files: { 'src/app.ts': 'a\n' } },
      { message: '代码格式化', date: '2026-11-02 10:00:00 +0000', files: { 'src/app.ts': 'b\n' } },
      { message: '删除无用代码', date: '2026-11-03 10:00:00 +0000', files: { 'src/legacy.ts': null } },
      { message: 'docs(ui): Storybook stories for Select', date: '2026-11-04 10:00:00 +0000', files: { 'packages/ui/src/Select.stories.tsx': 's\n' } },
      { message: '删除订单时提示确认', date: '2026-11-05 10:00:00 +0000', files: { 'src/orders.ts': 'o\n' } },
    ]);
    const a = await readActivity({ cwd: repo, period: { since: '2026-11-01', until: '2026-11-30' } });
    const hidden = Object.fromEntries(a.items.map((i) => [i.commit.subject, i.hidden ?? 'shown']));
    assert.deepEqual(hidden, { '代码格式化': 'type', '删除无用代码': 'type', 'docs(ui): Storybook stories for Select': 'tooling', '删除订单时提示确认': 'shown' });
    assert.equal(fileNoiseReason(['.storybook/main.ts']), 'tooling');
  });
});

describe('draft: "no progress" is not said when an unlinked change may be the progress', () => {
  it('a change sharing the commitment\'s words keeps the due-soon rule quiet; an unrelated one does not', () => {
    const c = client({ language: 'zh-CN', commitments: [commitment(0, '积分兑换商品列表', { due: '2026-11-23' })] });
    const draft = (text: string) =>
      composeDraft({ file: clientsFile(c), client: c.name, items: [item(text, { date: '2026-11-17' })], today: '2026-11-20', period: { since: '2026-11-14', until: '2026-11-20' }, audience: 'client', signature: '李娜' });
    const related = draft('修复商品列表分页重复加载的问题');
    assert.equal(related.status.status, 'on-track');
    assert.doesNotMatch(related.markdown, /没有相关进展/u);
    const unrelated = draft('修复登录页白屏的问题');
    assert.equal(unrelated.status.status, 'at-risk');
    assert.match(unrelated.status.reasons.join(''), /积分兑换商品列表”3 天后到期，但本周没有相关进展/u);
  });
});

describe('git: a component prefix is not a conventional type', () => {
  it('`Waitlist: data model` keeps its words; known types in any case are still types', () => {
    assert.deepEqual(parseConventional('Waitlist: data model'), { breaking: false, description: 'Waitlist: data model' });
    assert.equal(parseConventional('Booking: clinics can block public holidays').type, undefined);
    assert.equal(parseConventional('Fix: crash on start').type, 'fix');
    assert.equal(parseConventional('feat(waitlist): data model').type, 'feat');
    assert.equal(parseConventional('waitlist: data model').type, 'waitlist', 'a lower-case word is read as the spec says');
    assert.equal(kindOf(parseConventional('Consent: fix Safari signature pad offset'), 'Consent: fix Safari signature pad offset'), 'fix');
    assert.equal(kindOf(parseConventional('直播回放：支持倍速播放和拖动进度条'), '直播回放：支持倍速播放和拖动进度条'), 'feature');
    assert.equal(kindOf(parseConventional('作业批改页面：老师端批注'), '作业批改页面：老师端批注'), 'other');
  });

  it('the client reads commitment titles without the PR/MR numbers written on them; the internal report keeps them', () => {
    assert.equal(withoutReferences('Upload photos with a claim !57'), 'Upload photos with a claim');
    assert.equal(withoutReferences('SMS appointment reminders PR 1288'), 'SMS appointment reminders');
    assert.equal(withoutReferences('运单批量打印 !23'), '运单批量打印');
    assert.equal(withoutReferences('Make it pop!'), 'Make it pop!');
    const c = client({ commitments: [commitment(0, 'SMS appointment reminders PR 1288', { due: '2026-11-30' })] });
    const compose = (audience: 'client' | 'internal') =>
      composeDraft({ file: clientsFile(c), client: c.name, items: [], today: '2026-11-20', period: { since: '2026-11-14', until: '2026-11-20' }, audience, signature: 'Sam' });
    assert.doesNotMatch(compose('client').markdown, /PR 1288/u);
    assert.match(compose('client').markdown, /SMS appointment reminders — due Mon 30 Nov/u);
    assert.match(compose('internal').markdown, /SMS appointment reminders PR 1288/u);
  });
});
