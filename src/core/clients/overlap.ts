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

/** True when some file can match both entries (one entry covers the other's literal part). */
function overlaps(a: string, b: string): boolean {
  const ma = compilePath(a);
  const mb = compilePath(b);
  if (!ma || !mb) return false;
  const ba = base(a);
  const bb = base(b);
  const probe = (m: (f: string) => boolean, p: string, pattern: string) => p !== '' && (m(p) || (/[*?[]/u.test(pattern) ? false : m(`${p}/x`)));
  return probe(ma, bb, b) || probe(mb, ba, a) || (ba !== '' && ba === bb);
}

export function pathOverlapDiagnostics(clients: readonly Client[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (let j = 1; j < clients.length; j++) {
    const later = clients[j];
    const field = later.fields.find((f) => f.canonical === 'paths');
    for (let i = 0; i < j; i++) {
      const earlier = clients[i];
      for (const pb of later.paths) {
        for (const pa of earlier.paths) {
          if (!overlaps(pa, pb)) continue;
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
      }
    }
  }
  return out;
}
