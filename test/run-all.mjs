// `npm test`: runs the phases in order, prints each phase's duration and ONE final line
// `N passed, N failed`. `npm test -- --only unit` (or typecheck, build, unit, e2e) runs one phase.
// The host set-up (test/host/setup.mjs) and the integration phase run only when their files exist.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
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
  let ok = false;
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
phase('build', () => step('node', ['esbuild.js']));
phase('unit', () => mochaCounted([]));
phase('host', () => {
  const r = run('node', ['test/host/setup.mjs'], true);
  process.stdout.write(r.stdout);
  const line = r.stdout.split('\n').find((l) => l.startsWith('HOST_ENV '));
  if (line) process.env.CODE_SERVER_ENTRY ??= JSON.parse(line.slice(9)).codeServerEntry;
  const ok = r.status === 0 && line !== undefined;
  if (ok) totals.passed += 1; else totals.failed += 1;
  return ok;
});
if (only === 'e2e' && !process.env.CODE_SERVER_ENTRY) {
  const entry = path.join(ROOT, '.vscode-test/code-server/node_modules/code-server/out/node/entry.js');
  if (fs.existsSync(entry)) process.env.CODE_SERVER_ENTRY = entry;
}
const e2e = fs.readdirSync(path.join(ROOT, 'test/e2e')).filter((f) => f.endsWith('.e2e.ts')).map((f) => `test/e2e/${f}`);
if (e2e.length > 0 && (!only || only === 'e2e')) {
  phase('e2e', () => mochaCounted(['--no-config', '-r', 'tsx/cjs', '--extension', 'ts', '--timeout', '180000', ...e2e]));
}

console.log(`phases: ${durations.join(', ')}`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed > 0 ? 1 : 0);
