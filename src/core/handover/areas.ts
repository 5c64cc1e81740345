/**
 * Code ownership for a handover: which areas of the code the departing person changed (ranked by
 * lines changed, grouped into a few directories) and who else changed each area in the window.
 */
import type { ActivityItem } from '../git/types';
import { isDepartingAuthor } from './person';
import type { AreaExpert, CodeArea, DepartingPerson } from './types';

/** Areas per client listed in full; smaller ones are summed up in one line. */
export const MAX_AREAS = 8;
/** Split the biggest area one level deeper while there are fewer areas than this. */
const MIN_AREAS = 3;

export interface FileTally {
  changes: number;
  commits: Set<string>;
  lastChange: string;
}

export interface Bucket {
  /** Directory ending in `/`, or a single file path. */
  key: string;
  files: Map<string, FileTally>;
}

const dayOf = (iso: string): string => iso.slice(0, 10);

function bucketChanges(b: Bucket): number {
  let sum = 0;
  for (const t of b.files.values()) sum += t.changes;
  return sum;
}

/** Lines changed per file of one commit (numstat when present; binary or unknown counts 1). */
function fileChanges(item: ActivityItem): Map<string, number> {
  const out = new Map<string, number>();
  const stats = item.commit.numstat;
  if (stats) {
    for (const s of stats) out.set(s.path, (out.get(s.path) ?? 0) + Math.max(1, (s.added ?? 0) + (s.deleted ?? 0)));
  } else {
    for (const f of item.commit.files) out.set(f, 1);
  }
  return out;
}

/** The area of `file` when areas are folders `depth` levels deep: that folder, or the file itself. */
function areaKey(file: string, depth: number): string {
  const parts = file.split('/');
  return parts.length > depth + 1 ? `${parts.slice(0, depth + 1).join('/')}/` : file;
}

/**
 * Groups files into areas: the folders one level below the client's own folder (`baseDepth` gives
 * how many levels a file's client folder has: 2 for `apps/acme/`, 0 without Paths), files at
 * that level standing alone. While there are fewer than three areas, the biggest folder is split
 * one level deeper, so a client living in a single `src/` still gets useful areas.
 */
export function groupIntoAreas(files: Map<string, FileTally>, baseDepth: (file: string) => number): Bucket[] {
  const depthOf = new Map<string, number>();
  for (const file of files.keys()) depthOf.set(file, baseDepth(file));
  const group = (): Map<string, Bucket> => {
    const buckets = new Map<string, Bucket>();
    for (const [file, tally] of files) {
      const key = areaKey(file, depthOf.get(file) ?? 0);
      let b = buckets.get(key);
      if (!b) buckets.set(key, (b = { key, files: new Map() }));
      b.files.set(file, tally);
    }
    return buckets;
  };
  let buckets = group();
  for (let guard = 0; guard < 8 && buckets.size < MIN_AREAS; guard++) {
    const splittable = [...buckets.values()]
      .filter((b) => b.key.endsWith('/') && new Set([...b.files.keys()].map((f) => areaKey(f, (depthOf.get(f) ?? 0) + 1))).size > 1)
      .sort((a, b) => bucketChanges(b) - bucketChanges(a));
    const biggest = splittable[0];
    if (!biggest) break;
    for (const f of biggest.files.keys()) depthOf.set(f, (depthOf.get(f) ?? 0) + 1);
    buckets = group();
  }
  return [...buckets.values()];
}

/** True when `file` lies in the area `key` (a directory ending in `/`, a file, or `` = everything). */
function inArea(key: string, file: string): boolean {
  if (key === '') return true;
  return key.endsWith('/') ? file.startsWith(key) : file === key;
}

/** Which files of a commit count for a part of the handover (a client's paths, or unclaimed work). */
export type FileFilter = (file: string, item: ActivityItem) => boolean;

/** The project-management folder (clients.md, records, handovers) is not code to hand over. */
export const isProjectFile = (file: string): boolean => file.startsWith('.project/');

/**
 * The departing person's code areas among `items`, counting only the files `keep` accepts, most
 * changed first, each with the other people who changed it.
 */
export function codeAreas(
  items: readonly ActivityItem[],
  from: DepartingPerson,
  keep: FileFilter,
  baseDepth: (file: string) => number,
  repository?: string,
): CodeArea[] {
  const mine = new Map<string, FileTally>();
  for (const item of items) {
    const c = item.commit;
    if (c.parents.length > 1 || !isDepartingAuthor(from, c.authorName, c.authorEmail)) continue;
    for (const [file, n] of fileChanges(item)) {
      if (!keep(file, item)) continue;
      let t = mine.get(file);
      if (!t) mine.set(file, (t = { changes: 0, commits: new Set(), lastChange: '' }));
      t.changes += n;
      t.commits.add(c.hash);
      if (dayOf(c.authorDate) > t.lastChange) t.lastChange = dayOf(c.authorDate);
    }
  }
  const areas = groupIntoAreas(mine, baseDepth).map((b): CodeArea => {
    const commits = new Set<string>();
    let lastChange = '';
    for (const t of b.files.values()) {
      for (const h of t.commits) commits.add(h);
      if (t.lastChange > lastChange) lastChange = t.lastChange;
    }
    const topFiles = [...b.files.entries()]
      .sort((x, y) => y[1].changes - x[1].changes || (x[0] < y[0] ? -1 : 1))
      .slice(0, 3)
      .map(([f]) => f);
    return {
      path: b.key,
      ...(repository !== undefined ? { repository } : {}),
      changes: bucketChanges(b),
      commits: commits.size,
      topFiles,
      others: expertsFor(b.key, items, from, keep),
      lastChange,
    };
  });
  return areas.sort((a, b) => b.changes - a.changes || b.commits - a.commits || (a.path < b.path ? -1 : 1));
}

function expertsFor(key: string, items: readonly ActivityItem[], from: DepartingPerson, keep: FileFilter): AreaExpert[] {
  const byEmail = new Map<string, AreaExpert>();
  for (const item of items) {
    const c = item.commit;
    if (c.parents.length > 1 || item.hidden === 'bot' || isDepartingAuthor(from, c.authorName, c.authorEmail)) continue;
    if (!c.files.some((f) => inArea(key, f) && keep(f, item))) continue;
    const email = c.authorEmail.toLowerCase();
    let e = byEmail.get(email);
    if (!e) byEmail.set(email, (e = { name: c.authorName, email: c.authorEmail, commits: 0, lastChange: '' }));
    e.commits += 1;
    if (dayOf(c.authorDate) > e.lastChange) e.lastChange = dayOf(c.authorDate);
  }
  return [...byEmail.values()].sort((a, b) => b.commits - a.commits || (b.lastChange < a.lastChange ? -1 : 1) || (a.name < b.name ? -1 : 1));
}
