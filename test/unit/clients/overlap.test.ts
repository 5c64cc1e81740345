/**
 * paths-overlap at scale: the indexed comparison (src/core/clients/overlap.ts) finds exactly the
 * pairs the comparison of every pair finds, in the same order, and stays fast for thousands of clients.
 */
import * as assert from 'node:assert/strict';
import { pathOverlapDiagnostics } from '../../../src/core/clients/overlap';
import { compilePath } from '../../../src/core/git/route';
import type { Client } from '../../../src/core/clients/model';
import { client } from '../../support/clients';

/** Every pair, as the check did before it was indexed: the reference. */
function naivePairs(clients: readonly Client[]): string[] {
  const base = (pattern: string) => {
    const p = pattern.trim().replace(/^\.\//u, '').replace(/^\/+/u, '');
    const wild = p.search(/[*?[]/u);
    return (wild < 0 ? p : p.slice(0, wild)).replace(/\/+$/u, '');
  };
  const overlaps = (a: string, b: string) => {
    const ma = compilePath(a);
    const mb = compilePath(b);
    if (!ma || !mb) return false;
    const ba = base(a);
    const bb = base(b);
    const probe = (m: (f: string) => boolean, p: string, pattern: string) => p !== '' && (m(p) || (/[*?[]/u.test(pattern) ? false : m(`${p}/x`)));
    return probe(ma, bb, b) || probe(mb, ba, a) || (ba !== '' && ba === bb);
  };
  const out: string[] = [];
  for (let j = 1; j < clients.length; j++) {
    for (let i = 0; i < j; i++) {
      for (const pb of clients[j].paths) for (const pa of clients[i].paths) if (overlaps(pa, pb)) out.push(`"${pa}" of "${clients[i].name}" and "${pb}" of "${clients[j].name}"`);
    }
  }
  return out;
}

const pairsOf = (clients: readonly Client[]) => pathOverlapDiagnostics(clients).map((d) => /Paths (.*) overlap\./u.exec(d.message)?.[1] ?? d.message);

describe('clients/overlap: indexed paths-overlap', () => {
  const PATTERNS = ['apps/', 'apps/acme/', 'apps/acme', './apps/acme/web/', 'apps/a*', 'apps/*/web/', '*', '**/web/', '*.md', 'docs', 'docs/api/**', 'libs/ui/', 'libs/u?/', 'libs/[ab]x/', '/libs/', 'apps/acme/web/x.ts', 'clients/c1/', 'clients/c1x/', 'clients/c*', 'apps'];

  it('finds the same pairs as comparing every pair, in the same order', () => {
    // Deterministic mixes: each client takes one to three patterns.
    for (let seed = 1; seed <= 40; seed++) {
      let x = seed;
      const next = () => (x = (x * 1103515245 + 12345) % 2147483648) % PATTERNS.length;
      const clients = Array.from({ length: 8 }, (_, k) => client({ name: `C${seed}-${k}`, paths: Array.from({ length: 1 + (next() % 3) }, () => PATTERNS[next()]) }));
      assert.deepEqual(pairsOf(clients), naivePairs(clients), `seed ${seed}`);
    }
  });

  it('3,000 clients each in its own folder under one parent: no pairs, without comparing every pair (seconds, not minutes)', () => {
    const clients = Array.from({ length: 3000 }, (_, k) => client({ name: `Client ${k}`, paths: [`clients/c${k}/`, `apps/c${k}/web/`] }));
    const started = performance.now();
    assert.deepEqual(pathOverlapDiagnostics(clients), []);
    assert.ok(performance.now() - started < 5000, `took ${performance.now() - started} ms`);
  });
});
