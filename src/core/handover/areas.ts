/**
 * Code ownership for a handover: which areas of the code the departing person changed (ranked by
 * lines changed, grouped into a few directories) and who else changed each area in the window.
 */
import type { ActivityItem } from '../git/types';
import { isDepartingAuthor } from './person';
import type { AreaExpert, CodeArea, DepartingPerson } from './types';

/** At most this many areas per client: enough to plan walkthroughs, few enough to read. */
export const MAX_AREAS = 6;

interface FileTally {
  changes: number;
  commits: Set<string>;
  lastChange: string;
}

interface Bucket {
  /** Directory ending in `/`, `` for the top level, or a file path for a single top-level file. */
  key: string;
  files: Map<string, FileTally>;
}

const dayOf = (iso: string): string => iso.slice(0, 10);

function parentOf(key: string): string {
  const trimmed = key.endsWith('/') ? key.slice(0, -1) : key;
  const i = trimmed.lastIndexOf('/');
  return i < 0 ? '' : trimmed.slice(0, i + 1);
}

function depthOf(key: string): number {
  return key === '' ? 0 : key.split('/').filter(Boolean).length;
}

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

/**
 * Groups files into at most `max` directories: every file starts in its own directory, then the
 * deepest, smallest group is folded into its parent until few enough remain.
 */
export function groupIntoAreas(files: Map<string, FileTally>, max = MAX_AREAS): Bucket[] {
  const buckets = new Map<string, Bucket>();
  for (const [file, tally] of files) {
    const key = file.includes('/') ? parentOf(file) : file;
    let b = buckets.get(key);
    if (!b) buckets.set(key, (b = { key, files: new Map() }));
    b.files.set(file, tally);
  }
  while (buckets.size > max) {
    let victim: Bucket | undefined;
    for (const b of buckets.values()) {
      if (b.key === '') continue;
      if (
        !victim ||
        depthOf(b.key) > depthOf(victim.key) ||
        (depthOf(b.key) === depthOf(victim.key) && bucketChanges(b) < bucketChanges(victim))
      ) {
        victim = b;
      }
    }
    if (!victim) break;
    buckets.delete(victim.key);
    const parentKey = parentOf(victim.key);
    let parent = buckets.get(parentKey);
    if (!parent) buckets.set(parentKey, (parent = { key: parentKey, files: new Map() }));
    for (const [f, t] of victim.files) parent.files.set(f, t);
  }
  return [...buckets.values()];
}

/** True when `file` lies in the area `key` (a directory ending in `/`, a file, or `` = everything). */
function inArea(key: string, file: string): boolean {
  if (key === '') return true;
  return key.endsWith('/') ? file.startsWith(key) : file === key;
}

/**
 * The departing person's code areas among `items` (already limited to one client or to unrouted
 * work), most changed first, each with the other people who changed it.
 */
export function codeAreas(items: readonly ActivityItem[], from: DepartingPerson, repository?: string): CodeArea[] {
  const mine = new Map<string, FileTally>();
  for (const item of items) {
    const c = item.commit;
    if (c.parents.length > 1 || !isDepartingAuthor(from, c.authorName, c.authorEmail)) continue;
    for (const [file, n] of fileChanges(item)) {
      let t = mine.get(file);
      if (!t) mine.set(file, (t = { changes: 0, commits: new Set(), lastChange: '' }));
      t.changes += n;
      t.commits.add(c.hash);
      if (dayOf(c.authorDate) > t.lastChange) t.lastChange = dayOf(c.authorDate);
    }
  }
  const areas = groupIntoAreas(mine).map((b): CodeArea => {
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
      others: expertsFor(b.key, items, from),
      lastChange,
    };
  });
  return areas.sort((a, b) => b.changes - a.changes || b.commits - a.commits || (a.path < b.path ? -1 : 1));
}

function expertsFor(key: string, items: readonly ActivityItem[], from: DepartingPerson): AreaExpert[] {
  const byEmail = new Map<string, AreaExpert>();
  for (const item of items) {
    const c = item.commit;
    if (c.parents.length > 1 || item.hidden === 'bot' || isDepartingAuthor(from, c.authorName, c.authorEmail)) continue;
    if (!c.files.some((f) => inArea(key, f))) continue;
    const email = c.authorEmail.toLowerCase();
    let e = byEmail.get(email);
    if (!e) byEmail.set(email, (e = { name: c.authorName, email: c.authorEmail, commits: 0, lastChange: '' }));
    e.commits += 1;
    if (dayOf(c.authorDate) > e.lastChange) e.lastChange = dayOf(c.authorDate);
  }
  return [...byEmail.values()].sort((a, b) => b.commits - a.commits || (b.lastChange < a.lastChange ? -1 : 1) || (a.name < b.name ? -1 : 1));
}
