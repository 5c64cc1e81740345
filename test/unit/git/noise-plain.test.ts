/**
 * Noise and kinds without conventional types (issue 11 items 4, 8; issue 14 item 6): the header
 * grammar of Conventional Commits 1.0.0, plain English and Chinese subjects, and commits hidden by
 * the files they touch — on real repositories. Messages are written for these tests, modelled on
 * the shapes of public histories (a Chinese project's plain sentences, squash merges ending in
 * `(#N)`, commitlint-style strict headers).
 */
import * as assert from 'node:assert/strict';
import { readActivity } from '../../../src/core/git/activity';
import { kindOf, parseConventional, plainTypeOf } from '../../../src/core/git/conventional';
import { findDuplicates } from '../../../src/core/git/reword';
import { fileNoiseReason, globToRegExp } from '../../../src/core/git/file-noise';
import type { ActivityItem } from '../../../src/core/git/types';
import { makeRepo, useIsolatedGitConfig } from '../../support/git';

const NOV = { since: '2026-11-01', until: '2026-11-30' };

function bySubject(items: ActivityItem[], subject: string): ActivityItem {
  const found = items.find((i) => i.commit.subject === subject);
  assert.ok(found, `no item with subject ${subject}`);
  return found;
}

describe('git/conventional header grammar', () => {
  // Conventional Commits 1.0.0: "a type, followed by the OPTIONAL scope, OPTIONAL !, and REQUIRED
  // terminal colon and space"; a scope "MUST consist of a noun ... surrounded by parenthesis".
  const notHeaders = ['Test : new login flow', 'foo(): bar', 'foo(bar) : baz', 'feat( ): blank scope', 'fix:no space'];
  for (const subject of notHeaders) {
    it(`not a header: ${JSON.stringify(subject)}`, () => {
      const c = parseConventional(subject);
      assert.equal(c.type, undefined);
      assert.equal(c.description, subject);
    });
  }
  const headers: Array<[string, string, string | undefined, string]> = [
    ['chore:\u00a0update deps', 'chore', undefined, 'update deps'],
    ['chore：升级依赖', 'chore', undefined, '升级依赖'],
    ['fix(ui)：\u3000修复按钮错位', 'fix', 'ui', '修复按钮错位'],
    ['feat(api)!: drop v1 endpoints', 'feat', 'api', 'drop v1 endpoints'],
  ];
  for (const [subject, type, scope, description] of headers) {
    it(`header: ${JSON.stringify(subject)}`, () => {
      const c = parseConventional(subject);
      assert.deepEqual([c.type, c.scope, c.description], [type, scope, description]);
    });
  }

  it('BREAKING CHANGE footer: upper case only, also as a squashed list item, with its explanation', () => {
    const upper = parseConventional('feat: new config', 'Body.\n\nBREAKING CHANGE: the `port` option is now `server.port`');
    assert.deepEqual([upper.breaking, upper.breakingNote], [true, 'the `port` option is now `server.port`']);
    assert.equal(parseConventional('feat: x', 'BREAKING-CHANGE: gone').breaking, true);
    assert.equal(parseConventional('feat: x', 'Breaking-change: not per the spec').breaking, false);
    assert.equal(parseConventional('feat: x', 'breaking change: lower case').breaking, false);
    const squashed = parseConventional('feat: v2 config (#41)', '* feat: new loader\n\n* BREAKING CHANGE: node 16 is no longer supported\n\n* docs: note');
    assert.deepEqual([squashed.breaking, squashed.breakingNote], [true, 'node 16 is no longer supported']);
    assert.equal(parseConventional('feat: x', '', [{ key: 'Breaking-Change', value: 'x' }]).breaking, false);
    assert.equal(parseConventional('feat: x', '', [{ key: 'BREAKING-CHANGE', value: 'x' }]).breaking, true);
  });

  it('a leading 【label】 is the type many Chinese teams write (fix, feature, sync …), taken off the text', () => {
    const cases: Array<[string, string | undefined, string]> = [
      ['【修复】登录页在 iOS 上白屏', 'fix', '登录页在 iOS 上白屏'],
      ['【新增】会员积分导出', 'feat', '会员积分导出'],
      ['【功能优化】商品列表加载更快', 'perf', '商品列表加载更快'],
      ['【同步】jdk21 和 jdk8 的代码', 'chore', 'jdk21 和 jdk8 的代码'],
      ['【重构】订单模块', 'refactor', '订单模块'],
      ['【客户反馈】导出按钮文字', undefined, '导出按钮文字'],
    ];
    for (const [subject, type, description] of cases) {
      const c = parseConventional(subject);
      assert.deepEqual([c.type, c.description], [type, description], subject);
    }
    assert.equal(kindOf(parseConventional('【修复】登录页白屏'), '【修复】登录页白屏'), 'fix');
    // Not a label: brackets later in the subject, or nothing after the label.
    assert.equal(parseConventional('登录页【紧急】白屏').description, '登录页【紧急】白屏');
    assert.equal(parseConventional('【同步】').type, undefined);
  });

  it('syncing code between the team\'s branches is housekeeping (hidden like chore)', () => {
    for (const s of ['同步 jdk21 和 jdk8 的代码', '同步master分支', 'sync with main', 'Sync upstream']) assert.equal(plainTypeOf(s), 'chore', s);
    for (const s of ['同步订单状态到 ERP', 'sync contacts with the CRM']) assert.equal(plainTypeOf(s), undefined, s);
  });

  it('plain-language kinds in English and Chinese', () => {
    const cases: Array<[string, string]> = [
      ['Fix crash when the cart is empty', 'fix'],
      ['修复登录页验证码不显示的问题', 'fix'],
      ['修正订单金额计算', 'fix'],
      ['Add export to CSV', 'feature'],
      ['新增批量导入功能', 'feature'],
      ['支持微信登录', 'feature'],
      ['优化首页加载速度', 'perf'],
      ['Improve search ranking', 'perf'],
      ['文档：补充部署说明', 'docs'],
      ['Revert "feat: new checkout (#10)" (#12)', 'revert'],
      ['Prefix fixes nothing', 'other'],
      ['Addresses are validated', 'other'],
    ];
    for (const [subject, kind] of cases) assert.equal(kindOf(parseConventional(subject), subject), kind, subject);
  });
});

