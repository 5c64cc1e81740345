import { strict as assert } from 'node:assert';
import { parseClients } from '../../../src/core/clients/parse';
import type { Commitment } from '../../../src/core/clients/model';
import { CASES, type ExpectedCommitment } from './conformance.cases';

/** The fields of `got` that the case names (and the line, 1-based). */
function pick(got: Commitment, want: ExpectedCommitment): ExpectedCommitment {
  const out: ExpectedCommitment = { title: got.title };
  if (want.status !== undefined) out.status = got.status;
  if ('due' in want) out.due = got.due;
  if ('doneDate' in want) out.doneDate = got.doneDate;
  if ('cancelledDate' in want) out.cancelledDate = got.cancelledDate;
  if (want.owners !== undefined) out.owners = got.owners;
  if (want.tags !== undefined) out.tags = got.tags;
  if (want.line !== undefined) out.line = got.span.startLine + 1;
  return out;
}

describe('clients: conformance suite (Obsidian Tasks, GFM, CommonMark, todo.txt)', () => {
  it('has at least 40 cases, and every defect of issue 14 (1–5) has cases', () => {
    assert.ok(CASES.length >= 40, String(CASES.length));
    for (const d of [1, 2, 3, 4, 5] as const) assert.ok(CASES.some((c) => c.defect === d), `defect ${d}`);
    const names = new Set<string>();
    for (const c of CASES) {
      assert.ok(!names.has(c.name), `duplicate case name ${c.name}`);
      names.add(c.name);
    }
  });

  for (const c of CASES) {
    it(`${c.source}: ${c.name}${c.known ? ` (known gap: ${c.known})` : ''}`, () => {
      const f = parseClients(c.input);
      assert.deepEqual(f.clients.map((x) => x.name), c.clients ?? ['Acme']);
      const got = f.clients.flatMap((x) => x.commitments);
      assert.deepEqual(got.map((g, i) => (c.commitments[i] ? pick(g, c.commitments[i]) : { title: g.title })), c.commitments);
      assert.deepEqual(f.diagnostics.map((d) => [d.code, d.span.startLine + 1]), c.diagnostics);
      for (const d of f.diagnostics) assert.ok(d.message.length > 20, `${d.code} says what to do`);
    });
  }
});
