/**
 * Runs the integration suites (test/integration) inside a real VS Code extension host: compiles
 * them, creates the workspaces (test/host/suites.ts), starts the VS Code server and Chromium
 * (test/host/workbench.ts) and opens each workspace with an `extensionTestsPath` payload. The
 * extension host runs the index's `run()` and reports its exit code through codeAutomationExit.
 *
 * Prints every test, and as its last line `INTEGRATION_RESULT {"passes":N,"failures":N,"pending":N}`.
 * Exits 0 only when every run reported exit code 0. On failure prints the server and extension
 * host log. Run alone: `npm test -- --only integration`, or `npx tsx test/host/integration.ts`.
 * CLIENT_PULSE_SUITE=<name>[,<name>] and CLIENT_PULSE_GREP=<text> pick tests.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { compileSuites, gitTrap, INDEX, prepareRuns, TODAY, type SuiteRun } from './suites';
import { Workbench } from './workbench';

const PREFIX = 'CLIENT_PULSE ';
const RESULT = 'RESULT ';

interface Counts {
  passes: number;
  failures: number;
  pending: number;
}

/** One workbench window on the run's folder; the index's prefixed lines are printed as they were. */
async function runIn(tmp: string, run: SuiteRun): Promise<{ code: number; counts: Counts; log: string }> {
  const hostTmp = path.join(tmp, `host-${path.basename(run.folder)}`);
  const env: Record<string, string> = { CLIENT_PULSE_TODAY: TODAY, CLIENT_PULSE_SUITE: run.suites, ...(run.untrusted ? gitTrap(hostTmp) : {}) };
  if (process.env.CLIENT_PULSE_GREP) env.CLIENT_PULSE_GREP = process.env.CLIENT_PULSE_GREP;
  const bench = await Workbench.start({ tmp: hostTmp, env, ...(run.untrusted ? { workspaceTrust: true } : {}) });
  let code = 1;
  try {
    await bench.open(run.folder, { testsPath: INDEX });
    code = await bench.waitForExit(10 * 60_000);
  } catch (e) {
    console.log(`  ✘ the extension host did not finish: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    await bench.stop();
  }
  let counts: Counts | undefined;
  // The workbench logs much of its own; the index's lines carry a prefix.
  for (const entry of bench.automationLog) {
    const at = entry.indexOf(PREFIX);
    if (at < 0) continue;
    const line = entry.slice(at + PREFIX.length);
    if (line.startsWith(RESULT)) counts = JSON.parse(line.slice(RESULT.length)) as Counts;
    else console.log(line);
  }
  counts ??= { passes: 0, failures: 0, pending: 0 };
  if (code !== 0 && counts.failures === 0) counts.failures = 1;
  return { code, counts, log: bench.log() };
}

async function main(): Promise<number> {
  const t0 = Date.now();
  await compileSuites();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'client-pulse-integration-'));
  const total: Counts = { passes: 0, failures: 0, pending: 0 };
  let ok = true;
  try {
    for (const run of prepareRuns(tmp, process.env.CLIENT_PULSE_SUITE)) {
      console.log(`[integration] ${path.basename(run.folder)}: ${run.suites}`);
      const r = await runIn(tmp, run);
      total.passes += r.counts.passes;
      total.failures += r.counts.failures;
      total.pending += r.counts.pending;
      if (r.code !== 0) {
        ok = false;
        console.log(`--- VS Code server and extension host log (${path.basename(run.folder)}) ---\n${r.log}`);
      }
    }
  } finally {
    if (!process.env.KEEP_INTEGRATION_TMP) fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  }
  console.log(`[integration] ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  console.log(`INTEGRATION_RESULT ${JSON.stringify(total)}`);
  return ok && total.failures === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    console.log(`INTEGRATION_RESULT ${JSON.stringify({ passes: 0, failures: 1, pending: 0 })}`);
    process.exit(1);
  },
);
