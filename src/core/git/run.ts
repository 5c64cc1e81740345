/**
 * The one hardened way core runs git.
 *
 * - Only read-only subcommands (see `READ_ONLY`); `config` only with `--get*`.
 * - Never a pager or a prompt: `GIT_TERMINAL_PROMPT=0`, `GIT_PAGER=cat`, `--no-pager`, stdin closed.
 * - No optional locks (`GIT_OPTIONAL_LOCKS=0`): reading never writes the index behind a user's back.
 * - `LC_ALL=C` so error messages are the English ones we classify.
 * - Repository configuration may not run programs: `-c safe.bareRepository=explicit`,
 *   `-c core.fsmonitor=false`, `-c protocol.allow=never` (no lazy fetches through remote helpers),
 *   and `log`/`show` always get `--no-show-signature --no-textconv --no-ext-diff --no-follow` (see `hardenedArgs`).
 * - User values are passed only after `--end-of-options`/`--`, or glued into one `--opt=value`
 *   argument by the caller; they can never become options.
 *
 * Why child_process and not simple-git, for every call: the log is read as a stream of Buffers
 * and parsed record by record with bounded memory (simple-git buffers whole outputs); and the short
 * calls (`rev-parse`, `config --get`, `for-each-ref`, `--version`) need exactly the same hardening —
 * environment, `-c` options, the read-only allow-list, stdin closed, timeout, stderr
 * classification — which one runner guarantees and a second one would have to copy. simple-git's
 * unsafe-option guards protect against user values becoming options; here user values only ever
 * follow `--end-of-options`/`--` or are glued into one `--opt=value`. Using simple-git for its one
 * former call (`git --version`) bundled 52 KB into the CLI and the extension for nothing.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import { isIsoDate, localStartSeconds } from '../calendar';
import { NoticeError, type GitNotice } from '../notices';
import type { GitErrorCode } from './types';
import { gitArgv, gitEnv, REV_PARSE_ARGS } from './argv';
import { adoptEarly, type AdoptedRun } from './early';
import { brandClass } from '../brand';

export { gitEnv };

/** Read-only subcommands core may run. */
const READ_ONLY = new Set([
  'log',
  'show',
  'rev-parse',
  'rev-list',
  'for-each-ref',
  'config',
  'cat-file',
  'check-mailmap',
  'merge-base',
  'symbolic-ref',
  'shortlog',
  'ls-files',
  'version',
]);

/** A git run that failed or was refused: `code` says what kind, the notice says it to a person. */
export class GitError extends NoticeError<GitNotice> {
  override readonly name = 'GitError';
  constructor(
    readonly code: GitErrorCode,
    notice: GitNotice,
    /** What git printed on stderr (trimmed), when it ran. */
    readonly stderr = '',
  ) {
    super(notice);
  }
}
brandClass(GitError, 'GitError');

/**
 * The codes that mean "there is no history to read here" (no git, no repository, nothing committed
 * yet, a repository git refuses to read): a document can still be written from clients.md alone.
 * `git-failed` is not one of them: git ran and failed, which the user must see.
 */
export const GIT_UNAVAILABLE: readonly GitErrorCode[] = ['git-not-found', 'not-a-repository', 'empty-repository', 'unsafe-directory'];

export function isGitUnavailable(e: unknown): e is GitError {
  return e instanceof GitError && GIT_UNAVAILABLE.includes(e.code);
}

/**
 * No git run may hang a command or the editor: after 5 minutes (a 90-day reading of a
 * 1M-commit repository takes a fraction of a second) git is stopped with a clear error.
 */
export const DEFAULT_GIT_TIMEOUT_MS = 5 * 60_000;

export interface RunOptions {
  /** Abort the run (kills git). */
  signal?: AbortSignal;
  /** Kill git after this many milliseconds (default: DEFAULT_GIT_TIMEOUT_MS; 0: never). */
  timeoutMs?: number;
  /** Extra environment for this run (merged over the hardened one). */
  env?: Record<string, string | undefined>;
  /** Exit codes other than 0 that are not errors (e.g. 1 for `config --get` of a missing key). */
  okCodes?: number[];
}

