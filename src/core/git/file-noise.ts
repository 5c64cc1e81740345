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

function allMatch(files: readonly string[], patterns: readonly string[]): boolean {
  const res = patterns.map(globToRegExp);
  return files.every((f) => res.some((r) => r.test(f)));
}

/**
 * Why a commit touching `files` is noise by its files, or undefined. Only tests → `tests-only`;
 * only CI → `ci-only`; only tests, CI, lockfiles, tooling and `extra` patterns → `tooling`.
 * A commit without files (empty, or a merge with nothing new) is not judged by its files.
 */
export function fileNoiseReason(files: readonly string[], extra: readonly string[] = []): FileNoiseReason | undefined {
  if (files.length === 0) return undefined;
  if (allMatch(files, TEST_FILE_PATTERNS)) return 'tests-only';
  if (allMatch(files, CI_FILE_PATTERNS)) return 'ci-only';
  if (allMatch(files, [...TEST_FILE_PATTERNS, ...CI_FILE_PATTERNS, ...TOOLING_FILE_PATTERNS, ...extra])) return 'tooling';
  return undefined;
}
