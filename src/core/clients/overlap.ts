/**
 * `paths-overlap`: two clients' `Paths:` can match the same files. Drafts then give a commit to
 * the client whose commitment it is evidence for (or whom its message names), else to the client
 * with the most specific entry; with equally specific entries, to neither: it stays in the internal
 * report, hidden as `shared`, and the lead is told (see src/core/git/route.ts). The warning says
 * which, so the lead can see the tie-break.
 */
import { compilePath, pathSpecificity } from '../git/route';
import type { Client, Diagnostic } from './model';

/** The literal part of a `Paths:` entry (before any wildcard), as a path another entry may match. */
function base(pattern: string): string {
  const p = pattern.trim().replace(/^\.\//u, '').replace(/^\/+/u, '');
  const wild = p.search(/[*?[]/u);
  return (wild < 0 ? p : p.slice(0, wild)).replace(/\/+$/u, '');
}

interface Entry {
  client: number;
  index: number;
  pattern: string;
  matcher: (file: string) => boolean;
  base: string;
  wild: boolean;
  /** The whole folder names every file this entry matches starts with (before any wildcard). */
  segments: string[];
}

function entryOf(client: number, index: number, pattern: string): Entry | undefined {
  const matcher = compilePath(pattern);
  if (!matcher) return undefined;
  const p = pattern.trim().replace(/^\.\//u, '').replace(/^\/+/u, '');
  const wildAt = p.search(/[*?[]/u);
  const literal = wildAt < 0 ? p : p.slice(0, wildAt);
  const whole = wildAt < 0 ? literal.replace(/\/+$/u, '') : literal.slice(0, literal.lastIndexOf('/') + 1).replace(/\/+$/u, '');
  return { client, index, pattern, matcher, base: base(pattern), wild: wildAt >= 0, segments: whole === '' ? [] : whole.split('/') };
}

/** True when some file can match both entries (one entry covers the other's literal part). */
function overlaps(a: Entry, b: Entry): boolean {
  const probe = (m: Entry, p: Entry) => p.base !== '' && (m.matcher(p.base) || (p.wild ? false : m.matcher(`${p.base}/x`)));
  return probe(a, b) || probe(b, a) || (a.base !== '' && a.base === b.base);
}

/**
 * Each entry is compiled once, and only entries that can share a file are compared: matchers are
 * anchored, so two entries can overlap only when the folders one starts with are a prefix of the
 * other's. Entries are indexed by their folders (`exact`) and by every prefix of them (`under`), so
 * a file of thousands of clients each in its own folder costs about one lookup per folder level.
 */
export function pathOverlapDiagnostics(clients: readonly Client[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const exact = new Map<string, Entry[]>();
  const under = new Map<string, Entry[]>();
  const push = (map: Map<string, Entry[]>, key: string, e: Entry) => {
    const list = map.get(key);
    if (list) list.push(e);
    else map.set(key, [e]);
  };
  for (let j = 0; j < clients.length; j++) {
    const later = clients[j];
    const mine = later.paths.map((p, k) => entryOf(j, k, p)).filter((e): e is Entry => e !== undefined);
    // Candidates among the earlier clients, reported in the order of the full comparison: client, then the later's entry, then the earlier's.
    const hits: Array<{ a: Entry; b: Entry }> = [];
    for (const b of mine) {
      const prefixes = folderKeys(b.segments);
      const pool = new Set<Entry>(under.get(prefixes[b.segments.length]) ?? []);
      for (let k = 0; k < b.segments.length; k++) for (const e of exact.get(prefixes[k]) ?? []) pool.add(e);
      for (const a of pool) if (overlaps(a, b)) hits.push({ a, b });
    }
    if (hits.length > 1) hits.sort((x, y) => x.a.client - y.a.client || x.b.index - y.b.index || x.a.index - y.a.index);
    const field = hits.length > 0 ? later.fields.find((f) => f.canonical === 'paths') : undefined;
    for (const { a, b } of hits) {
      const earlier = clients[a.client];
      const pa = a.pattern;
      const pb = b.pattern;
      const sa = pathSpecificity(pa);
      const sb = pathSpecificity(pb);
      const winner = sa === sb ? undefined : sa > sb ? earlier.name : later.name;
      const tie = winner
        ? `otherwise to "${winner}", whose entry is more specific`
        : 'otherwise to neither, as neither entry is more specific: it stays in the internal report (hidden as shared) and the draft tells you';
      out.push({
        span: field?.span ?? later.headingSpan,
        severity: 'warning',
        code: 'paths-overlap',
        message: `Paths "${pa}" of "${earlier.name}" and "${pb}" of "${later.name}" overlap. A commit there goes to the client whose commitment it is evidence for, ${tie}. Make the entries distinct, or tag commits with the commitment's #tag.`,
      });
    }
    for (const e of mine) {
      const prefixes = folderKeys(e.segments);
      push(exact, prefixes[e.segments.length], e);
      for (let k = 0; k <= e.segments.length; k++) push(under, prefixes[k], e);
    }
  }
  return out;
}

/** The keys of the folders `segments` starts with: `''`, `a`, `a\0b`, … (`segments.slice(0, k).join('\0')` for every k), built one segment at a time. */
function folderKeys(segments: readonly string[]): string[] {
  const keys = [''];
  for (let k = 0; k < segments.length; k++) keys.push(k === 0 ? segments[0] : `${keys[k]}\0${segments[k]}`);
  return keys;
}
