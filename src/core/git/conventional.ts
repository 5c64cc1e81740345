/**
 * Conventional commits (`type(scope)!: description`, `BREAKING CHANGE:` footer) and the kind of
 * change a commit is. Follows the Conventional Commits 1.0.0 grammar: no space before the colon,
 * no empty scope, and the `BREAKING CHANGE` / `BREAKING-CHANGE` footer token in upper case (the
 * spec makes every other token case-insensitive, this one not). Also accepts a full-width colon
 * (`feat：…`), common in Chinese messages, and any Unicode space after the colon (a non-breaking
 * space pasted from a web form).
 */
import type { CommitKind, Trailer } from './types';

export interface Conventional {
  /** Lower-cased type, e.g. `feat`; undefined when the subject does not follow the convention. */
  type?: string;
  scope?: string;
  breaking: boolean;
  /** The subject without the `type(scope):` prefix (the whole subject when there is none). */
  description: string;
  /** The explanation of the breaking change from its footer (first one), when there is one. */
  breakingNote?: string;
}

const HEADER = /^([A-Za-z]+)(?:\(([^()\r\n]*[^()\s][^()\r\n]*)\))?(!)?(?::[\s\u00a0\u3000]+|：[\s\u00a0\u3000]*)(\S.*)$/su;

/**
 * The footer token, upper case only, at the start of a line or of a squashed body's list item
 * (`* BREAKING CHANGE: …`, as GitHub writes the branch commits of a squash merge).
 */
const BREAKING_FOOTER = /^(?:[ \t]*[*-][ \t]+)?BREAKING[ -]CHANGE:[ \t]*(.*)$/mu;

export function parseConventional(subject: string, body = '', trailers: readonly Trailer[] = []): Conventional {
  const header = subject.trim();
  const m = HEADER.exec(header);
  const footer = BREAKING_FOOTER.exec(body);
  const trailer = trailers.find((t) => t.key === 'BREAKING CHANGE' || t.key === 'BREAKING-CHANGE');
  const note = (footer?.[1] ?? trailer?.value ?? '').trim();
  const breakingFooter = footer !== null || trailer !== undefined;
  const withNote = <T extends Conventional>(c: T): T => (note ? { ...c, breakingNote: note } : c);
  // `Waitlist: data model`, `Booking: clinics can block holidays`: a capitalised word that is no
  // type teams use is the component the change is in, not a conventional type.
  if (!m || (/^\p{Lu}/u.test(m[1]) && !KNOWN_TYPES.has(m[1].toLowerCase()))) {
    const label = BRACKET_LABEL.exec(header);
    if (!label) return withNote({ breaking: breakingFooter, description: header });
    // `【修复】登录页白屏`, `【同步】jdk21 和 jdk8 的代码`: a label in lenticular brackets, as many
    // Chinese teams write their commit type; an unknown label is only taken off the text.
    const type = labelType(label[1]);
    return withNote({ ...(type ? { type } : {}), breaking: breakingFooter, description: label[2].trim() });
  }
  const scope = m[2]?.trim();
  return withNote({
    type: m[1].toLowerCase(),
    scope: scope ? scope : undefined,
    breaking: m[3] === '!' || breakingFooter,
    description: m[4].trim(),
  });
}

/** `【label】rest`: a leading label in lenticular brackets (one or more words, no brackets inside). */
const BRACKET_LABEL = /^【([^【】\r\n]{1,16})】[\s\u00a0\u3000]*(\S.*)$/su;

/** The conventional type a bracket label stands for, by its words (Chinese or English). */
const LABEL_TYPES: ReadonlyArray<[RegExp, string]> = [
  [/^(?:功能)?优化|^(?:改进|改善|性能|提升)|^(?:perf|improve)/iu, 'perf'],
  [/^(?:bug ?)?(?:修复|修正|fix|bug|hotfix)/iu, 'fix'],
  [/^(?:新增|新功能|功能|新特性|增加|添加|feat(?:ure)?)/iu, 'feat'],
  [/^(?:文档|docs?)/iu, 'docs'],
  [/^(?:重构|refactor)/iu, 'refactor'],
  [/^(?:测试|单元测试|tests?)/iu, 'test'],
  [/^(?:同步|合并|sync|merge)/iu, 'chore'],
  [/^(?:依赖|升级依赖|构建|打包|deps|build)/iu, 'build'],
  [/^(?:发布|版本|release)/iu, 'release'],
];

function labelType(label: string): string | undefined {
  const words = label.trim();
  return LABEL_TYPES.find(([re]) => re.test(words))?.[1];
}

/** Types of the convention and of the presets teams use (Angular, commitlint, gitmoji-less conventional-changelog). */
const KNOWN_TYPES = new Set(['feat', 'feature', 'fix', 'bugfix', 'hotfix', 'perf', 'docs', 'doc', 'revert', 'chore', 'ci', 'build', 'test', 'tests', 'style', 'refactor', 'release', 'deps', 'security', 'types', 'wip', 'i18n', 'l10n', 'ui', 'ux', 'a11y', 'config', 'infra', 'ops', 'merge']);

