/**
 * `npm run bench`: how much the core's git pipeline costs on top of git itself.
 *
 * Generates synthetic repositories with `git fast-import` under `.bench/repos/<commits>` (cached;
 * 10k and 100k commits by default, 1M with `--huge`), at 40 commits a day for the last two years
 * (denser before) so a window holds the same number of commits whatever the repository's size. For a 7-day window (name-status)
 * and a 90-day window (numstat), it prints, measured in this process:
 *   - core:  `readActivity` (read, route, link, reword, redact), as the extension runs it;
 *   - raw:   the same `git log` (same arguments, same hardening) spawned from this process, its
 *            output read and thrown away;
 *   - ratio core / raw (medians, runs interleaved).
 * Peak memory is measured in fresh child processes (max RSS and peak heap): for the window and for
 * a stream over the whole history (`readCommits` counting commits), which must stay flat as the
 * repository grows. Finally the CLI as a whole process against `git log` as a process.
 *
 * Options: --huge (add 1M commits), --sizes=10000,100000, --runs=N, --json (machine-readable),
 * --cli=FILE (the CLI bundle to time; default dist/cli.js), --only=core (only the in-process core, 7 days), --only=cli (only start-up, whole processes and the 50,000-line clients.md), --only=overview (only the clients overview,
 * bench/overview.ts), --only=activation (only activation in the real workbench, bench/activation.ts).
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { logArgs, readActivity, readCommits } from '../src/core/git/activity';
import { addDays } from '../src/core/calendar';
import { gitEnv, hardenedArgs } from '../src/core/git/run';
import type { Client, ClientsFile, Span } from '../src/core/clients/model';
import type { ActivityRequest, Period } from '../src/core/git/types';
import { handoverBenchLines } from './handover';
import { addMergedBranches, bigFileLines, diagnosticsLines, load, processLines, spread, tooltipLines, versionLines } from './startup';
import { measureOverview, overviewBenchLines } from './overview';

const TODAY = '2026-11-20';
const PER_DAY = 40;
/** Commits older than this many days are 10× denser, so even 1M commits stay after 1973 (git's dates). */
const DENSE_AFTER_DAYS = 730;
/** Bumped when the generated history changes; older caches are regenerated. */
const LAYOUT = 'v3'; // v3: unmerged feature branches for the handover
const UNMERGED_BRANCHES = 12;
const ROOT = path.resolve(__dirname, '..');
const BENCH_DIR = path.join(ROOT, '.bench', 'repos');

interface Options {
  sizes: number[];
  runs: number;
  json: boolean;
  /** The CLI bundle to time as a process (default dist/cli.js). */
  cli: string;
  /** `--only=overview`: only the clients overview's measurement (on the largest size up to 100k). */
  onlyOverview: boolean;
  /** `--only=core`: only the in-process 7-day core against raw git log. */
  onlyCore: boolean;
  /** `--only=cli`: only the whole-process tables (start-up, activity/draft, the 50,000-line clients.md). */
  onlyCli: boolean;
  onlyActivation: boolean;
}

function parseOptions(argv: string[]): Options {
  let sizes = [10_000, 100_000];
  let runs = 15;
  let json = false;
  let cli = path.join(ROOT, 'dist', 'cli.js');
  let onlyOverview = false;
  let onlyCli = false;
  let onlyCore = false;
  let onlyActivation = false;
  for (const a of argv) {
    if (a === '--huge') sizes = [...sizes, 1_000_000];
    else if (a.startsWith('--sizes=')) sizes = a.slice(8).split(',').map((s) => Number(s.replace(/k$/iu, '000').replace(/m$/iu, '000000')));
    else if (a.startsWith('--runs=')) runs = Math.max(3, Number(a.slice(7)));
    else if (a === '--json') json = true;
    else if (a === '--only=overview') onlyOverview = true;
    else if (a === '--only=cli') onlyCli = true;
    else if (a === '--only=core') onlyCore = true;
    else if (a === '--only=activation') onlyActivation = true;
    else if (a.startsWith('--cli=')) cli = path.resolve(a.slice(6));
    else if (a !== '--child') throw new Error(`unknown option ${a} (known: --huge, --sizes=10000,100000, --runs=N, --json, --cli=FILE, --only=overview, --only=cli, --only=core, --only=activation)`);
  }
  if (sizes.some((n) => !Number.isInteger(n) || n < 100)) throw new Error('--sizes takes whole numbers ≥ 100');
  return { sizes, runs, json, cli, onlyOverview, onlyCli, onlyCore, onlyActivation };
}

