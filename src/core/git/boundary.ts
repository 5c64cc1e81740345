/**
 * The repository boundary of a clients file: the folder that holds `.project/`.
 *
 * A folder without its own `.git` inside another repository (a subfolder of a monorepo, or a
 * project copied into an unrelated checkout) would otherwise draft from the whole parent history,
 * including commits that have nothing to do with it. When the clients file's folder is not the
 * top level of the repository a reading runs in, only commits touching that folder are read: as
 * if `Paths:` were that folder. The clients' own `Paths:` (relative to the top level) still route
 * those commits among the clients; a requested path outside the folder reads nothing.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoFacts } from './facts';
import type { RunOptions } from './run';
import type { ReadingNotice } from '../notices';
import type { ActivityRequest } from './types';

export interface Boundary {
  /** Absolute top level of the repository. */
  root: string;
  /** The clients file's folder, relative to `root`, with `/` separators (never empty). */
  folder: string;
}

/** The notice a boundary gives: a stable code and its data (each front words it). */
export type BoundaryNotice = Extract<ReadingNotice, { code: 'reading.subfolder-boundary' }>;

function real(p: string): string {
  try {
    return fs.realpathSync.native(p);
  } catch {
    return path.resolve(p);
  }
}

/**
 * The boundary for a reading in `cwd` when `clientsFolder` (the folder holding `.project/`) lies
 * strictly inside that repository; undefined when it is the top level or in another repository.
 * Errors of git (not a repository…) are left to the reading itself: undefined.
 */
export async function clientsBoundary(cwd: string, clientsFolder: string | undefined, options: RunOptions = {}): Promise<Boundary | undefined> {
  if (clientsFolder === undefined) return undefined;
  let root: string;
  try {
    root = (await repoFacts(cwd, options)).info.root;
  } catch {
    return undefined;
  }
  return boundaryOf(root, clientsFolder);
}

/** The boundary of `clientsFolder` in the repository whose top level is `root` (pure but for real paths). */
export function boundaryOf(root: string, clientsFolder: string): Boundary | undefined {
  const top = real(root);
  const rel = path.relative(top, real(clientsFolder));
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  return { root: top, folder: rel.split(path.sep).join('/') };
}

/**
 * The paths a request reads inside `folder`: `[folder]` when none were requested; otherwise each
 * requested path inside the folder, or the folder itself for a path that contains it. `null`:
 * every requested path lies outside the folder, so nothing may be read.
 */
export function pathsWithin(requested: readonly string[] | undefined, folder: string): string[] | null {
  const given = (requested ?? []).map((p) => p.trim()).filter((p) => p !== '');
  if (given.length === 0) return [folder];
  const out = new Set<string>();
  for (const p of given) {
    const n = p.replace(/^\.?\/+/u, '').replace(/\/+$/u, '');
    if (n === folder || n.startsWith(`${folder}/`)) out.add(n);
    else if (n === '' || n === '.' || folder.startsWith(`${n}/`)) out.add(folder);
  }
  return out.size ? [...out] : null;
}

/**
 * `request` restricted to the clients file's folder when that folder is below the top level of
 * the repository `request.cwd` is in. `request: null`: nothing inside the folder was asked for.
 */
export async function withinBoundary(
  request: ActivityRequest,
  clientsFolder: string | undefined,
  options: RunOptions = {},
): Promise<{ request: ActivityRequest | null; boundary?: Boundary }> {
  const boundary = await clientsBoundary(request.cwd, clientsFolder, options);
  if (!boundary) return { request };
  const paths = pathsWithin(request.paths, boundary.folder);
  return { request: paths ? { ...request, paths } : null, boundary };
}

export function boundaryNotice(b: Boundary): BoundaryNotice {
  return { code: 'reading.subfolder-boundary', folder: b.folder, root: b.root };
}
