/**
 * Code ownership for a handover: which areas of the code the departing person changed (ranked by
 * lines changed, grouped into a few directories) and who else changed each area in the window.
 */
import type { ActivityItem } from '../git/types';
import { departingMatcher } from './person';
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
  let end = -1;
  for (let level = 0; level <= depth; level++) {
    end = file.indexOf('/', end + 1);
    if (end < 0) return file;
  }
  return file.slice(0, end + 1);
}

/**
 * Groups files into areas: the folders one level below the client's own folder (`baseDepth` gives
 * how many levels a file's client folder has: 2 for `apps/acme/`, 0 without Paths), files at
 * that level standing alone. While there are fewer than three areas, the biggest folder with at
 * least two sub-folders is split one level deeper, so a client living in a single `src/` still
 * gets useful areas.
 */
export function groupIntoAreas(files: Map<string, FileTally>, baseDepth: (file: string) => number): Bucket[] {
  const buckets = new Map<string, Bucket & { depth: number }>();
  const add = (file: string, tally: FileTally, depth: number) => {
    const key = areaKey(file, depth);
    let b = buckets.get(key);
    if (!b) buckets.set(key, (b = { key, files: new Map(), depth }));
    b.files.set(file, tally);
  };
  for (const [file, tally] of files) add(file, tally, baseDepth(file));
  const tried = new Set<string>();
  while (buckets.size < MIN_AREAS) {
    const candidates = [...buckets.values()]
      .filter((b) => b.key.endsWith('/') && !tried.has(b.key))
      .sort((a, b) => bucketChanges(b) - bucketChanges(a) || (a.key < b.key ? -1 : 1));
    const split = candidates.find((b) => {
      tried.add(b.key);
      const inside = new Set([...b.files.keys()].map((f) => areaKey(f, b.depth + 1)));
      return [...inside].filter((k) => k.endsWith('/')).length > 1;
    });
    if (!split) break;
    buckets.delete(split.key);
    for (const [file, tally] of split.files) add(file, tally, split.depth + 1);
  }
  return [...buckets.values()].map(({ key, files: f }) => ({ key, files: f }));
}

/** Which files of a commit count for a part of the handover (a client's paths, or unclaimed work). */
export type FileFilter = (file: string, item: ActivityItem) => boolean;

/** The project-management folder (clients.md, records, handovers) is not code to hand over. */
export const isProjectFile = (file: string): boolean => file.startsWith('.project/');

/**
 * The departing person's code areas among `items`, counting only the files `keep` accepts, most
 * changed first, each with the other people who changed it. Two passes over `items`.
 */
export function codeAreas(
  items: readonly ActivityItem[],
  from: DepartingPerson,
  keep: FileFilter,
  baseDepth: (file: string) => number,
  repository?: string,
): CodeArea[] {
  const isLeaver = departingMatcher(from);
  const mine = new Map<string, FileTally>();
  for (const item of items) {
    const c = item.commit;
    if (c.parents.length > 1 || !isLeaver(c.authorName, c.authorEmail)) continue;
    for (const [file, n] of fileChanges(item)) {
      if (!keep(file, item)) continue;
      let t = mine.get(file);
      if (!t) mine.set(file, (t = { changes: 0, commits: new Set(), lastChange: '' }));
      t.changes += n;
      t.commits.add(c.hash);
      if (dayOf(c.authorDate) > t.lastChange) t.lastChange = dayOf(c.authorDate);
    }
  }
  const buckets = groupIntoAreas(mine, baseDepth);
  const experts = expertsByArea(new Set(buckets.map((b) => b.key)), items, isLeaver, keep);
  const areas = buckets.map((b): CodeArea => {
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
    const others = [...(experts.get(b.key)?.values() ?? [])].sort(
      (x, y) => y.commits - x.commits || (y.lastChange < x.lastChange ? -1 : y.lastChange > x.lastChange ? 1 : 0) || (x.name < y.name ? -1 : 1),
    );
    return {
      path: b.key,
      ...(repository !== undefined ? { repository } : {}),
      changes: bucketChanges(b),
      commits: commits.size,
      topFiles,
      others,
      lastChange,
    };
  });
  return areas.sort((a, b) => b.changes - a.changes || b.commits - a.commits || (a.path < b.path ? -1 : 1));
}

/** The area key (the file itself, or the deepest folder that is a key) holding `file`, if any. */
function keyOf(keys: ReadonlySet<string>, file: string): string | undefined {
  if (keys.has(file)) return file;
  for (let i = file.lastIndexOf('/'); i > 0; i = file.lastIndexOf('/', i - 1)) {
    const dir = file.slice(0, i + 1);
    if (keys.has(dir)) return dir;
  }
  return undefined;
}

/** Everyone but the leaver (and bots) who changed a kept file of each area: one pass over `items`. */
function expertsByArea(
  keys: ReadonlySet<string>,
  items: readonly ActivityItem[],
  isLeaver: (name: string, email: string) => boolean,
  keep: FileFilter,
): Map<string, Map<string, AreaExpert>> {
  const out = new Map<string, Map<string, AreaExpert>>();
  if (keys.size === 0) return out;
  for (const item of items) {
    const c = item.commit;
    if (c.parents.length > 1 || item.hidden === 'bot' || isLeaver(c.authorName, c.authorEmail)) continue;
    const touched = new Set<string>();
    for (const f of c.files) {
      const key = keyOf(keys, f);
      if (key !== undefined && !touched.has(key) && keep(f, item)) touched.add(key);
    }
    for (const key of touched) {
      let byEmail = out.get(key);
      if (!byEmail) out.set(key, (byEmail = new Map()));
      const email = c.authorEmail.toLowerCase();
      let e = byEmail.get(email);
      if (!e) byEmail.set(email, (e = { name: c.authorName, email: c.authorEmail, commits: 0, lastChange: '' }));
      e.commits += 1;
      if (dayOf(c.authorDate) > e.lastChange) e.lastChange = dayOf(c.authorDate);
    }
  }
  return out;
}
