/**
 * `client-pulse` speaks Simplified Chinese when the locale (LC_ALL, else LC_MESSAGES, else LANG) or
 * `--lang zh-cn` before the command asks for it: core's notices and the CLI's own sentences, from
 * the extension's zh-CN bundle. The draft's own language (the client's Language:) is unchanged.
 */
import assert from 'node:assert/strict';
import { cliLanguageOf, localeLanguage } from '../../../src/cli/l10n';
import { extractLanguage } from '../../../src/cli/main';
import { buildOnce, runCli } from '../../support/cli';
import { DEMO_TODAY, makeDemo } from '../../support/demo';
import { tempDir } from '../../support/temp';

const ZH = { LANG: 'zh_CN.UTF-8', LC_ALL: undefined, LC_MESSAGES: undefined };
const EN = { LANG: 'C.UTF-8', LC_ALL: undefined, LC_MESSAGES: undefined };

describe('cli: messages in the language the locale or --lang asks for', function () {
  this.timeout(60000);
  let plain: string;
  let demo: string;
  before(() => {
    buildOnce();
    plain = tempDir('not-a-repo');
    demo = makeDemo().repo;
  });

  it('the locale chooses: LC_ALL over LC_MESSAGES over LANG; zh_CN.UTF-8, zh-Hans → zh-cn', () => {
    assert.equal(localeLanguage({ LANG: 'zh_CN.UTF-8' }), 'zh-cn');
    assert.equal(localeLanguage({ LANG: 'zh_CN.UTF-8', LC_MESSAGES: 'en_GB.UTF-8' }), 'en');
    assert.equal(localeLanguage({ LANG: 'en_US.UTF-8', LC_ALL: 'zh_CN.GB18030' }), 'zh-cn');
    assert.equal(localeLanguage({ LANG: 'C' }), 'en');
    assert.equal(localeLanguage({ LANG: 'de_DE.UTF-8' }), 'en', 'a language without a bundle: English');
    assert.equal(localeLanguage({}), 'en');
    assert.equal(cliLanguageOf('zh-Hans'), 'zh-cn');
    assert.equal(cliLanguageOf('fr'), undefined);
  });

  it('--lang is taken only before the command (after it, it is the command\'s own)', () => {
    assert.deepEqual(extractLanguage(['--lang', 'zh-cn', 'draft', '--lang', 'en']), { args: ['draft', '--lang', 'en'], language: 'zh-cn' });
    assert.deepEqual(extractLanguage(['-C', 'x', '--lang=zh-CN', 'check']), { args: ['-C', 'x', 'check'], language: 'zh-cn' });
    assert.deepEqual(extractLanguage(['draft', '--lang', 'zh-CN']), { args: ['draft', '--lang', 'zh-CN'] });
  });

  it('LANG=zh_CN.UTF-8: "not a git repository" in Chinese (exit 3); LC_ALL=C: in English', () => {
    const zh = runCli(['activity'], { cwd: plain, env: ZH });
    assert.equal(zh.code, 3, zh.stderr);
    assert.equal(zh.stderr, `client-pulse activity: ${plain} 不在 git 仓库中；请打开仓库所在的文件夹（或运行 "git init" 新建一个仓库）\n`);
    const c = runCli(['activity'], { cwd: plain, env: { ...ZH, LC_ALL: 'C' } });
    assert.equal(c.stderr, `client-pulse activity: ${plain} is not inside a git repository; open the repository's folder (or run "git init" to start one)\n`);
  });

  it('--lang zh-cn: a bad --since in Chinese with the reason (exit 2); --lang en wins over the locale', () => {
    const zh = runCli(['--lang', 'zh-cn', 'activity', '--since', '2026-13-01'], { cwd: plain, env: EN });
    assert.equal(zh.code, 2, zh.stderr);
    assert.match(zh.stderr, /^client-pulse activity: --since：2026-13-01 不是真实的日期（月份必须是 01–12）\n/u);
    assert.match(zh.stderr, /\n用法|\nUsage: client-pulse activity/u);
    const en = runCli(['--lang', 'en', 'activity', '--since', '2026-02-30'], { cwd: plain, env: ZH });
    assert.match(en.stderr, /^client-pulse activity: --since: 2026-02-30 is not a real date \(day must be 01–28 in 2026-02\)\n/u);
    const handover = runCli(['--lang', 'zh-cn', 'handover', '--from', 'x', '--since', '0d'], { cwd: demo, env: { ...EN, CLIENT_PULSE_TODAY: DEMO_TODAY } });
    assert.equal(handover.code, 2, handover.stderr);
    assert.match(handover.stderr, /--since: 时间窗口至少为 1 天，实际为 "0d"/u);
  });

  it('a bad --lang or CLIENT_PULSE_TODAY is a usage error in the asked language', () => {
    const bad = runCli(['--lang', 'fr', 'check'], { env: EN });
    assert.equal(bad.code, 2);
    assert.equal(bad.stderr, 'client-pulse: option --lang needs en or zh-cn; got "fr"\n');
    const today = runCli(['--lang', 'zh-cn', 'check'], { cwd: plain, env: { ...EN, CLIENT_PULSE_TODAY: '2026-02-30' } });
    assert.equal(today.code, 2);
    assert.match(today.stderr, /CLIENT_PULSE_TODAY 必须是 YYYY-MM-DD 格式的日期，实际为 "2026-02-30"（2026-02 的日必须是 01–28）/u);
  });

  it('help headings and command summaries in Chinese; unknown commands too', () => {
    const help = runCli(['--help'], { env: ZH });
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^用法：client-pulse <命令> \[选项\]\n/u);
    assert.match(help.stdout, /\n命令：\n {2}check +检查 \.project\/clients\.md/u);
    assert.match(help.stdout, /\n退出码：0 正常/u);
    const draftHelp = runCli(['draft', '--help'], { env: ZH });
    assert.match(draftHelp.stdout, /^用法：client-pulse draft --client NAME \[选项\]\n/u);
    assert.match(draftHelp.stdout, /\n {6}--lang LANG {7}周报语言：en 或 zh-CN/u);
    const unknown = runCli(['frobnicate'], { env: ZH });
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /^client-pulse: 未知命令 "frobnicate"（命令：check, /u);
    const near = runCli(['chekc'], { env: ZH });
    assert.equal(near.stderr, 'client-pulse: 未知命令 "chekc"——是不是 check？（client-pulse --help 列出全部命令）\n');
  });

  it('reports: check, commitments and activity summaries in Chinese', () => {
    const env = { ...EN, CLIENT_PULSE_TODAY: DEMO_TODAY };
    const check = runCli(['--lang', 'zh-cn', 'check'], { cwd: demo, env });
    assert.equal(check.code, 0, check.stderr);
    assert.match(check.stdout, /clients\.md：没有问题（3 个客户）\n$/u);
    const list = runCli(['--lang', 'zh-cn', 'commitments'], { cwd: demo, env });
    assert.match(list.stdout, /\n\d+ 项未完成承诺，\d+ 项逾期 · 今天 2026-11-20\n$/u);
    assert.match(list.stdout, /逾期 \d+ 天/u);
    const activity = runCli(['--lang', 'zh-cn', 'activity'], { cwd: demo, env });
    assert.match(activity.stdout, /^2026-11-16 – 2026-11-22 的提交\n/u);
  });

  it('draft: the notes for the lead in Chinese, the e-mail in the client\'s language (English)', () => {
    const r = runCli(['--lang', 'zh-cn', 'draft', '--client', 'Acme Retail'], { cwd: demo, env: { ...EN, CLIENT_PULSE_TODAY: DEMO_TODAY } });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^Subject: \[Acme Retail\] Weekly update/u);
    assert.match(r.stdout, /\nHi Jane,/u);
    assert.match(r.stderr, /提示：发送前请改写（在英文邮件中使用了中文）：/u);
    assert.doesNotMatch(r.stderr, /note:|reword before sending/u);
    const missing = runCli(['draft', '--client', 'Nobody'], { cwd: demo, env: { ...ZH, CLIENT_PULSE_TODAY: DEMO_TODAY } });
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /clients\.md 中没有名为 "Nobody" 的客户（现有客户："Acme Retail", /u);
  });
});
