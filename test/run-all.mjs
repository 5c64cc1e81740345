// `npm test`: runs the phases in order, prints each phase's duration and ONE final line
// `N passed, N failed`. `npm test -- --only unit` (or typecheck, lint, build, unit, host,
// integration, e2e) runs one phase. integration and e2e need the host that the host phase sets up (cached in
// .vscode-test/); with --only, run `node test/host/setup.mjs` once first.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt >= 0 ? process.argv[onlyAt + 1] : undefined;
const totals = { passed: 0, failed: 0 };
const durations = [];

/** Runs a command; returns its exit status (output streamed, or captured when `capture`). */
function run(cmd, args, capture = false) {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: capture ? ['ignore', 'pipe', 'inherit'] : 'inherit', encoding: 'utf8', maxBuffer: 1 << 28 });
  return { status: r.status ?? 1, stdout: r.stdout ?? '' };
}


function phase(name, fn) {
  if (only && only !== name) return;
  const t0 = Date.now();
  let ok;
  try { ok = fn(); } catch (e) { console.error(e); ok = false; }
  const s = ((Date.now() - t0) / 1000).toFixed(1);
  durations.push(`${name} ${s}s ${ok ? 'ok' : 'FAILED'}`);
  console.log(`\n== ${name}: ${ok ? 'ok' : 'FAILED'} in ${s}s\n`);
}

/** Runs mocha with the JSON reporter to count tests; prints failures. */
function mochaCounted(args) {
  const r = run('npx', ['mocha', ...args, '--reporter', 'json'], true);
  const start = r.stdout.indexOf('{');
  let stats = { passes: 0, failures: r.status === 0 ? 0 : 1, pending: 0 };
  try {
    const report = JSON.parse(r.stdout.slice(start));
    stats = report.stats;
    for (const f of report.failures) console.log(`  ✘ ${f.fullTitle}\n    ${String(f.err?.message ?? '').split('\n').join('\n    ')}`);
  } catch { console.log(r.stdout); }
  console.log(`  ${stats.passes} passing, ${stats.failures} failing, ${stats.pending} pending`);
  totals.passed += stats.passes;
  totals.failed += stats.failures;
  return r.status === 0 && stats.failures === 0;
}

function step(cmd, args) {
  const ok = run(cmd, args).status === 0;
  if (ok) totals.passed += 1; else totals.failed += 1;
  return ok;
}

phase('typecheck', () => step('npx', ['tsc', '-p', '.', '--noEmit']) & step('npx', ['tsc', '-p', 'src/webview/tsconfig.json', '--noEmit']) ? true : false);
phase('lint', () => step('npx', ['eslint', '.']));
phase('build', () => step('node', ['esbuild.js']));
phase('unit', () => mochaCounted([]));
phase('host', () => {
  const r = run('node', ['test/host/setup.mjs'], true);
  process.stdout.write(r.stdout);
  const ok = r.status === 0 && r.stdout.split('\n').some((l) => l.startsWith('HOST_ENV '));
  if (ok) totals.passed += 1; else totals.failed += 1;
  return ok;
});

/** Runs the integration suites in a real extension host (test/host/integration.ts) and counts them. */
phase('integration', () => {
  const r = run('npx', ['tsx', 'test/host/integration.ts'], true);
  process.stdout.write(r.stdout);
  const line = r.stdout.split('\n').find((l) => l.startsWith('INTEGRATION_RESULT '));
  const counts = line ? JSON.parse(line.slice('INTEGRATION_RESULT '.length)) : { passes: 0, failures: 1 };
  totals.passed += counts.passes;
  totals.failed += counts.failures;
  return r.status === 0 && counts.failures === 0;
});

const e2e = fs.readdirSync(path.join(ROOT, 'test/e2e')).filter((f) => f.endsWith('.e2e.ts')).map((f) => `test/e2e/${f}`);
phase('e2e', () => mochaCounted(['--no-config', '-r', 'tsx/cjs', '--extension', 'ts', '--timeout', '240000', ...e2e]));

console.log(`phases: ${durations.join(', ')}`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed > 0 ? 1 : 0);
