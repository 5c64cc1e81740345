/**
 * Runs the integration suites (test/integration) inside a real VS Code extension host: compiles
 * them to out/test/integration, creates the workspaces (the demo agency repository with a fixed
 * today, and an empty folder for the lazy-activation check), starts the VS Code server and
 * Chromium (test/host/workbench.ts) and opens each workspace with an `extensionTestsPath` payload.
 * The extension host runs the index's `run()` and reports the exit code.
 *
 * Prints every test, and as its last line `INTEGRATION_RESULT {"passes":N,"failures":N,"pending":N}`.
 * Exits 0 only when every run reported exit code 0. On failure prints the extension host log.
 * Run alone: `npm test -- --only integration`, or `npx tsx test/host/integration.ts`.
 * CLIENT_PULSE_SUITE=<feature> and CLIENT_PULSE_GREP=<text> pick tests.
 */
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { makeDemo, ROOT, Workbench } from './workbench';

const TODAY = '2026-11-20'; // a Friday: the demo's history and "this week" are fixed by it
const OUT = path.join(ROOT, 'out', 'test', 'integration');
const PREFIX = 'CLIENT_PULSE ';
const RESULT = 'RESULT ';

interface Counts {
  passes: number;
  failures: number;
  pending: number;
}

async function compile(): Promise<void> {
  fs.rmSync(OUT, { recursive: true, force: true });
  const dir = path.join(ROOT, 'test', 'integration');
  const entryPoints = fs.readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => path.join(dir, f));
  await esbuild.build({ entryPoints, outdir: OUT, bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: 'inline', external: ['vscode', 'mocha'], logLevel: 'warning' });
}

/** One workbench window on `folder`, running the suites named in `suites` (all when undefined). */
async function runIn(tmp: string, folder: string, suites: string | undefined): Promise<{ code: number; counts: Counts; log: string }> {
  const env: Record<string, string> = { CLIENT_PULSE_TODAY: TODAY };
  const suite = process.env.CLIENT_PULSE_SUITE ?? suites;
  if (suite) env.CLIENT_PULSE_SUITE = suite;
  if (process.env.CLIENT_PULSE_GREP) env.CLIENT_PULSE_GREP = process.env.CLIENT_PULSE_GREP;
  const bench = await Workbench.start({ tmp: path.join(tmp, `host-${path.basename(folder)}`), env });
  let code = 1;
  try {
    await bench.open(folder, { testsPath: path.join(OUT, 'index.js') });
    code = await bench.waitForExit(10 * 60_000);
  } catch (e) {
    console.log(`  ✘ the extension host did not finish: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    await bench.stop();
  }
  let counts: Counts = { passes: 0, failures: code === 0 ? 0 : 1, pending: 0 };
  // The workbench logs much of its own; the index's lines carry a prefix.
  for (const entry of bench.automationLog) {
    const at = entry.indexOf(PREFIX);
    if (at < 0) continue;
    const line = entry.slice(at + PREFIX.length);
    if (line.startsWith(RESULT)) counts = JSON.parse(line.slice(RESULT.length)) as Counts;
    else console.log(line);
  }
  if (code !== 0 && counts.failures === 0) counts.failures = 1;
  return { code, counts, log: bench.log() };
}

async function main(): Promise<number> {
  const t0 = Date.now();
  await compile();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'client-pulse-integration-'));
  const total: Counts = { passes: 0, failures: 0, pending: 0 };
  let ok = true;
  try {
    const demo = path.join(tmp, 'demo');
    makeDemo(demo, TODAY);
    const empty = path.join(tmp, 'empty');
    fs.mkdirSync(empty);
    fs.writeFileSync(path.join(empty, 'README.md'), '# A project without a clients file\n');
    const runs: Array<[string, string | undefined]> = [
      [empty, 'lazy'],
      [demo, fs.readdirSync(path.join(ROOT, 'test', 'integration')).filter((f) => f.endsWith('.test.ts') && f !== 'lazy.test.ts').map((f) => f.slice(0, -'.test.ts'.length)).join(',')],
    ];
    for (const [folder, suites] of runs) {
      if (process.env.CLIENT_PULSE_SUITE && suites !== undefined && !suites.split(',').some((s) => process.env.CLIENT_PULSE_SUITE?.split(',').includes(s))) continue;
      console.log(`[integration] ${path.basename(folder)}: ${suites ?? 'all suites'}`);
      const r = await runIn(tmp, folder, suites);
      total.passes += r.counts.passes;
      total.failures += r.counts.failures;
      total.pending += r.counts.pending;
      if (r.code !== 0) {
        ok = false;
        console.log(`--- VS Code server and extension host log (${path.basename(folder)}) ---\n${r.log}`);
      }
    }
  } finally {
    if (!process.env.KEEP_INTEGRATION_TMP) fs.rmSync(tmp, { recursive: true, force: true });
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