const KINDS: Record<string, CommitKind> = {
  feat: 'feature',
  feature: 'feature',
  fix: 'fix',
  bugfix: 'fix',
  hotfix: 'fix',
  perf: 'perf',
  docs: 'docs',
  doc: 'docs',
  revert: 'revert',
};

/** `Revert "…"`, also when a squash merge appended its pull request number: `Revert "…" (#12)`. */
export const REVERT_SUBJECT = /^Revert "(.+)"(?:\s+\(#\d+\))?$/su;

/**
 * Plain-language subjects (no conventional type), English and Chinese, by their first word.
 * Order matters: the first matching row wins.
 */
const PLAIN_KINDS: ReadonlyArray<[RegExp, CommitKind]> = [
  [/^(?:fix(?:e[sd])?|bug ?fix|hotfix|resolve[sd]?|correct(?:s|ed)?)\b|^(?:修复|修正|解决|修改bug)/iu, 'fix'],
  [/^(?:add(?:s|ed)?|implement(?:s|ed)?|introduce[sd]?|support(?:s|ed)?|new)\b|^(?:新增|增加|添加|支持|实现)/iu, 'feature'],
  [/^(?:improve[sd]?|optimi[sz]e[sd]?|speed up|faster)\b|^(?:优化|改进|提升|改善)/iu, 'perf'],
  [/^(?:docs?|documentation|update (?:the )?(?:readme|docs?|changelog))\b|^(?:文档|更新文档|完善文档)/iu, 'docs'],
];

/**
 * Housekeeping said in plain words (no conventional type), English and Chinese: the conventional
 * type it stands for, so the hidden types hide it too. Whole subjects only — `修复测试环境登录失败`
 * is a fix, `测试` alone is a test commit.
 */
const PLAIN_TYPES: ReadonlyArray<[RegExp, string]> = [
  [/^(?:(?:代码|格式)?格式化(?:代码)?|调整(?:代码)?格式|代码风格(?:调整)?|(?:re)?format(?:ting)?(?: (?:the )?code)?|prettier|run prettier|code style|fix (?:lint|eslint|linting)(?: (?:errors|warnings))?|lint(?: fixes)?)$/iu, 'style'],
  [/^(?:重构.*|(?:删除|清理|移除|去掉|去除)(?:无用|多余|废弃|冗余|没用)的?代码|代码(?:清理|优化)|clean ?up(?: code)?|remove (?:dead|unused) code|refactor(?:ing)?\b.*)$/iu, 'refactor'],
  [/^(?:测试|(?:增加|添加|新增|补充|完善)?(?:单元)?测试(?:用例)?|add (?:unit )?tests?|tests?)$/iu, 'test'],  // Code carried between the team's own branches (`同步 jdk21 和 jdk8 的代码`, `sync with main`).
  [/^(?:同步.{0,40}(?:代码|分支)|sync(?:ed|ing|s)? (?:with |from |to )?(?:the )?(?:upstream|master|main|develop|dev|branch(?:es)?)(?: branch(?:es)?)?)$/iu, 'chore'],
];

/** The conventional type a plain-language subject stands for (`代码格式化` → `style`), when it is only housekeeping. */
export function plainTypeOf(subject: string): string | undefined {
  const s = subject.trim().replace(/[.。!！]+$/u, '');
  return PLAIN_TYPES.find(([re]) => re.test(s))?.[1];
}

/**
 * Scopes that can only mean the team's own test or CI machinery (`fix(e2e): …`, `feat(ci): …`).
 * Not `spec`, `snapshots`, `actions`, `workflows` or `pipeline`: products have those too.
 */
const TEST_SCOPES = /^(?:tests?|e2e|unit-?tests?|integration-?tests?|test-utils)$/iu;
const CI_SCOPES = /^(?:ci|github-actions|gh-actions|gitlab-ci|jenkins|circleci|travis)$/iu;
/** Words that make "test" the team's test (`flaky test`, `failing e2e test`), not a product's (`A/B test`, `speed test`). */
const TEST_TROUBLE = String.raw`(?:flaky|failing|failed|broken|unstable|intermittent|intermittently\s+failing|e2e|end-to-end|unit|integration|snapshot)`;
/** "test" and what may follow it in such a subject: nothing, a place or cause (`on Windows`, `after refactor`), or its failures. */
const TESTS_TAIL = String.raw`(?:tests?|test\s+suite|test\s+failures?|test\s+timeouts?)(?:\s+(?:on|in|for|under|with|after|before|when|again|timeouts?|flakiness)\b.*)?$`;
/** A subject about mending the tests or CI themselves (`Fix flaky test`, `修复不稳定的测试`): the client gets nothing from it. */
const FIXING_TESTS: ReadonlyArray<[RegExp, 'test' | 'ci']> = [
  // `Fix tests on Windows`, `Skip flaky tests`, `Fix intermittent test failures`
  [new RegExp(String.raw`^(?:fix(?:e[sd])?|repair(?:ed)?|update[sd]?|skip(?:ped)?|disable[sd]?|re-?enable[sd]?)\s+(?:the\s+|a\s+|an\s+|some\s+)?(?:${TEST_TROUBLE}\s+)*${TESTS_TAIL}`, 'iu'), 'test'],
  // `Fix flaky checkout test`, `fix: failing login e2e test` (after a word that says it is the team's test, what it covers)
  [new RegExp(String.raw`^(?:(?:fix(?:e[sd])?|repair(?:ed)?|skip(?:ped)?|disable[sd]?)\s+)?(?:the\s+|a\s+)?(?:${TEST_TROUBLE}\s+)+(?:[\p{L}\p{N}_-]+\s+){0,2}${TESTS_TAIL}`, 'iu'), 'test'],
  // Verbs that only ever apply to tests (`deflake checkout spec`, `quarantine payment tests`)
  [new RegExp(String.raw`^(?:stabili[sz]e[sd]?|deflake[sd]?|quarantine[sd]?)\s+(?:the\s+|a\s+|an\s+)?(?:[\p{L}\p{N}_-]+\s+){0,3}(?:tests?|specs?|test\s+suite)\b`, 'iu'), 'test'],
  // `fix: tests on node 24`, `fix: test timeout in checkout e2e`
  [new RegExp(String.raw`^${TESTS_TAIL}`, 'iu'), 'test'],
  // `Increase test timeout`
  [/^(?:increase[sd]?|bump(?:ed)?|raise[sd]?|extend(?:ed)?)\s+(?:the\s+)?(?:[\p{L}\p{N}_-]+\s+)?tests?\s+timeouts?$/iu, 'test'],
  // `Fix CI`, `fix the CI build on main`
  [/^fix(?:e[sd])?\s+(?:the\s+)?ci(?:\s+(?:build|pipeline|job|workflow))?(?:\s+(?:on|for|after)\b.*)?$/iu, 'ci'],
  // `修复不稳定的测试`, `修复单元测试失败`, `修复单测` — not `修复测试问题` or `修复UAT测试问题` (bugs testers found) or a product's test (`修复性格测试`)
  [/^(?:修复|修正|解决|修改|调整)了?(?:不稳定|失败|偶发失败|报错|超时)?的?(?:单元|集成|端到端|e2e|自动化)?(?:测试用例|测试|单测)(?:失败|不稳定|报错|超时)?$/iu, 'test'],
];

/** A cheap first look before the patterns: only a subject that names tests or CI can be about mending them. */
function namesTests(text: string): boolean {
  if (text.includes('测')) return true;
  const lower = text.toLowerCase();
  return lower.includes('test') || lower.includes('spec') || lower.includes('ci');
}

/**
 * The conventional type a commit counts as for hiding noise: its own type, except that work on
 * the team's tests or CI is `test` or `ci` whatever it is called (`fix(e2e): …`, `Fix flaky
 * test`, `fix: flaky retry test on CI`); else the type a plain housekeeping subject stands for.
 */
export function noiseTypeOf(conventional: Conventional, words: string): string | undefined {
  if (conventional.scope !== undefined) {
    if (TEST_SCOPES.test(conventional.scope.trim())) return 'test';
    if (CI_SCOPES.test(conventional.scope.trim())) return 'ci';
  }
  if (conventional.type === 'tests') return 'test';
  const fixing = conventional.type === undefined || conventional.type === 'fix';
  const text = (conventional.type === undefined ? words : conventional.description).trim().replace(/[.。!！]+$/u, '');
  if (fixing && namesTests(text)) {
    for (const [re, type] of FIXING_TESTS) if (re.test(text)) return type;
  }
  return conventional.type ?? plainTypeOf(words);
}

/** The kind of a commit: from its conventional type, else from the plain words it starts with. */
export function kindOf(conventional: Conventional, subject: string): CommitKind {
  if (conventional.type) return KINDS[conventional.type] ?? 'other';
  const s = subject.trim();
  if (REVERT_SUBJECT.test(s)) return 'revert';
  // After a component prefix (`Consent: fix Safari signature pad offset`, `直播回放：支持倍速播放`), the words that follow say the kind.
  const words = s.replace(/^(?:\p{Lu}[\p{L}\p{N} /-]{0,30}|\p{Script=Han}{2,12})[:：]\s*/u, '');
  for (const [re, kind] of PLAIN_KINDS) if (re.test(s) || re.test(words)) return kind;
  return 'other';
}