// ---------------------------------------------------------------------------------------------
// Synthetic repositories

const CLIENT_DIRS = ['apps/acme', 'apps/globex', 'apps/initech', 'libs/shared', 'libs/ui', 'docs', 'infra'];
const TYPES: Array<[string, number]> = [['feat', 30], ['fix', 25], ['chore', 12], ['refactor', 10], ['test', 6], ['docs', 6], ['ci', 5], ['perf', 6]];
const WORDS = ['login', 'checkout', 'search', 'loyalty points', 'map pins', 'export', 'invoices', 'profile page', 'cache', 'retry logic', 'push alerts', 'reports'];
const VERBS = ['add', 'fix', 'improve', 'speed up', 'simplify', 'handle errors in', 'polish', 'document'];

/** Deterministic pseudo-random numbers (xorshift32). */
function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

function pick<T>(r: () => number, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)];
}

function weighted(r: () => number): string {
  const total = TYPES.reduce((s, [, w]) => s + w, 0);
  let x = r() * total;
  for (const [t, w] of TYPES) if ((x -= w) < 0) return t;
  return 'feat';
}

function message(r: () => number, i: number): string {
  const type = weighted(r);
  const dir = pick(r, CLIENT_DIRS);
  const scope = r() < 0.5 ? `(${dir.split('/')[1] ?? dir})` : '';
  let subject = `${type}${scope}: ${pick(r, VERBS)} ${pick(r, WORDS)}`;
  if (r() < 0.2) subject += ` (JIRA-${1000 + (i % 5000)})`;
  if (r() < 0.1) subject += ' #loyalty';
  if (r() < 0.03) subject = `Revert "${subject}"`;
  let body = '';
  if (r() < 0.35) body = `\n\nWhy: the ${pick(r, WORDS)} flow was slow for some users; reported by dev${i % 30}@agency.example.\nSee https://tracker.example/browse/JIRA-${i % 9000}`;
  if (r() < 0.05) body += '\n\nCommitment: checkout';
  if (r() < 0.1) body += `\n\nSigned-off-by: Dev ${i % 30} <dev${i % 30}@agency.example>`;
  return `${subject}${body}\n`;
}

async function writeAll(stream: NodeJS.WritableStream, text: string): Promise<void> {
  if (!stream.write(text)) await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
}

