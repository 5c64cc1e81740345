/**
 * Noise by the files a commit touches: a change whose every file is a test, CI configuration, a
 * lockfile or developer tooling is hidden from the client whatever its message says. The default
 * lists are documented in docs/drafting.md; `hideFilePatterns` adds patterns hidden as `tooling`.
 *
 * Patterns are globs on paths relative to the repository's top level: `*` matches within one path
 * segment, `**` any number of segments, `?` one character; a pattern without `/` matches the file
 * name in any folder; a pattern ending in `/` matches everything under that folder.
 */
import type { HiddenReason } from './types';

export type FileNoiseReason = Extract<HiddenReason, 'tests-only' | 'ci-only' | 'tooling'>;

export const TEST_FILE_PATTERNS: readonly string[] = [
  'test/', 'tests/', '__tests__/', 'spec/', 'e2e/', 'testdata/', '__snapshots__/', 'src/test/',
  '*.test.*', '*.spec.*', '*_test.go', '*_test.py', 'test_*.py', '*Test.java', '*Tests.java', '*IT.java', '*Test.kt', '*.snap',
];

export const CI_FILE_PATTERNS: readonly string[] = [
  '.github/workflows/', '.github/actions/', '.gitlab-ci.yml', '.gitlab-ci/', 'Jenkinsfile', '.circleci/', '.travis.yml',
  'azure-pipelines.yml', '.azure-pipelines/', 'appveyor.yml', '.buildkite/', '.drone.yml', 'bitbucket-pipelines.yml',
  '.github/dependabot.yml', 'renovate.json', '.woodpecker.yml',
];

export const TOOLING_FILE_PATTERNS: readonly string[] = [
  // lockfiles
  'package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lockb', 'Cargo.lock', 'go.sum',
  'poetry.lock', 'Pipfile.lock', 'composer.lock', 'Gemfile.lock', 'uv.lock',
  // developer tooling
  '.eslintrc', '.eslintrc.*', 'eslint.config.*', '.eslintignore', '.prettierrc', '.prettierrc.*', 'prettier.config.*',
  '.prettierignore', '.editorconfig', '.vscode/', '.idea/', '.husky/', '.lintstagedrc*', 'commitlint.config.*',
  '.commitlintrc*', '.stylelintrc*', '.markdownlint*', '.gitignore', '.gitattributes', '.git-blame-ignore-revs',
  '.nvmrc', '.node-version', '.npmrc', '.yarnrc*', 'tsconfig*.json', '.pre-commit-config.yaml', 'checkstyle*.xml',
  // component workshops (Storybook, Ladle, Histoire): stories are for the team, not the product
  '*.stories.*', '*.story.*', '.storybook/', '.ladle/',
];

const compiled = new Map<string, RegExp>();

/** The regular expression for one glob (cached). */
export function globToRegExp(glob: string): RegExp {
  let re = compiled.get(glob);
  if (re) return re;
  let g = glob.trim().replace(/^\.\//u, '');
  const anywhere = !g.replace(/\/$/u, '').includes('/');
  if (g.endsWith('/')) g += '**';
  let src = '';
  for (let i = 0; i < g.length; i++) {
    const ch = g[i];
    if (ch === '*' && g[i + 1] === '*') {
      src += g[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += g[i + 2] === '/' ? 2 : 1;
    } else if (ch === '*') src += '[^/]*';
    else if (ch === '?') src += '[^/]';
    else src += ch.replace(/[.+^${}()|[\]\\]/gu, '\\$&');
  }
  re = new RegExp(`^${anywhere ? '(?:.*/)?' : ''}${src}$`, 'u');
  compiled.set(glob, re);
  return re;
}

/** One regular expression for a list of globs (any of them matches). */
function anyOf(patterns: readonly string[]): RegExp {
  // Each glob's expression is anchored at both ends, so the alternation matches exactly when one of them does.
  return patterns.length ? new RegExp(patterns.map((p) => `(?:${globToRegExp(p).source})`).join('|'), 'u') : /(?!)/u;
}

const TEST = 1;
const CI = 2;
const TOOLING = 4;

/** The lists' expressions for one set of extra patterns, and what each path seen so far matched (paths repeat across commits). */
interface Classifier {
  kinds(file: string): number;
}

function classifier(extra: readonly string[]): Classifier {
  const tests = anyOf(TEST_FILE_PATTERNS);
  const ci = anyOf(CI_FILE_PATTERNS);
  const tooling = anyOf([...TOOLING_FILE_PATTERNS, ...extra]);
  const seen = new Map<string, number>();
  return {
    kinds(file) {
      let k = seen.get(file);
      if (k === undefined) {
        k = (tests.test(file) ? TEST : 0) | (ci.test(file) ? CI : 0) | (tooling.test(file) ? TOOLING : 0);
        if (seen.size >= 50_000) seen.clear();
        seen.set(file, k);
      }
      return k;
    },
  };
}

const NO_EXTRA: readonly string[] = [];
const classifiers = new Map<string, Classifier>();

function classifierFor(extra: readonly string[]): Classifier {
  const key = extra.length === 0 ? '' : extra.join('\0');
  let c = classifiers.get(key);
  if (!c) {
    if (classifiers.size >= 16) classifiers.clear();
    c = classifier(extra.length === 0 ? NO_EXTRA : [...extra]);
    classifiers.set(key, c);
  }
  return c;
}

/**
 * Why a commit touching `files` is noise by its files, or undefined. Only tests → `tests-only`;
 * only CI → `ci-only`; only tests, CI, lockfiles, tooling and `extra` patterns → `tooling`.
 * A commit without files (empty, or a merge with nothing new) is not judged by its files.
 * Each path is tested once against each list (one expression per list), and remembered.
 */
export function fileNoiseReason(files: readonly string[], extra: readonly string[] = NO_EXTRA): FileNoiseReason | undefined {
  if (files.length === 0) return undefined;
  const c = classifierFor(extra);
  let all = TEST | CI | TOOLING;
  for (const f of files) {
    const k = c.kinds(f);
    if (k === 0) return undefined;
    all &= k | TOOLING;
  }
  if (all & TEST) return 'tests-only';
  if (all & CI) return 'ci-only';
  return 'tooling';
}