describe('git/file-noise', () => {
  it('globs: name anywhere, folder prefix, ** segments', () => {
    assert.ok(globToRegExp('yarn.lock').test('packages/web/yarn.lock'));
    assert.ok(globToRegExp('.github/workflows/').test('.github/workflows/ci.yml'));
    assert.ok(!globToRegExp('.github/workflows/').test('docs/.github/workflows/ci.yml'));
    assert.ok(globToRegExp('*.test.*').test('src/a/b.test.ts'));
    assert.ok(globToRegExp('src/**/gen/*.ts').test('src/gen/x.ts'));
    assert.ok(globToRegExp('src/**/gen/*.ts').test('src/a/b/gen/x.ts'));
    assert.ok(!globToRegExp('*.test.*').test('src/attest.ts'));
  });

  it('reasons: tests only, CI only, tooling (mixed noise), none when one real file is touched', () => {
    assert.equal(fileNoiseReason(['test/unit/a.test.ts', 'src/b.spec.ts']), 'tests-only');
    assert.equal(fileNoiseReason(['.github/workflows/ci.yml', '.gitlab-ci.yml']), 'ci-only');
    assert.equal(fileNoiseReason(['package-lock.json']), 'tooling');
    assert.equal(fileNoiseReason(['.eslintrc.json', 'test/a.test.ts']), 'tooling');
    assert.equal(fileNoiseReason(['.vscode/settings.json', '.husky/pre-commit']), 'tooling');
    assert.equal(fileNoiseReason(['src/app.ts', 'test/app.test.ts']), undefined);
    assert.equal(fileNoiseReason([]), undefined);
    assert.equal(fileNoiseReason(['scripts/gen.sh']), undefined);
    assert.equal(fileNoiseReason(['scripts/gen.sh'], ['scripts/']), 'tooling');
  });
});

