/**
 * The one way tests run git themselves, and the repositories they build: real git in temp
 * folders, with no user or system configuration and fixed identities and dates.
 *
 * - `git()`: runs a command with `testGitEnv()` (every `GIT_*` variable of the caller dropped,
 *   `GIT_CONFIG_GLOBAL` = an empty-but-for-our-defaults file, `LC_ALL=C`).
 * - `makeRepo`/`importCommits`: whole histories with `git fast-import` (every byte of every
 *   message under our control). `TestRepo` and `initRepo`/`commit`: commit by commit.
 * - `useIsolatedGitConfig()`: for git run by the code under test.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TEMP_ROOT, tempDir } from './temp';

const TEST_GITCONFIG = path.join(TEMP_ROOT, 'gitconfig-tests');
fs.writeFileSync(TEST_GITCONFIG, '[commit]\n\tgpgsign = false\n[init]\n\tdefaultBranch = main\n');

/** Environment for git commands run by the tests themselves: no user or system config. */
export function testGitEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('GIT_')) env[k] = v;
  return {
    ...env,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: TEST_GITCONFIG,
    LC_ALL: 'C',
    GIT_AUTHOR_NAME: 'Test',
    GIT_AUTHOR_EMAIL: 'test@example.invalid',
    GIT_COMMITTER_NAME: 'Test',
    GIT_COMMITTER_EMAIL: 'test@example.invalid',
    GIT_AUTHOR_DATE: '2026-11-01T10:00:00+00:00',
    GIT_COMMITTER_DATE: '2026-11-01T10:00:00+00:00',
    ...extra,
  };
}

/** Runs git in `cwd`; returns stdout without its trailing line break. Throws when git fails. */
export function git(cwd: string, args: string[], options: { input?: Buffer | string; env?: Record<string, string> } = {}): string {
  return execFileSync('git', args, { cwd, input: options.input, env: testGitEnv(options.env), maxBuffer: 256 * 1024 * 1024, stdio: ['pipe', 'pipe', 'pipe'] })
    .toString('utf8')
    .replace(/\n$/u, '');
}

/** `name` and `email` as the author and committer of a commit made at `when` (ISO 8601). */
export function identity(who: { name: string; email: string }, when: string): Record<string, string> {
  return {
    GIT_AUTHOR_NAME: who.name,
    GIT_AUTHOR_EMAIL: who.email,
    GIT_AUTHOR_DATE: when,
    GIT_COMMITTER_NAME: who.name,
    GIT_COMMITTER_EMAIL: who.email,
    GIT_COMMITTER_DATE: when,
  };
}

function tryGit(cwd: string, args: string[]): string | undefined {
  try {
    return git(cwd, args).trim() || undefined;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------- whole histories (fast-import)

export interface FakeCommit {
  message: string | Buffer;
  /** `Name <email>`; default `Ann Dev <ann@agency.example>`. */
  author?: string;
  committer?: string;
  /** `YYYY-MM-DD HH:MM:SS ±HHMM` or epoch seconds + offset (`1700000000 +0100`). */
  date: string;
  /** Path → content (null deletes). Default: one file `file.txt` with a counter. */
  files?: Record<string, string | Buffer | null>;
  /** `encoding` header (e.g. `iso-8859-1`). */
  encoding?: string;
  /** Indexes (into the commits list) of extra parents: makes a merge. */
  merge?: number[];
  /** Index of the first parent (default: the previous commit; -1 for a new root). */
  from?: number;
  /** Branch (default `main`). */
  branch?: string;
}

function toTimestamp(date: string): string {
  const epoch = /^(\d+) ([+-]\d{4})$/u.exec(date);
  if (epoch) return date;
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2}) ?([+-])(\d{2}):?(\d{2})$/u.exec(date);
  if (!m) throw new Error(`bad test date ${date}`);
  const offsetMin = (m[3] === '-' ? -1 : 1) * (Number(m[4]) * 60 + Number(m[5]));
  const seconds = Date.parse(`${m[1]}T${m[2]}Z`) / 1000 - offsetMin * 60;
  return `${seconds} ${m[3]}${m[4]}${m[5]}`;
}

function data(content: string | Buffer): Buffer[] {
  const buf = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return [Buffer.from(`data ${buf.length}\n`), buf, Buffer.from('\n')];
}

/** Builds a repository from `commits` (oldest first) in a new temp folder; HEAD is on `main`. */
export function makeRepo(commits: FakeCommit[], options: { dir?: string; config?: Record<string, string> } = {}): string {
  const dir = options.dir ?? tempDir('repo');
  git(dir, ['init', '-q', '-b', 'main']);
  for (const [k, v] of Object.entries(options.config ?? {})) git(dir, ['config', k, v]);
  if (commits.length) importCommits(dir, commits);
  return dir;
}