/** Throws when `args` would run anything but a read-only subcommand. */
export function assertReadOnly(args: readonly string[]): void {
  const sub = args[0];
  if (sub === undefined || !READ_ONLY.has(sub)) {
    throw new GitError('git-failed', { code: 'git.refused-subcommand', sub: sub ?? '' });
  }
  if (sub === 'config' && !args.some((a) => a === '--get' || a === '--get-all' || a === '--get-regexp' || a === '--list' || a === '-l')) {
    throw new GitError('git-failed', { code: 'git.refused-config' });
  }
}

/** The argument list actually passed to git: global hardening, subcommand, its safety flags (see argv.ts). */
export function hardenedArgs(args: readonly string[]): string[] {
  assertReadOnly(args);
  return gitArgv(args);
}

/**
 * Turns a failed run into a `GitError` with an actionable message. `cwd` is the folder we ran in.
 */
export function classifyFailure(cwd: string, stderr: string, exitCode: number | null, spawnError?: NodeJS.ErrnoException): GitError {
  const err = stderr.trim();
  if (spawnError) {
    // The caller checked that the folder exists, so ENOENT means the git binary is missing.
    if (spawnError.code === 'ENOENT') return gitNotFound();
    return new GitError('git-failed', { code: 'git.spawn-failed', cwd, reason: spawnError.message });
  }
  const dubious = /detected dubious ownership in repository at '([^\n]*)'/u.exec(err);
  if (dubious) {
    const repo = dubious[1];
    return new GitError('unsafe-directory', { code: 'git.unsafe-directory', repo, quotedRepo: shellQuote(repo) }, err);
  }
  if (/not a git repository/iu.test(err)) {
    return new GitError('not-a-repository', { code: 'git.not-a-repository', cwd }, err);
  }
  const insideGitDir = /(^|[\\/])\.git([\\/]|$)/u.test(cwd);
  if (/must be run in a work tree/iu.test(err) || (insideGitDir && /cannot use bare repository/iu.test(err))) {
    return new GitError('not-a-repository', { code: 'git.inside-git-dir', cwd }, err);
  }
  if (/cannot use bare repository/iu.test(err)) {
    return new GitError('not-a-repository', { code: 'git.bare-repository', cwd }, err);
  }
  if (/does not have any commits yet|bad default revision 'HEAD'|bad revision 'HEAD'|ambiguous argument 'HEAD'|unknown revision or path not in the working tree.*\n?.*HEAD/iu.test(err)) {
    return new GitError('empty-repository', { code: 'git.empty-repository', cwd }, err);
  }
  if (/unrecognized argument|unknown option|unknown switch|invalid --pretty format|unrecognized --diff-merges/iu.test(err)) {
    return new GitError('git-failed', { code: 'git.too-old', detail: err.split('\n')[0] }, err);
  }
  const first = err.split('\n').find((l) => l.trim() !== '') ?? `exit code ${exitCode}`;
  return new GitError('git-failed', { code: 'git.failed', cwd, detail: first }, err);
}

function gitNotFound(): GitError {
  return new GitError('git-not-found', { code: 'git.not-found' });
}