/** Makes (or reuses) a repository with `n` commits ending on TODAY. */
async function ensureRepo(n: number, log: (s: string) => void): Promise<string> {
  const dir = path.join(BENCH_DIR, String(n));
  const ready = path.join(dir, '.git', 'bench-ready');
  if (fs.existsSync(ready) && fs.readFileSync(ready, 'utf8').startsWith(`${LAYOUT} `)) return dir;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const started = performance.now();
  log(`generating ${n.toLocaleString('en')} commits in ${path.relative(ROOT, dir)} (cached for later runs)…`);
  const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: os.devNull };
  spawnSync('git', ['init', '-q', '-b', 'main', dir], { env, stdio: 'inherit' });
  const child = spawn('git', ['fast-import', '--quiet', '--date-format=raw'], { cwd: dir, env, stdio: ['pipe', 'inherit', 'inherit'] });
  const done = new Promise<number | null>((resolve) => child.on('close', resolve));
  const r = rng(n);
  const end = Math.floor(Date.parse(`${TODAY}T18:00:00Z`) / 1000);
  const step = Math.floor(86400 / PER_DAY);
  const recent = DENSE_AFTER_DAYS * PER_DAY;
  const ageOf = (back: number) => (back < recent ? back * step : recent * step + (back - recent) * Math.floor(step / 10));
  let mainTip = 0;
  let sideTip = 0;
  for (let i = 0; i < n; i++) {
    const mark = i + 1;
    const when = end - ageOf(n - 1 - i);
    const bot = r() < 0.03;
    const dev = Math.floor(r() * 30);
    const who = bot ? 'dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>' : `Dev ${dev} <dev${dev}@agency.example>`;
    const cycle = i % 50;
    const side = cycle === 48 && i > 1;
    const merge = cycle === 49 && sideTip > 0;
    const msg = merge ? `Merge branch 'topic-${i}'\n` : bot ? `chore(deps): bump lib-${i % 40} from 1.${i % 9}.0 to 1.${(i % 9) + 1}.0\n` : message(r, i);
    const data = Buffer.byteLength(msg);
    let out = `commit refs/heads/${side ? 'side' : 'main'}\nmark :${mark}\nauthor ${who} ${when} +0000\ncommitter ${who} ${when} +0000\ndata ${data}\n${msg}`;
    if (mainTip > 0) out += `from :${mainTip}\n`;
    if (merge) out += `merge :${sideTip}\n`;
    const files = merge ? 0 : 1 + Math.floor(r() * 3);
    for (let f = 0; f < files; f++) {
      const d = pick(r, CLIENT_DIRS);
      const content = `// ${i}.${f}\nexport const v${i % 1000} = ${i};\n`;
      out += `M 100644 inline ${d}/src/m${Math.floor(r() * 40)}/f${Math.floor(r() * 25)}.ts\ndata ${Buffer.byteLength(content)}\n${content}\n`;
    }
    out += '\n';
    await writeAll(child.stdin, out);
    if (side) sideTip = mark;
    else mainTip = mark;
    if (merge) sideTip = 0;
  }
  // Unmerged work, as the handover looks for it: branches off recent main commits, three
  // commits each, half of them by dev1 (the person whose handover is measured).
  for (let b = 0; b < UNMERGED_BRANCHES; b++) {
    let tip = Math.max(1, n - 1 - b * 37);
    for (let k = 0; k < 3; k++) {
      const mark = n + 1 + b * 3 + k;
      const dev = b % 2 === 0 ? 1 : 2 + (b % 27);
      const when = end - b * 3600 - (3 - k) * 600;
      const msg = `feat(wip): step ${k + 1} of topic ${b}\n`;
      const content = `// wip ${b}.${k}\n`;
      const file = `${pick(r, CLIENT_DIRS)}/src/wip/b${b}.ts`;
      let out = `commit refs/heads/feature/topic-${b}\nmark :${mark}\nauthor Dev ${dev} <dev${dev}@agency.example> ${when} +0000\ncommitter Dev ${dev} <dev${dev}@agency.example> ${when} +0000\ndata ${Buffer.byteLength(msg)}\n${msg}from :${tip}\n`;
      out += `M 100644 inline ${file}\ndata ${Buffer.byteLength(content)}\n${content}\n\n`;
      await writeAll(child.stdin, out);
      tip = mark;
    }
  }
  child.stdin.end();
  const code = await done;
  if (code !== 0) throw new Error(`git fast-import failed (${code})`);
  // Like any repository that has seen `git gc`: a commit-graph. Not for the 1M repository: git
  // 2.39 took more than 10 minutes on it (100k: 2 s), which would make --huge impractical.
  if (n <= 200_000) spawnSync('git', ['commit-graph', 'write', '--reachable'], { cwd: dir, env, stdio: 'inherit' });
  fs.mkdirSync(path.join(dir, '.project'), { recursive: true });
  fs.writeFileSync(path.join(dir, '.project', 'clients.md'), CLIENTS_MD);
  fs.writeFileSync(ready, `${LAYOUT} ${new Date().toISOString()}`);
  log(`  done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return dir;
}

const CLIENTS_MD = `# Acme Retail

Contact: Jane Doe <jane.doe@acme.example> (CTO)
Paths: apps/acme/, libs/ui/
Tag: acme

## Commitments
- [ ] Loyalty app beta due:2026-12-04 @dev1 #loyalty
- [ ] Checkout p95 under 2 s due:2026-11-27 @dev2 #checkout

# Globex

Paths: apps/globex/
Tag: globex

# Initech

Paths: apps/initech/
Tag: initech
`;

/** The same three clients as CLIENTS_MD, built by hand so the benchmark does not depend on the parser. */
function benchClients(): ClientsFile {
  const span: Span = { startLine: 0, startColumn: 0, endLine: 0, endColumn: 0, startOffset: 0, endOffset: 0 };
  const client = (name: string, paths: string[], tags: string[], commitmentTags: string[] = [], contacts: string[] = []): Client => ({
    name,
    headingSpan: span,
    span,
    profile: '',
    fields: [],
    contacts: contacts.map((email) => ({ name: email, email })),
    cc: [],
    repos: [],
    paths,
    tags,
    sections: [],
    commitments: commitmentTags.map((t, i) => ({ id: `${name}#${i}`, client: name, title: t, raw: t, done: false, status: 'open' as const, mark: ' ', owners: [], tags: [t], span, checkboxSpan: span })),
    risks: [],
    asks: [],
    feedback: [],
    decisions: [],
    notes: [],
  });
  return {
    clients: [
      client('Acme Retail', ['apps/acme/', 'libs/ui/'], ['acme'], ['loyalty', 'checkout'], ['jane.doe@acme.example']),
      client('Globex', ['apps/globex/'], ['globex']),
      client('Initech', ['apps/initech/'], ['initech']),
    ],
    diagnostics: [],
    eol: '\n',
    hasBom: false,
  };
}