/** Appends commits with fast-import (marks are the commit indexes + 1). */
export function importCommits(dir: string, commits: FakeCommit[]): void {
  const parts: Buffer[] = [];
  commits.forEach((c, i) => {
    const author = c.author ?? 'Ann Dev <ann@agency.example>';
    const committer = c.committer ?? author;
    const when = toTimestamp(c.date);
    parts.push(Buffer.from(`commit refs/heads/${c.branch ?? 'main'}\nmark :${i + 1}\nauthor ${author} ${when}\ncommitter ${committer} ${when}\n`));
    if (c.encoding) parts.push(Buffer.from(`encoding ${c.encoding}\n`));
    parts.push(...data(c.message));
    const from = c.from ?? i - 1;
    if (from >= 0) parts.push(Buffer.from(`from :${from + 1}\n`));
    else if (c.from === undefined) {
      // The first commit of an import continues its branch when the branch exists already.
      const tip = tryGit(dir, ['rev-parse', '--verify', '-q', `refs/heads/${c.branch ?? 'main'}`]);
      if (tip) parts.push(Buffer.from(`from ${tip}\n`));
    }
    for (const m of c.merge ?? []) parts.push(Buffer.from(`merge :${m + 1}\n`));
    const files = c.files ?? { 'file.txt': `change ${i}\n` };
    for (const [p, content] of Object.entries(files)) {
      const quoted = /[\n"\\]|^ /u.test(p) || p.includes('\0') ? JSON.stringify(p) : p;
      if (content === null) parts.push(Buffer.from(`D ${quoted}\n`));
      else parts.push(Buffer.from(`M 100644 inline ${quoted}\n`), ...data(content));
    }
    parts.push(Buffer.from('\n'));
  });
  git(dir, ['fast-import', '--quiet', '--date-format=raw'], { input: Buffer.concat(parts) });
  // Check out the tip so the working tree matches (worktrees and submodules need it).
  git(dir, ['reset', '-q', '--hard']);
}

// ---------------------------------------------------------------- commit by commit

export interface Who {
  name: string;
  email: string;
}

export const ALICE: Who = { name: 'Alice Martin', email: 'alice@agency.example' };

/** A repository built commit by commit, with fixed author and committer dates. */
export class TestRepo {
  readonly root: string;
  constructor(prefix = 'repo') {
    this.root = tempDir(prefix);
    git(this.root, ['init', '-q', '-b', 'main']);
  }

  write(rel: string, text: string): void {
    const file = path.join(this.root, ...rel.split('/'));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }

  /** Writes the files and commits them as `who` at `date` (YYYY-MM-DD, 10:00 UTC). */
  commit(who: Who, date: string, message: string, files: Record<string, string>): string {
    for (const [rel, text] of Object.entries(files)) this.write(rel, text);
    git(this.root, ['add', '--', ...Object.keys(files)]);
    git(this.root, ['commit', '-q', '-m', message], { env: identity(who, `${date}T10:00:00+00:00`) });
    return git(this.root, ['rev-parse', 'HEAD']);
  }

  checkout(args: string[]): void {
    git(this.root, ['checkout', '-q', ...args]);
  }

  remove(): void {
    fs.rmSync(this.root, { recursive: true, force: true });
  }
}

export function initRepo(dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  git(dir, ['init', '-q', '-b', 'main']);
}

/**
 * Appends a line to each of `files` and commits them with `message` as Alice on `day`
 * (YYYY-MM-DD, 10:00 +01:00); returns the new commit's hash.
 */
export function commit(dir: string, message: string, files: Record<string, string>, day: string): string {
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(dir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.appendFileSync(file, `${content}\n`);
  }
  git(dir, ['add', '--', ...Object.keys(files)]);
  git(dir, ['commit', '-q', '-m', message], { env: identity(ALICE, `${day}T10:00:00+01:00`) });
  return git(dir, ['rev-parse', 'HEAD']);
}

// ---------------------------------------------------------------- git run by the code under test

/**
 * Call inside a `describe`: while its tests run, git started by the code under test reads no
 * user or system configuration (only the repository's own and `GIT_CONFIG_GLOBAL` = a temp file).
 */
export function useIsolatedGitConfig(): { globalConfig: string } {
  const globalConfig = path.join(TEMP_ROOT, 'gitconfig-isolated');
  const saved: Record<string, string | undefined> = {};
  before(() => {
    for (const k of ['GIT_CONFIG_GLOBAL', 'GIT_CONFIG_NOSYSTEM']) saved[k] = process.env[k];
    fs.writeFileSync(globalConfig, '');
    process.env.GIT_CONFIG_GLOBAL = globalConfig;
    process.env.GIT_CONFIG_NOSYSTEM = '1';
  });
  after(() => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });
  return { globalConfig };
}