/** Quotes a path for a POSIX shell when it needs it (the message shows a command to copy). */
export function shellQuote(text: string): string {
  if (/^[A-Za-z0-9_./:@%+=,-]+$/u.test(text)) return text;
  if (process.platform === 'win32') return `"${text.replace(/"/gu, '\\"')}"`;
  return `'${text.replace(/'/gu, `'\\''`)}'`;
}

/**
 * Runs git in `cwd` and hands stdout to `onChunk` as it arrives. Resolves when git exits 0 (or an
 * `okCodes` code) with the exit code; rejects with a `GitError` otherwise. If `onChunk` throws,
 * git is killed and the promise rejects with that error.
 */
export function streamGit(cwd: string, args: readonly string[], onChunk: (chunk: Buffer) => void, options: RunOptions = {}): Promise<number> {
  const argv = hardenedArgs(args);
  const env = gitEnv(options.env);
  return new Promise<number>((resolve, reject) => {
    let settled = false;
    let stderr = '';
    let consumerError: unknown;
    // The same run, already started by the CLI's bin before the rest loaded (early.ts), when there is one.
    const early = options.signal ? undefined : adoptEarly(cwd, argv, env);
    const child: AdoptedRun = early ?? spawned(cwd, argv, env, options.signal);
    const timeoutMs = options.timeoutMs ?? DEFAULT_GIT_TIMEOUT_MS;
    const timer =
      timeoutMs > 0
        ? setTimeout(() => {
            const took = timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`;
            consumerError = new GitError('git-failed', { code: 'git.timeout', sub: args[0] ?? '', duration: took, cwd });
            child.kill('SIGKILL');
          }, timeoutMs)
        : undefined;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      if (timer) clearTimeout(timer);
      fn();
    };
    child.listen({
      stdout: (chunk: Buffer) => {
        if (consumerError !== undefined) return;
        try {
          onChunk(chunk);
        } catch (e) {
          consumerError = e;
          child.kill();
        }
      },
      stderr: (text: string) => {
        if (stderr.length < 65536) stderr += text;
      },
      error: (e: NodeJS.ErrnoException) => {
        if (e.name === 'AbortError') return finish(() => reject(new GitError('git-failed', { code: 'git.cancelled' })));
        // The cwd may not exist, which Node also reports as ENOENT on the binary.
        const folderMissing = e.code === 'ENOENT' && !directoryExists(cwd);
        finish(() => reject(folderMissing ? new GitError('not-a-repository', { code: 'git.folder-not-found', cwd }) : classifyFailure(cwd, stderr, null, e)));
      },
      close: (code) => {
        finish(() => {
          if (consumerError !== undefined) return reject(consumerError);
          if (code === 0 || (code !== null && options.okCodes?.includes(code))) return resolve(code);
          reject(classifyFailure(cwd, stderr, code));
        });
      },
    });
  });
}

/** A git child spawned now, listened to like an adopted early run. */
function spawned(cwd: string, argv: string[], env: Record<string, string>, signal: AbortSignal | undefined): AdoptedRun {
  const child = spawn('git', argv, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true, signal });
  return {
    listen(events) {
      child.stdout.on('data', events.stdout);
      child.stderr.setEncoding('utf8');
      child.stderr.on('data', events.stderr);
      child.on('error', events.error);
      child.on('close', events.close);
    },
    kill(sig) {
      child.kill(sig);
    },
  };
}