// ---------------------------------------------------------------------------------------------
// Measurements

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Spawns the raw `git log` from this process and reads its output; resolves to bytes read. */
function rawLog(cwd: string, args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', hardenedArgs(args), { cwd, env: gitEnv(), stdio: ['ignore', 'pipe', 'ignore'] });
    let bytes = 0;
    child.stdout.on('data', (c: Buffer) => (bytes += c.length));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(bytes) : reject(new Error(`git log exited ${code}`))));
  });
}

interface WindowResult {
  size: number;
  window: string;
  numstat: boolean;
  commits: number;
  coreMs: number;
  rawMs: number;
  ratio: number;
  /** 10th and 90th percentile of the pairs' ratios. */
  p10: number;
  p90: number;
}

async function measureWindow(repo: string, size: number, label: string, period: Period, numstat: boolean, runs: number, clients: ClientsFile): Promise<WindowResult> {
  const request: ActivityRequest = { cwd: repo, period, numstat };
  const args = logArgs(request);
  // Warm the page cache and the JIT.
  await rawLog(repo, args);
  const first = await readActivity(request, clients);
  const core: number[] = [];
  const raw: number[] = [];
  const pairs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const order = i % 2 === 0 ? ['core', 'raw'] : ['raw', 'core'];
    const took: Record<string, number> = {};
    for (const which of order) {
      const t = performance.now();
      if (which === 'core') await readActivity(request, clients);
      else await rawLog(repo, args);
      took[which] = performance.now() - t;
    }
    core.push(took.core);
    raw.push(took.raw);
    pairs.push(took.core / took.raw);
  }
  const coreMs = median(core);
  const rawMs = median(raw);
  // The ratio is the median of back-to-back pairs: other load on the machine drifts slowly, so a
  // pair sees the same conditions, and the median ignores the pairs a burst of load disturbed.
  const s = spread(pairs);
  return { size, window: label, numstat, commits: first.items.length, coreMs, rawMs, ratio: median(pairs), p10: s.p10, p90: s.p90 };
}

interface MemoryResult {
  size: number;
  what: string;
  commits: number;
  maxRssMb: number;
  peakHeapMb: number;
}

/** Runs one reading in a fresh process and reports its peak memory. */
function measureMemory(repo: string, size: number, what: 'window-90d-numstat' | 'whole-history-stream'): MemoryResult {
  const res = spawnSync(process.execPath, [__filename, '--child', what, repo], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
  if (res.status !== 0) throw new Error(`memory child failed: ${res.stderr}`);
  const out = JSON.parse(res.stdout.trim().split('\n').pop() ?? '{}') as { commits: number; maxRssKb: number; peakHeap: number };
  return { size, what, commits: out.commits, maxRssMb: out.maxRssKb / 1024, peakHeapMb: out.peakHeap / 1024 / 1024 };
}

async function childMain(what: string, repo: string): Promise<void> {
  let peakHeap = process.memoryUsage().heapUsed;
  const sample = setInterval(() => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }, 2);
  let commits = 0;
  if (what === 'window-90d-numstat') {
    const a = await readActivity({ cwd: repo, period: { since: addDays(TODAY, -89), until: TODAY }, numstat: true }, benchClients());
    commits = a.items.length;
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  } else {
    await readCommits({ cwd: repo, period: { since: '1970-01-02', until: TODAY }, numstat: true }, () => {
      commits++;
      if ((commits & 1023) === 0) peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    });
  }
  clearInterval(sample);
  process.stdout.write(`${JSON.stringify({ commits, maxRssKb: process.resourceUsage().maxRSS, peakHeap })}\n`);
}

