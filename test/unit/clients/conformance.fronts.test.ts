/**
 * The sidebar and the CLI agree on every conformance case: the Commitments view's rows (its plain
 * data model, src/extension/commitments/model.ts, on the core parse) against `client-pulse
 * commitments --json` (open, and `--all`), and the Problems panel's diagnostics (core's, as the
 * extension shows them) against `client-pulse check`, from the built CLI run as a real process.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseClients } from '../../../src/core/clients/parse';
import type { Commitment } from '../../../src/core/clients/model';
import { urgencyOf, visibleCommitments } from '../../../src/extension/commitments/model';
import type { CommitmentsJson } from '../../../src/cli/commands/commitments';
import { buildOnce, runCli } from '../../support/cli';
import { tempDir } from '../../support/temp';
import { CASES } from './conformance.cases';

const TODAY = '2026-11-25';
const ENV = { CLIENT_PULSE_TODAY: TODAY };

type Row = [client: string, title: string, status: string, due: string | null, line: number, overdue: boolean];

function sidebarRows(file: ReturnType<typeof parseClients>, showDone: boolean): Row[] {
  return file.clients.flatMap((client) => visibleCommitments(client, {}, showDone, TODAY)
    .map((c: Commitment): Row => [c.client, c.title, c.status, c.due ?? null, c.span.startLine + 1, urgencyOf(c, TODAY, 'monday') === 'overdue']));
}

function cliRows(file: string, all: boolean): Row[] {
  const r = runCli(['commitments', file, '--json', ...(all ? ['--all'] : [])], { env: ENV });
  assert.equal(r.code, 0, r.stderr);
  return (JSON.parse(r.stdout) as CommitmentsJson).commitments.map((c): Row => [c.client, c.title, c.status, c.due, c.line, c.overdue]);
}

const byLine = (rows: Row[]): Row[] => [...rows].sort((a, b) => a[4] - b[4]);

describe('clients: the sidebar and the CLI agree on every conformance case', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => {
    buildOnce();
    dir = tempDir('conformance-fronts');
  });

  CASES.forEach((c, i) => {
    it(`${c.source}: ${c.name}`, () => {
      const file = path.join(dir, `case-${i}.md`);
      fs.writeFileSync(file, c.input);
      const parsed = parseClients(c.input);
      for (const all of [false, true]) assert.deepEqual(byLine(cliRows(file, all)), byLine(sidebarRows(parsed, all)), all ? '--all' : 'open');
      const check = runCli(['check', file], { env: ENV });
      const reported = [...check.stdout.matchAll(/^[^\n]*?:(\d+):\d+: (?:error|warning|info): .*\[([a-z-]+)\]$/gm)].map((m): [string, number] => [m[2], Number(m[1])]);
      assert.deepEqual(reported, parsed.diagnostics.map((d): [string, number] => [d.code, d.span.startLine + 1]), check.stdout);
      assert.equal(check.code, parsed.diagnostics.some((d) => d.severity === 'error') ? 1 : 0);
    });
  });
});
