/**
 * Benchmark of the clients overview at portfolio scale: 20 clients over 10 repositories of the
 * same size (the cached bench repository cloned locally 10 times, objects hard-linked: real,
 * separate repositories without generating each history again). Each client has its own folder
 * in its home repository and lists two to four other repositories (with its folder there) in
 * Repos:. Measured: `gatherOverview` (check every repository, read each once in parallel, route,
 * compose every client's status) against the `git log` runs it needs — the same window's log of
 * each repository, spawned with the same parallelism. Target: overview ≤ 1.5 × raw.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { IsoDate } from '../src/core/clients/model';
import { logArgs } from '../src/core/git/activity';
import { mapLimit, repositoryParallelism } from '../src/core/git/repositories';
import { streamGit } from '../src/core/git/run';
import { gatherOverview } from '../src/core/overview/gather';
import { periodFor } from '../src/core/calendar';
import { spread } from './startup';

export const OVERVIEW_TARGET_RATIO = 1.5;
const REPOS = 10;
const CLIENTS = 20;
const DIRS = ['apps/acme', 'apps/globex', 'apps/initech', 'libs/shared', 'libs/ui', 'docs', 'infra'];

export interface OverviewBenchResult {
  repositories: number;
  clients: number;
  commitsPerRepository: number;
  commitsInWindow: number;
  parallel: number;
  rawMs: number;
  overviewMs: number;
  ratio: number;
  /** 10th and 90th percentile of the per-round ratios. */
  ratioP10: number;
  ratioP90: number;
  /** Load average (1 minute) before and after. */
  loadBefore: number;
  loadAfter: number;
  target: number;
  ok: boolean;
}

function clientsMd(): string {
  const out: string[] = [];
  for (let c = 0; c < CLIENTS; c++) {
    const dir = DIRS[c % DIRS.length];
    const others = [1, 2, 3, 4].slice(0, 2 + (c % 3)).map((k) => (c + k) % REPOS).filter((r) => r !== 0);
    out.push(`# Client ${String(c + 1).padStart(2, '0')}`, '', `Contact: Lead ${c} <lead${c}@client${c}.example>`, 'Cadence: weekly Fri', `Paths: ${dir}/`);
    out.push(`Repos: ${others.map((r) => `../r${r}:${dir}/`).join(', ')}`, '', '## Commitments', `- [ ] Milestone ${c} due:2026-11-${String(18 + (c % 10)).padStart(2, '0')} #m${c}`, '');
  }
  return `${out.join('\n')}\n`;
}

/** Ten clones of `source` under .bench/overview/<size>/r0…r9; r0 holds the clients file. */
function ensurePortfolio(source: string, size: number, log: (s: string) => void): string {
  const top = path.join(path.dirname(path.dirname(source)), 'overview', String(size));
  const ready = path.join(top, 'ready');
  if (!fs.existsSync(ready)) {
    fs.rmSync(top, { recursive: true, force: true });
    fs.mkdirSync(top, { recursive: true });
    const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: os.devNull };
    log(`cloning ${REPOS} repositories of ${size.toLocaleString('en')} commits for the overview (cached)…`);
    for (let r = 0; r < REPOS; r++) {
      const res = spawnSync('git', ['clone', '-q', '--local', '--no-checkout', source, path.join(top, `r${r}`)], { env, stdio: 'inherit' });
      if (res.status !== 0) throw new Error('git clone failed');
      spawnSync('git', ['commit-graph', 'write', '--reachable'], { cwd: path.join(top, `r${r}`), env, stdio: 'inherit' });
    }
    fs.mkdirSync(path.join(top, 'r0', '.project'), { recursive: true });
    fs.writeFileSync(path.join(top, 'r0', '.project', 'clients.md'), clientsMd());
    fs.writeFileSync(ready, new Date().toISOString());
  }
  return top;
}

export async function measureOverview(source: string, size: number, today: IsoDate, runs: number, log: (s: string) => void): Promise<OverviewBenchResult> {
  const top = ensurePortfolio(source, size, log);
  const loadBefore = os.loadavg()[0];
  const home = path.join(top, 'r0');
  const projectDir = path.join(home, '.project');
  const clientsText = fs.readFileSync(path.join(projectDir, 'clients.md'), 'utf8');
  const parallel = repositoryParallelism(os.availableParallelism());
  const period = periodFor('this-week', today, 'monday');
  const args = logArgs({ period });
  const roots = Array.from({ length: REPOS }, (_, r) => path.join(top, `r${r}`));
  const raw = () => mapLimit(roots, parallel, (root) => streamGit(root, args, () => undefined));
  const overview = () => gatherOverview({ roots: [home], clientsText, projectDir, today, weekStart: 'monday', language: 'en', parallel });
  // Warm the page cache and the JIT.
  await raw();
  const first = await overview();
  if (first.warnings.length) throw new Error(`overview bench: ${JSON.stringify(first.warnings[0])}`);
  const commits = (await readCount(roots[0], args)) ?? 0;
  const rawMs: number[] = [];
  const coreMs: number[] = [];
  const pairs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const order = i % 2 === 0 ? ['core', 'raw'] : ['raw', 'core'];
    const took: Record<string, number> = {};
    for (const which of order) {
      const t = performance.now();
      if (which === 'core') await overview();
      else await raw();
      took[which] = performance.now() - t;
    }
    coreMs.push(took.core);
    rawMs.push(took.raw);
    pairs.push(took.core / took.raw);
  }
  const { median: ratio, p10, p90 } = spread(pairs);
  return { repositories: REPOS, clients: CLIENTS, commitsPerRepository: size, commitsInWindow: commits, parallel, rawMs: spread(rawMs).median, overviewMs: spread(coreMs).median, ratio, ratioP10: p10, ratioP90: p90, loadBefore, loadAfter: os.loadavg()[0], target: OVERVIEW_TARGET_RATIO, ok: ratio <= OVERVIEW_TARGET_RATIO };
}

async function readCount(root: string, args: string[]): Promise<number | undefined> {
  const r = spawnSync('git', ['rev-list', '--count', ...args.filter((a) => a.startsWith('--since') || a.startsWith('--until')), 'HEAD'], { cwd: root, encoding: 'utf8' });
  return r.status === 0 ? Number(r.stdout.trim()) : undefined;
}

/** The overview's lines of the bench report (markdown). */
export function overviewBenchLines(r: OverviewBenchResult): string[] {
  return [
    `Clients overview: ${r.clients} clients over ${r.repositories} repositories of ${r.commitsPerRepository.toLocaleString('en')} commits each (this week: ${r.commitsInWindow.toLocaleString('en')} commits per repository), ${r.parallel} at a time`,
    '',
    '| overview ms | the git log runs it needs ms | ratio (p10–p90 of rounds) | load before / after | target |',
    '|---:|---:|---:|---:|---:|',
    `| ${r.overviewMs.toFixed(0)} | ${r.rawMs.toFixed(0)} | ${r.ratio.toFixed(2)}× (${r.ratioP10.toFixed(2)}–${r.ratioP90.toFixed(2)}) | ${r.loadBefore.toFixed(2)} / ${r.loadAfter.toFixed(2)} | ≤${r.target}× ${r.ok ? '✓' : '✗'} |`,
  ];
}
