/**
 * Real git repositories for tests, built in temp folders with `git fast-import` (fast, and every
 * byte of every message is under our control) and fixed dates.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Client, ClientsFile, Commitment, Span } from '../../../src/core/clients/model';

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

const TEMP_ROOT = fs.mkdtempSync(path.join(os.tmpdir(), 'cp-git-'));
process.on('exit', () => fs.rmSync(TEMP_ROOT, { recursive: true, force: true }));
let counter = 0;

/** A new empty folder inside the test temp root. */
export function tempDir(name = 'd'): string {
  const dir = path.join(TEMP_ROOT, `${name}-${++counter}`);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** Environment for git commands run by the tests themselves: no user or system config. */
export function testGitEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: path.join(TEMP_ROOT, 'gitconfig-tests'),
    GIT_AUTHOR_NAME: 'Test',
    GIT_AUTHOR_EMAIL: 'test@example.invalid',
    GIT_COMMITTER_NAME: 'Test',
    GIT_COMMITTER_EMAIL: 'test@example.invalid',
    GIT_AUTHOR_DATE: '2026-11-01T10:00:00+00:00',
    GIT_COMMITTER_DATE: '2026-11-01T10:00:00+00:00',
    ...extra,
  };
}

export function git(cwd: string, args: string[], input?: Buffer | string, env: Record<string, string> = {}): string {
  return execFileSync('git', args, { cwd, input, env: testGitEnv(env), maxBuffer: 256 * 1024 * 1024 }).toString('utf8');
}

function tryGit(cwd: string, args: string[]): string | undefined {
  try {
    return git(cwd, args).trim() || undefined;
  } catch {
    return undefined;
  }
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
  git(dir, ['fast-import', '--quiet', '--date-format=raw'], Buffer.concat(parts));
  // Check out the tip so the working tree matches (worktrees and submodules need it).
  git(dir, ['reset', '-q', '--hard']);
}

/** Span placeholder for hand-built clients. */
const SPAN: Span = { startLine: 0, startColumn: 0, endLine: 0, endColumn: 0, startOffset: 0, endOffset: 0 };

export interface ClientSpec {
  name: string;
  paths?: string[];
  tags?: string[];
  contacts?: string[];
  commitments?: Array<{ title: string; tags: string[] }>;
}

/** A `ClientsFile` built by hand (the parser is another module's job). */
export function clientsFile(specs: ClientSpec[]): ClientsFile {
  const clients: Client[] = specs.map((s) => {
    const commitments: Commitment[] = (s.commitments ?? []).map((c, i) => ({
      id: `${s.name}#${i}`,
      client: s.name,
      title: c.title,
      raw: c.title,
      done: false,
      owners: [],
      tags: c.tags,
      span: SPAN,
      checkboxSpan: SPAN,
    }));
    return {
      name: s.name,
      headingSpan: SPAN,
      span: SPAN,
      profile: '',
      fields: [],
      contacts: (s.contacts ?? []).map((e) => ({ name: e.split('@')[0], email: e })),
      cc: [],
      paths: s.paths ?? [],
      tags: s.tags ?? [],
      sections: [],
      commitments,
      risks: [],
      asks: [],
      feedback: [],
      decisions: [],
      notes: [],
    };
  });
  return { clients, diagnostics: [], eol: '\n', hasBom: false };
}

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