interface ProcessResult {
  size: number;
  window: string;
  cliMs: number;
  gitMs: number;
  ratio: number;
}

function timeProcess(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): number {
  const t = performance.now();
  const res = spawnSync(cmd, args, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30 });
  const ms = performance.now() - t;
  if (res.status !== 0) throw new Error(`${path.basename(cmd)} ${args.slice(0, 2).join(' ')} exited ${res.status}: ${String(res.stderr).slice(0, 400)}`);
  return ms;
}

function measureProcesses(cli: string, repo: string, size: number, label: string, period: Period, runs: number): ProcessResult | string {
  if (!fs.existsSync(cli)) return `${path.relative(ROOT, cli)} is missing (run \`node esbuild.js\`)`;
  const env = { ...process.env, TZ: 'UTC', CLIENT_PULSE_TODAY: TODAY, NO_COLOR: '1' };
  const probe = spawnSync(process.execPath, [cli, 'activity', '--help'], { encoding: 'utf8', env });
  if (probe.status !== 0) return 'the CLI has no `activity` command in this build';
  const cliArgs = [cli, 'activity', '--since', period.since, '--until', period.until, '--json'];
  const gitArgs = hardenedArgs(logArgs({ period }));
  const gitEnvVars = { ...gitEnv(), TZ: 'UTC' };
  const c: number[] = [];
  const g: number[] = [];
  timeProcess(process.execPath, cliArgs, repo, env);
  for (let i = 0; i < runs; i++) {
    c.push(timeProcess(process.execPath, cliArgs, repo, env));
    g.push(timeProcess('git', gitArgs, repo, gitEnvVars));
  }
  const cliMs = median(c);
  const gitMs = median(g);
  return { size, window: label, cliMs, gitMs, ratio: cliMs / gitMs };
}

// ---------------------------------------------------------------------------------------------

function machine(): Record<string, string> {
  let model = os.cpus()[0]?.model ?? 'unknown';
  try {
    const m = /^model name\s*:\s*(.+)$/mu.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) model = m[1].trim();
  } catch {
    // not Linux
  }
  const gitVersion = spawnSync('git', ['--version'], { encoding: 'utf8' }).stdout.trim();
  return {
    cpus: String(os.availableParallelism?.() ?? os.cpus().length),
    model,
    memory: `${Math.round(os.totalmem() / 1024 ** 3)} GB`,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    git: gitVersion,
    node: process.version,
  };
}

/** `--only=cli`: the whole-process tables alone, with the load before and after (a few minutes instead of the whole bench). */
async function cliOnlyLines(opts: Options, log: (s: string) => void): Promise<string[]> {
  const repos: string[] = [];
  for (const size of opts.sizes) repos.push(await ensureRepo(size, log));
  const startupOpts = { cli: opts.cli, today: TODAY, runs: opts.runs };
  const before = load();
  const period = { since: addDays(TODAY, -6), until: TODAY };
  const lines = [
    ...versionLines(startupOpts),
    '',
    ...processLines(repos, startupOpts, period),
    ...processLines(repos.filter((r) => Number(path.basename(r)) >= 1_000_000), startupOpts, { since: addDays(TODAY, -89), until: TODAY }, false),
    '',
    ...bigFileLines(repos[0], CLIENTS_MD, startupOpts, period),
    '',
    ...diagnosticsLines(CLIENTS_MD, opts.runs),
  ];
  return [`Load average (1 / 5 / 15 min): ${before} before, ${load()} after`, '', ...lines];
}

/**
 * bench/activation.ts in its own process (it drives the test host's workbench with playwright,
 * which this bundle leaves out); a line saying why when the host is not installed.
 */
