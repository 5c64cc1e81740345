/**
 * The repositories a client's `Repos:` names: where each one is (resolved against the top folder of
 * the repository holding clients.md), whether it may be read, and reading several at once.
 *
 * Checking runs only `git rev-parse` through the one hardened runner (run.ts): repository
 * configuration never runs a program, and a repository git refuses (owned by someone else, a bare
 * repository) is refused here with git's reason, never "fixed" by trusting it for the user.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Client, ClientsFile, Diagnostic, RepoRef } from '../clients/model';
import { noticeOf, wordNotice, type Notice, type RepoNotice, type Translate } from '../notices';
import { readActivity } from './activity';
import { GitError, repoInfo, type RunOptions } from './run';
import type { ActivityItem, ActivityRequest } from './types';

/** One repository of one client, resolved. */
export interface ClientRepository {
  client: string;
  ref: RepoRef;
  /** Absolute folder. */
  dir: string;
}

/** A listed repository after checking: `root` when it can be read, else `problem`. */
export interface CheckedRepository extends ClientRepository {
  root?: string;
  problem?: RepoNotice;
}

/**
 * The folder `Repos:` paths are relative to: the top folder of the repository holding the clients
 * file (the nearest folder at or above it with a `.git`), else the folder that holds `.project/`.
 * Found on disk, without running git (also in Restricted Mode).
 */