function directoryExists(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** Runs git and returns stdout as text (UTF-8). Use for small outputs; `maxBytes` guards memory. */
export async function runGit(cwd: string, args: readonly string[], options: RunOptions & { maxBytes?: number } = {}): Promise<{ stdout: string; code: number }> {
  const chunks: Buffer[] = [];
  let size = 0;
  const max = options.maxBytes ?? 64 * 1024 * 1024;
  const code = await streamGit(
    cwd,
    args,
    (chunk) => {
      size += chunk.length;
      if (size > max) throw new GitError('git-failed', { code: 'git.output-too-large', sub: args[0] ?? '', max });
      chunks.push(chunk);
    },
    options,
  );
  return { stdout: Buffer.concat(chunks).toString('utf8'), code };
}

/**
 * The installed git's version (e.g. `2.39.5`), or a `git-not-found` error. `git version` reads
 * no repository, so it runs in the system's temp folder.
 */
export async function gitVersion(): Promise<string> {
  const { stdout } = await runGit(os.tmpdir(), ['version']);
  const m = /^git version (\d+)\.(\d+)(?:\.(\d+))?/u.exec(stdout.trim());
  if (!m) throw new GitError('git-failed', { code: 'git.version-unreadable', line: stdout.trim().split('\n')[0] });
  return `${m[1]}.${m[2]}.${m[3] ?? '0'}`;
}

// ---------------------------------------------------------------------------------------------
// Small read-only helpers (used by the handover and the CLI).

export interface RepoInfo {
  /** Absolute path of the top level of the working tree. */
  root: string;
  /** Absolute path of the git directory (per worktree). */
  gitDir: string;
  /** Absolute path of the common git directory (shared by worktrees). */
  commonDir: string;
  shallow: boolean;
}

/** Facts about the repository containing `cwd`; throws `GitError` (not a repository, unsafe, …). */
export async function repoInfo(cwd: string, options: RunOptions = {}): Promise<RepoInfo> {
  const { stdout } = await runGit(
    cwd,
    REV_PARSE_ARGS,
    options,
  );
  const lines = stdout.split('\n');
  if (lines.length < 4 || !lines[0]) {
    throw new GitError('not-a-repository', { code: 'git.not-a-working-tree', cwd });
  }
  return { root: lines[0], gitDir: lines[1], commonDir: lines[2], shallow: lines[3] === 'true' };
}

/** Absolute path of the top level of the repository containing `cwd`. */
export async function repoRoot(cwd: string): Promise<string> {
  return (await repoInfo(cwd)).root;
}

export interface AuthorCount {
  /** After `.mailmap`. */
  name: string;
  email: string;
  commits: number;
}

/**
 * Everyone who authored commits reachable from HEAD (since `since`, a `YYYY-MM-DD` local day, when
 * given), after `.mailmap`, most commits first. An empty repository gives `[]`.
 */
export async function listAuthors(cwd: string, since?: string): Promise<AuthorCount[]> {
  const args = ['log', '--format=%aN%x00%aE', '--no-merges'];
  if (since !== undefined) {
    if (!isIsoDate(since)) throw new GitError('git-failed', { code: 'git.bad-since', since });
    args.push(`--since=@${localStartSeconds(since)}`);
  }
  const counts = new Map<string, AuthorCount>();
  let rest = '';
  const take = (line: string) => {
    if (!line) return;
    const [name, email = ''] = line.split('\0');
    const key = email.toLowerCase() || name.toLowerCase();
    const found = counts.get(key);
    if (found) found.commits++;
    else counts.set(key, { name, email, commits: 1 });
  };
  try {
    await streamGit(cwd, args, (chunk) => {
      const lines = (rest + chunk.toString('utf8')).split('\n');
      rest = lines.pop() ?? '';
      lines.forEach(take);
    });
  } catch (e) {
    if (e instanceof GitError && e.code === 'empty-repository') return [];
    throw e;
  }
  take(rest);
  return [...counts.values()].sort((a, b) => b.commits - a.commits || a.name.localeCompare(b.name));
}

export interface BranchInfo {
  /** Short name, e.g. `feature/acme-loyalty` or `origin/fix/login`. */
  name: string;
  remote: boolean;
  lastAuthorName: string;
  lastAuthorEmail: string;
  /** Strict ISO 8601 author date of the tip. */
  lastDate: string;
  /** Subject of the tip commit. */
  subject: string;
  /** Commits on the branch that the base does not have. */
  ahead: number;
  /** Lower-cased e-mails (after `.mailmap`) of the authors of those commits. */
  authors: string[];
  /** Paths changed by those commits. */
  files: string[];
}

/**
 * The default branch: `origin/HEAD`'s target when set, else the first of `main`, `master`,
 * `trunk`, `develop` that exists, else the current (possibly unborn) branch; undefined on a detached HEAD with none of these.
 */
export async function defaultBranch(cwd: string): Promise<string | undefined> {
  const { stdout: originHead } = await runGit(cwd, ['symbolic-ref', '-q', '--short', 'refs/remotes/origin/HEAD'], { okCodes: [1, 128] });
  if (originHead.trim()) return originHead.trim();
  const { stdout } = await runGit(cwd, ['for-each-ref', '--format=%(refname:short)', 'refs/heads/main', 'refs/heads/master', 'refs/heads/trunk', 'refs/heads/develop']);
  const found = stdout.split('\n').filter(Boolean);
  for (const name of ['main', 'master', 'trunk', 'develop']) if (found.includes(name)) return name;
  const { stdout: current } = await runGit(cwd, ['symbolic-ref', '-q', '--short', 'HEAD'], { okCodes: [1, 128] });
  return current.trim() || undefined;
}

/**
 * Local and remote branches with commits that the default branch (or `base`) does not have, most
 * recent tip first. `HEAD` aliases such as `origin/HEAD` and the base itself are skipped. With
 * `since` (YYYY-MM-DD), only branches whose tip was committed on or after that day.
 *
 * Two git processes whatever the number of branches: one `for-each-ref --no-merged` (merged
 * branches never reach the log) and one `log` of every listed tip minus the base; each commit is
 * then given to the branches it is reachable from through its parents.
 */
export async function unmergedBranches(cwd: string, base?: string, since?: string): Promise<{ base?: string; branches: BranchInfo[] }> {
  const baseRef = base ?? (await defaultBranch(cwd));
  if (!baseRef) return { base: undefined, branches: [] };
  const { stdout: baseHash } = await runGit(cwd, ['rev-parse', '--verify', '-q', '--end-of-options', `${baseRef}^{commit}`], { okCodes: [1] });
  const baseOid = baseHash.trim();
  const { stdout } = await runGit(cwd, [
    'for-each-ref',
    '--sort=-committerdate',
    '--format=%(refname)%00%(refname:short)%00%(objectname)%00%(symref)%00%(committerdate:short)',
    ...(baseOid ? [`--no-merged=${baseOid}`] : []),
    'refs/heads',
    'refs/remotes',
  ]);
  const refs: Array<{ full: string; short: string; oid: string }> = [];
  for (const line of stdout.split('\n')) {
    if (!line) continue;
    const [full, short, oid, symref, date] = line.split('\0');
    if (symref || full.endsWith('/HEAD')) continue;
    if (oid === baseOid || short === baseRef) continue;
    if (since !== undefined && date < since) continue;
    refs.push({ full, short, oid });
  }
  if (refs.length === 0) return { base: baseRef, branches: [] };
  const tips = [...new Set(refs.map((r) => r.oid))];
  const { stdout: log } = await runGit(cwd, [
    'log',
    '-z',
    '--no-renames',
    '--name-status',
    '--format=%x01%x00%H%x00%P%x00%aN%x00%aE%x00%aI%x00%s%x00',
    '--end-of-options',
    ...tips,
    ...(baseOid ? [`^${baseOid}`] : []),
    '--',
  ]);
  const byHash = new Map(parseBranchLog(log).map((c) => [c.hash, c]));
  const branches: BranchInfo[] = [];
  for (const ref of refs) {
    // The branch's commits the base lacks: everything in the log reachable from its tip.
    const commits: BranchCommit[] = [];
    const seen = new Set<string>();
    const stack = [ref.oid];
    while (stack.length > 0) {
      const hash = stack.pop() as string;
      if (seen.has(hash)) continue;
      seen.add(hash);
      const c = byHash.get(hash);
      if (!c) continue;
      commits.push(c);
      stack.push(...c.parents);
    }
    const tip = byHash.get(ref.oid);
    if (!tip) continue;
    branches.push({
      name: ref.short,
      remote: ref.full.startsWith('refs/remotes/'),
      lastAuthorName: tip.name,
      lastAuthorEmail: tip.email,
      lastDate: tip.date,
      subject: tip.subject,
      ahead: commits.length,
      authors: [...new Set(commits.map((c) => c.email.toLowerCase()))],
      files: [...new Set(commits.flatMap((c) => c.files))].sort(),
    });
  }
  return { base: baseRef, branches };
}

interface BranchCommit {
  hash: string;
  parents: string[];
  name: string;
  email: string;
  date: string;
  subject: string;
  files: string[];
}

/**
 * Parses `\x01\0hash\0parents\0name\0email\0date\0subject\0` records, each followed by `status\0path\0`
 * pairs. Reading is positional: a path is always the field after a status, so no file name (not
 * even one spelled `\x01`) can be taken for a record start.
 */
function parseBranchLog(text: string): BranchCommit[] {
  const fields = text.split('\0');
  const out: BranchCommit[] = [];
  let i = 0;
  while (i < fields.length) {
    const f = fields[i].replace(/^\n+/u, '');
    if (f === '\x01') {
      const [hash = '', parents = '', name = '', email = '', date = '', subject = ''] = fields.slice(i + 1, i + 7);
      out.push({ hash, parents: parents.split(' ').filter(Boolean), name, email, date, subject, files: [] });
      i += 7;
    } else if (f !== '' && out.length > 0) {
      const file = fields[i + 1];
      if (file !== undefined) out[out.length - 1].files.push(file);
      i += 2;
    } else {
      i++;
    }
  }
  return out;
}