function activationSection(runs: number): string[] {
  if (!fs.existsSync(path.join(ROOT, '.vscode-test', 'code-server'))) return ['Skipped: the test host is not installed (`node test/host/setup.mjs`).'];
  const res = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['bench/activation.ts', `--runs=${Math.max(5, runs)}`], { cwd: ROOT, encoding: 'utf8', timeout: 600_000 });
  if (res.status !== 0) return [`Failed: ${(res.stderr || String(res.error)).trim().split('\n').slice(-3).join(' ')}`];
  return res.stdout.trim().split('\n').filter((l) => l.startsWith('|'));
}

const fmt = (ms: number) => (ms < 100 ? ms.toFixed(1) : ms.toFixed(0));

async function main(): Promise<void> {
  if (process.argv[2] === '--child') return childMain(process.argv[3], process.argv[4]);
  process.env.TZ = 'UTC';
  const opts = parseOptions(process.argv.slice(2));
  const log = (s: string) => process.stderr.write(`${s}\n`);
  const info = machine();
  log(`machine: ${info.cpus} × ${info.model}, ${info.memory}, ${info.os}; ${info.git}; node ${info.node}`);
  const loadBefore = load();
  log(`load average (1 / 5 / 15 min): ${loadBefore}`);
  const windows: Array<{ label: string; period: Period; numstat: boolean }> = [
    { label: '7 days', period: { since: addDays(TODAY, -6), until: TODAY }, numstat: false },
    { label: '90 days + numstat', period: { since: addDays(TODAY, -89), until: TODAY }, numstat: true },
  ];
  const clients = benchClients();
  // The overview runs on the largest repository up to 100k commits, cloned ten times (bench/overview.ts).
  const overviewSize = Math.max(...opts.sizes.filter((n) => n <= 100_000));
  const overviewLines = async () => overviewBenchLines(await measureOverview(await ensureRepo(overviewSize, log), overviewSize, TODAY, Math.max(5, Math.ceil(opts.runs / 2)), log));
  if (opts.onlyOverview) {
    process.stdout.write(`${(await overviewLines()).join('\n')}\n`);
    return;
  }
  if (opts.onlyActivation) {
    process.stdout.write(`${activationSection(opts.runs).join('\n')}\n`);
    return;
  }
  if (opts.onlyCore) {
    const before = load();
    const lines = ['| commits | window | commits in window | core ms | raw git log ms | ratio (p10–p90 of pairs) | target |', '|---:|---|---:|---:|---:|---:|---:|'];
    for (const size of opts.sizes) {
      const r = await measureWindow(await ensureRepo(size, log), size, windows[0].label, windows[0].period, false, opts.runs, clients);
      lines.push(`| ${size.toLocaleString('en')} | ${r.window} | ${r.commits} | ${fmt(r.coreMs)} | ${fmt(r.rawMs)} | ${r.ratio.toFixed(2)}× (${r.p10.toFixed(2)}–${r.p90.toFixed(2)}) | ≤1.15× ${r.ratio <= 1.15 ? '✓' : '✗'} |`);
    }
    process.stdout.write(`Load average (1 / 5 / 15 min): ${before} before, ${load()} after\n\n${lines.join('\n')}\n`);
    return;
  }
  if (opts.onlyCli) {
    process.stdout.write(`${(await cliOnlyLines(opts, log)).join('\n')}\n`);
    return;
  }
  const results: WindowResult[] = [];
  const memory: MemoryResult[] = [];
  const processes: Array<ProcessResult | string> = [];
  const repos: string[] = [];
  for (const size of opts.sizes) {
    const repo = await ensureRepo(size, log);
    addMergedBranches(repo);
    repos.push(repo);
    for (const w of windows) {
      log(`measuring ${size.toLocaleString('en')} commits, ${w.label}…`);
      results.push(await measureWindow(repo, size, w.label, w.period, w.numstat, w.numstat ? Math.max(5, Math.ceil((opts.runs * 2) / 3)) : opts.runs, clients));
    }
    memory.push(measureMemory(repo, size, 'window-90d-numstat'));
    memory.push(measureMemory(repo, size, 'whole-history-stream'));
    processes.push(measureProcesses(opts.cli, repo, size, '7 days', windows[0].period, Math.max(3, Math.ceil(opts.runs / 2))));
  }
  // The handover's own section (bench/handover.ts, by the handover feature), on the repositories up to 100k.
  log('measuring start-up and whole processes…');
  const startupOpts = { cli: opts.cli, today: TODAY, runs: opts.runs };
  const startup = fs.existsSync(opts.cli)
    ? [
        'Start-up: `client-pulse --version` against `node -e 0` (interleaved)',
        '',
        ...versionLines(startupOpts),
        '',
        'Whole processes, 7 days: the CLI against `git log` (same window, same hardening) plus `node -e 0`, interleaved rounds; ratio median (p10–p90)',
        '',
        ...processLines(repos, startupOpts, windows[0].period),
        ...processLines(repos.filter((r) => Number(path.basename(r)) >= 1_000_000), startupOpts, windows[1].period, false),
        '',
        'A 50,000-line clients.md against a 500-line one: `client-pulse draft`, 7 days, whole process',
        '',
        ...bigFileLines(repos[0], CLIENTS_MD, startupOpts, windows[0].period),
        '',
        'Diagnostics of a 5,000-line clients.md after the debounce (parse + checks, in process)',
        '',
        ...diagnosticsLines(CLIENTS_MD, opts.runs),
      ]
    : [`Start-up and whole processes skipped: ${path.relative(ROOT, opts.cli)} is missing (run \`node esbuild.js\`)`];
  startup.push('', 'Commitment tooltip: linked commits of a year, in process', '', ...(await tooltipLines(repos, CLIENTS_MD, startupOpts)));
  startup.push('', 'Activation in the real workbench (Running Extensions: Load Code + Call Activate), the demo opened in new windows', '', ...activationSection(opts.runs));
  const handover = await handoverBenchLines(repos.filter((r) => Number(path.basename(r)) <= 100_000), TODAY, opts.runs, log);
  if (opts.json) {
    process.stdout.write(`${JSON.stringify({ machine: info, load: { before: loadBefore, after: load() }, results, memory, processes, startup, handover }, null, 2)}\n`);
    return;
  }
  const lines: string[] = [];
  lines.push(`Machine: ${info.cpus} × ${info.model}, ${info.memory} RAM, ${info.os}; ${info.git}; node ${info.node}`);
  lines.push(`Load average (1 / 5 / 15 min): ${loadBefore} before, ${load()} after`, '');
  lines.push('In-process: core pipeline (readActivity) vs the same git log spawned from the same process (medians; ratio = median of back-to-back pairs)', '');
  lines.push('| commits | window | commits in window | core ms | raw git log ms | ratio | target |', '|---:|---|---:|---:|---:|---:|---:|');
  for (const r of results) {
    const target = r.numstat ? 1.5 : 1.25;
    lines.push(`| ${r.size.toLocaleString('en')} | ${r.window} | ${r.commits.toLocaleString('en')} | ${fmt(r.coreMs)} | ${fmt(r.rawMs)} | ${r.ratio.toFixed(2)}× (${r.p10.toFixed(2)}–${r.p90.toFixed(2)}) | ≤${target}× ${r.ratio <= target ? '✓' : '✗'} |`);
  }
  lines.push('', 'Peak memory, each in a fresh Node process', '');
  lines.push('| commits | reading | commits read | max RSS MB | peak heap MB |', '|---:|---|---:|---:|---:|');
  for (const m of memory) {
    lines.push(`| ${m.size.toLocaleString('en')} | ${m.what} | ${m.commits.toLocaleString('en')} | ${m.maxRssMb.toFixed(0)} | ${m.peakHeapMb.toFixed(1)} |`);
  }
  lines.push('', 'Whole processes: `client-pulse activity --json` vs `git log` (same window, medians)', '');
  lines.push('| commits | window | CLI ms | git log ms | ratio |', '|---:|---|---:|---:|---:|');
  for (const p of processes) {
    if (typeof p === 'string') lines.push(`| – | – | – | – | skipped: ${p} |`);
    else lines.push(`| ${p.size.toLocaleString('en')} | ${p.window} | ${fmt(p.cliMs)} | ${fmt(p.gitMs)} | ${p.ratio.toFixed(2)}× |`);
  }
  lines.push('', ...startup, '', ...handover);
  lines.push('', ...(await overviewLines()));
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  process.exitCode = 1;
});