export function reposBase(projectDir: string): string {
  const start = path.dirname(path.resolve(projectDir));
  for (let dir = start, i = 0; i < 64; i++) {
    if (fs.existsSync(path.join(dir, '.git'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return start;
}

/** The repositories of `client`, resolved against `base` (see `reposBase`). */
export function clientRepositories(client: Client, base: string): ClientRepository[] {
  return client.repos.map((ref) => ({ client: client.name, ref, dir: path.resolve(base, ref.path) }));
}

/** Every client's repositories, in file order. */
export function allRepositories(file: ClientsFile, base: string): ClientRepository[] {
  return file.clients.flatMap((c) => clientRepositories(c, base));
}

function realpath(p: string): string {
  try {
    return fs.realpathSync.native(p);
  } catch {
    return path.resolve(p);
  }
}

/** The problem of a repository git could not read (`e` thrown by a reading or `rev-parse` in it). */
function problemOf(e: unknown, repo: ClientRepository): RepoNotice {
  const about = { client: repo.client, repo: repo.ref.path, dir: repo.dir };
  if (e instanceof GitError) {
    if (e.code === 'unsafe-directory' || e.notice.code === 'git.bare-repository') return { code: 'repos.unsafe', ...about, cause: e.notice };
    if (e.code === 'not-a-repository') return { code: 'repos.not-a-git-repo', ...about };
  }
  return { code: 'repos.failed', client: repo.client, repo: repo.ref.path, cause: noticeOf(e) };
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** The problem when `root` (git's top level for `repo.dir`) is not `repo.dir` itself. */
function topLevelProblem(repo: ClientRepository, root: string): RepoNotice | undefined {
  return realpath(root) !== realpath(repo.dir) ? { code: 'repos.not-top-level', client: repo.client, repo: repo.ref.path, dir: repo.dir, root } : undefined;
}

/** Whether `repo.dir` is the top folder of a git repository that may be read. Never throws. */
export async function checkRepository(repo: ClientRepository, options: RunOptions = {}): Promise<CheckedRepository> {
  if (!isDirectory(repo.dir)) return { ...repo, problem: { code: 'repos.not-found', client: repo.client, repo: repo.ref.path, dir: repo.dir } };
  try {
    const info = await repoInfo(repo.dir, options);
    const problem = topLevelProblem(repo, info.root);
    return problem ? { ...repo, problem } : { ...repo, root: info.root };
  } catch (e) {
    return { ...repo, problem: problemOf(e, repo) };
  }
}

/** How many repositories are read at once: enough to overlap git's start-up and I/O, not so many that a small machine thrashes. */
export function repositoryParallelism(cpus: number): number {
  return Math.min(8, Math.max(2, cpus));
}

/** `fn` over `items` with at most `limit` running at once; results in the order of `items`. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const k = next++;
      results[k] = await fn(items[k], k);
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, worker));
  return results;
}

/** Checks every repository (each folder once, in parallel); the result keeps the order and the entries of `repos`. */
export async function checkRepositories(repos: readonly ClientRepository[], options: RunOptions & { parallel?: number } = {}): Promise<CheckedRepository[]> {
  const byDir = new Map<string, ClientRepository>();
  for (const r of repos) if (!byDir.has(r.dir)) byDir.set(r.dir, r);
  const dirs = [...byDir.keys()];
  const checked = await mapLimit(dirs, options.parallel ?? 4, (d) => checkRepository(byDir.get(d)!, options));
  const at = new Map(dirs.map((d, k) => [d, checked[k]]));
  return repos.map((r) => {
    const c = at.get(r.dir)!;
    if (c.problem) {
      // Worded for this entry's client and spelling.
      const problem = { ...c.problem, client: r.client, repo: r.ref.path } as RepoNotice;
      return { ...r, problem };
    }
    return { ...r, ...(c.root !== undefined ? { root: c.root } : {}) };
  });
}

/**
 * The clients file one listed repository is read with: the clients that list it, each with the
 * paths its entry gives there. An entry without paths claims the whole repository (`**`: the most
 * specific entry of another client still wins its folders); one client alone with no paths gets
 * every commit. Commitments stay, so commits there link to them by tag as at home.
 */
export function repositoryClients(file: ClientsFile, entries: ReadonlyArray<Pick<ClientRepository, 'client' | 'ref'>>): ClientsFile {
  const clients: Client[] = [];
  for (const e of entries) {
    const client = file.clients.find((c) => c.name === e.client);
    if (!client || clients.some((c) => c.name === client.name)) continue;
    clients.push({ ...client, paths: [...e.ref.paths] });
  }
  if (clients.length > 1) for (const c of clients) if (c.paths.length === 0) c.paths = ['**'];
  return { clients, diagnostics: [], eol: file.eol, hasBom: file.hasBom };
}

/** What reading the listed repositories gave. */
export interface ListedReading {
  /** Items of the listed repositories (each with `repository` set), newest first within each repository. */
  items: ActivityItem[];
  /** Top levels read. */
  roots: string[];
  /** A repository that cannot be read (its client's line in clients.md says which), and reading facts. */
  warnings: Notice[];
  checked: CheckedRepository[];
}

/**
 * Reads the period in every repository the `clients` (names; undefined: all) list in `Repos:`,
 * each folder once, at most `parallel` at a time. A repository that cannot be read is a warning,
 * never an error: the others are still read. `extra` are more entries (the CLI's `--repo`).
 * No separate check runs before a reading: the reading's own `rev-parse` (run beside its `git
 * log`) says whether the folder is a repository's top level, and its failure says why not.
 */
export async function readListedRepositories(
  file: ClientsFile,
  base: string,
  request: Omit<ActivityRequest, 'cwd' | 'paths'>,
  options: RunOptions & { clients?: readonly string[]; extra?: readonly ClientRepository[]; parallel?: number; skipRoots?: readonly string[] } = {},
): Promise<ListedReading> {
  const wanted = options.clients?.map((c) => c.toLowerCase());
  const listed = [...allRepositories(file, base), ...(options.extra ?? [])];
  // Every client listing a repository routes its commits, so a shared repository splits as written.
  const used = listed.filter((r) => wanted === undefined || listed.some((o) => o.dir === r.dir && wanted.includes(o.client.toLowerCase())));
  const byDir = new Map<string, ClientRepository[]>();
  for (const r of used) byDir.set(r.dir, [...(byDir.get(r.dir) ?? []), r]);
  const skip = new Set((options.skipRoots ?? []).map(realpath));
  const dirs = [...byDir.keys()];
  const read = await mapLimit(dirs, options.parallel ?? 4, async (dir): Promise<{ root?: string; problem?: RepoNotice; items: ActivityItem[]; warnings: Notice[] }> => {
    const entries = byDir.get(dir)!;
    const first = entries[0];
    if (!isDirectory(dir)) return { problem: { code: 'repos.not-found', client: first.client, repo: first.ref.path, dir }, items: [], warnings: [] };
    try {
      const activity = await readActivity({ ...request, cwd: dir }, repositoryClients(file, entries), options);
      const problem = topLevelProblem(first, activity.root);
      if (problem) return { problem, items: [], warnings: [] };
      if (skip.has(realpath(activity.root))) return { root: activity.root, items: [], warnings: [] };
      for (const item of activity.items) item.repository = first.ref.path;
      return { root: activity.root, items: activity.items, warnings: activity.warnings.map((w): Notice => ({ code: 'reading.repository-failed', root: activity.root, cause: w })) };
    } catch (e) {
      return { problem: problemOf(e, first), items: [], warnings: [] };
    }
  });
  const at = new Map(dirs.map((d, k) => [d, read[k]]));
  const checked: CheckedRepository[] = used.map((r) => {
    const got = at.get(r.dir)!;
    // Worded for this entry's client and spelling.
    if (got.problem) return { ...r, problem: { ...got.problem, client: r.client, repo: r.ref.path } as RepoNotice };
    return { ...r, ...(got.root !== undefined ? { root: got.root } : {}) };
  });
  const warnings: Notice[] = [];
  for (const c of checked) if (c.problem && (wanted === undefined || wanted.includes(c.client.toLowerCase()))) warnings.push(c.problem);
  const items: ActivityItem[] = [];
  const roots: string[] = [];
  for (const r of read) {
    if (r.root !== undefined && !skip.has(realpath(r.root)) && !roots.includes(r.root)) roots.push(r.root);
    items.push(...r.items);
    warnings.push(...r.warnings);
  }
  return { items, roots, warnings, checked };
}

/** The diagnostic code of each repository problem (listed in docs/clients-format.md). */
export const REPO_DIAGNOSTIC: Record<RepoNotice['code'], string> = {
  'repos.not-found': 'repo-not-found',
  'repos.not-a-git-repo': 'not-a-git-repo',
  'repos.not-top-level': 'not-top-level',
  'repos.unsafe': 'unsafe-repo',
  'repos.failed': 'repo-unreadable',
};

/** A warning on the `Repos:` entry of every repository that cannot be read, worded by `translate`. */
export function repositoryDiagnostics(checked: readonly CheckedRepository[], translate?: Translate): Diagnostic[] {
  return checked.flatMap((c) => (c.problem ? [{ span: c.ref.span, severity: 'warning' as const, code: REPO_DIAGNOSTIC[c.problem.code], message: wordNotice(c.problem, translate) }] : []));
}