describe('git/activity noise by files and plain subjects', function () {
  this.timeout(60000);
  useIsolatedGitConfig();

  it('hides by files whatever the message says; keeps real changes; configurable', async () => {
    const repo = makeRepo([
      { message: 'feat: base', date: '2026-10-20 10:00:00 +0000', files: { 'src/app.ts': 'a\n' } },
      { message: 'Add login tests', date: '2026-11-02 10:00:00 +0000', files: { 'test/login.test.ts': 't\n' } },
      { message: 'feat: faster pipeline', date: '2026-11-03 10:00:00 +0000', files: { '.github/workflows/ci.yml': 'on: push\n' } },
      { message: '升级依赖', date: '2026-11-04 10:00:00 +0000', files: { 'pnpm-lock.yaml': 'l\n' } },
      { message: 'Test : new login flow', date: '2026-11-05 10:00:00 +0000', files: { 'src/login.ts': 'l\n', 'test/login.test.ts': 't2\n' } },
      { message: '修复登录失败的问题', date: '2026-11-06 10:00:00 +0000', files: { 'src/login.ts': 'l2\n' } },
      { message: 'Regenerate fixtures', date: '2026-11-07 10:00:00 +0000', files: { 'scripts/gen.sh': 'g\n' } },
    ]);
    const a = await readActivity({ cwd: repo, period: NOV });
    assert.equal(bySubject(a.items, 'Add login tests').hidden, 'tests-only');
    assert.equal(bySubject(a.items, 'feat: faster pipeline').hidden, 'ci-only');
    assert.equal(bySubject(a.items, '升级依赖').hidden, 'tooling');
    const login = bySubject(a.items, 'Test : new login flow');
    assert.deepEqual([login.hidden, login.type], [undefined, undefined], 'not a conventional test commit');
    const fix = bySubject(a.items, '修复登录失败的问题');
    assert.deepEqual([fix.hidden, fix.kind], [undefined, 'fix']);
    assert.equal(bySubject(a.items, 'Regenerate fixtures').hidden, undefined);

    const configured = await readActivity({ cwd: repo, period: NOV, noise: { hideFilePatterns: ['scripts/'] } });
    assert.equal(bySubject(configured.items, 'Regenerate fixtures').hidden, 'tooling');
    const off = await readActivity({ cwd: repo, period: NOV, noise: { hideByFiles: false } });
    assert.equal(bySubject(off.items, 'Add login tests').hidden, undefined);
  });

  it('on a real repository: mending the tests or CI is hidden whatever files it touches; product changes that name a test are kept', async () => {
    const hidden = [
      'Fix flaky test',
      'Fix tests on Windows',
      'Fix failing test after refactor',
      'deflake checkout spec',
      'fix: flaky retry test on CI',
      'fix: tests on node 24',
      'fix: test timeout in checkout e2e',
      'fix(e2e): wait for the payment iframe',
      'fix(ci): cache pnpm store',
      '修复不稳定的测试',
      '修复单元测试失败',
      '修复单测',
      'Fix flaky checkout test',
      'Fix failing checkout test',
      'Fix flaky test.',
      'Fix test failures',
      'Fix intermittent test failures',
      'Increase test timeout',
      'Fix CI',
      'tests: cover refunds',
    ];
    // Product areas called tests, specs, snapshots, workflows or pipelines; bugs testers found (测试问题).
    const kept = [
      'Disable test mode banner in production',
      'Fix checkout test mode for Stripe',
      'fix: A/B test variant not shown to returning users',
      'Add A/B test for the pricing page',
      'feat(workflows): approval workflow for invoices',
      'fix(pipeline): sales pipeline stage ordering',
      'feat(actions): bulk actions on the orders table',
      'fix(snapshots): restore fails for volumes over 2 TB',
      'fix(spec): tech specs table overflows on mobile',
      'Update specs for iPhone 16',
      'Fix specs on product page',
      'Disable product specs on mobile',
      'Fix failed snapshots for large volumes',
      'Disable AB test on pricing page',
      'Skip speed test on slow connections',
      'Re-enable the placement test for new students',
      '修复测试环境的登录问题',
      '修复测试问题',
      '修复UAT测试问题',
      '修复A/B测试',
      '修复学生无法开始测试',
      '修复性格测试',
      '修复灰度测试',
    ];
    const repo = makeRepo([
      { message: 'feat: base', date: '2026-10-20 10:00:00 +0000', files: { 'src/app.ts': 'a\n' } },
      ...[...hidden, ...kept].map((message, k) => ({ message, date: `2026-11-${String(2 + (k % 28)).padStart(2, '0')} ${String(10 + Math.floor(k / 28)).padStart(2, '0')}:00:00 +0000`, files: { 'src/app.ts': `${k}\n` } })),
    ]);
    const a = await readActivity({ cwd: repo, period: NOV });
    for (const subject of hidden) assert.equal(bySubject(a.items, subject).hidden, 'type', subject);
    for (const subject of kept) assert.equal(bySubject(a.items, subject).hidden, undefined, subject);
    const shown = await readActivity({ cwd: repo, period: NOV, noise: { hiddenTypes: ['chore'] } });
    assert.equal(bySubject(shown.items, 'Fix flaky test').hidden, undefined, 'shown when test is not a hidden type');
  });

  it('on a real repository: a 【同步】 commit is hidden as housekeeping, a 【修复】 one reads as a fix without its label', async () => {
    const repo = makeRepo([
      { message: 'feat: base', date: '2026-10-20 10:00:00 +0000', files: { 'src/app.ts': 'a\n' } },
      { message: '【同步】jdk21 和 jdk8 的代码', date: '2026-11-02 10:00:00 +0000', files: { 'src/app.ts': 'b\n' } },
      { message: '【修复】登录页在 iOS 上白屏', date: '2026-11-03 10:00:00 +0000', files: { 'src/login.ts': 'l\n' } },
    ]);
    const a = await readActivity({ cwd: repo, period: NOV });
    assert.equal(bySubject(a.items, '【同步】jdk21 和 jdk8 的代码').hidden, 'type');
    const fix = bySubject(a.items, '【修复】登录页在 iOS 上白屏');
    assert.deepEqual([fix.hidden, fix.kind, fix.clientText], [undefined, 'fix', '登录页在 iOS 上白屏']);
  });

  it('a squash-merged revert ending in (#N) pairs with what it reverts', async () => {
    const repo = makeRepo([
      { message: 'feat: base', date: '2026-10-20 10:00:00 +0000', files: { 'src/app.ts': 'a\n' } },
      { message: 'feat: new checkout (#10)', date: '2026-11-02 10:00:00 +0000', files: { 'src/checkout.ts': 'c\n' } },
      { message: 'Revert "feat: new checkout (#10)" (#12)\n\nThe payment provider rejected it.', date: '2026-11-03 10:00:00 +0000', files: { 'src/checkout.ts': null } },
    ]);
    const a = await readActivity({ cwd: repo, period: NOV });
    const revert = bySubject(a.items, 'Revert "feat: new checkout (#10)" (#12)');
    assert.equal(revert.kind, 'revert');
    assert.equal(revert.hidden, 'reverted');
    assert.equal(bySubject(a.items, 'feat: new checkout (#10)').hidden, 'reverted');
  });

  it('near duplicates keep the clearest text and never merge different numbers; a soft-wrapped subject gives its first line', async () => {
    assert.deepEqual(findDuplicates(['Released version 10.0.0 today', 'Released version 10.0.1 today']), [-1, -1]);
    assert.deepEqual(findDuplicates(['Support uploads up to 20 MB', 'Support uploads up to 25 MB']), [-1, -1]);
    const repo = makeRepo([
      { message: 'feat: base', date: '2026-10-20 10:00:00 +0000', files: { 'src/app.ts': 'a\n' } },
      { message: '订单导出页面在夜间模式下时间显示错误的问题', date: '2026-11-02 10:00:00 +0000', files: { 'src/export.ts': 'e1\n' } },
      { message: '修复订单导出页面在夜间模式下时间显示错误的问题', date: '2026-11-03 10:00:00 +0000', files: { 'src/export.ts': 'e2\n' } },
      { message: 'Show the delivery date on the invoice\npage for all customers\n\nBody text.', date: '2026-11-04 10:00:00 +0000', files: { 'src/invoice.ts': 'i\n' } },
    ]);
    const a = await readActivity({ cwd: repo, period: NOV });
    const older = bySubject(a.items, '订单导出页面在夜间模式下时间显示错误的问题');
    const newer = bySubject(a.items, '修复订单导出页面在夜间模式下时间显示错误的问题');
    assert.equal(older.clientText, '修复订单导出页面在夜间模式下时间显示错误的问题');
    assert.equal(newer.clientText, '修复订单导出页面在夜间模式下时间显示错误的问题');
    assert.equal(newer.duplicateOf, older.commit.hash);
    const wrapped = bySubject(a.items, 'Show the delivery date on the invoice page for all customers');
    assert.equal(wrapped.clientText, 'Show the delivery date on the invoice');
  });
});
