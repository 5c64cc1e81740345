/**
 * Whole-process and start-up figures of `npm run bench`: what a person waits for.
 *
 * - `client-pulse --version` against `node -e 0` (the cost of the CLI's entry);
 * - `client-pulse activity` and `draft`, 7 days, against `git log` (same window and hardening)
 *   plus `node -e 0`, both as processes;
 * - a draft with a 50,000-line clients.md against one with a 500-line file;
 * - the commitment tooltip's reading (a year of messages, no file lists, at most 20,000 commits,
 *   linked) against what it read before (a year with `--name-status`).
 *
 * Runs are interleaved (one of each per round, the order alternating), so a burst of load on the
 * shared machine hits every contender; each row gives the median and the spread (10th–90th
 * percentile) of the per-round ratios, and the load average before and after.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { addDays } from '../src/core/calendar';
import type { ClientsFile } from '../src/core/clients/model';
import { parseClients } from '../src/core/clients/parse';
import { duplicatesAcrossFiles } from '../src/core/clients/acrossFiles';
import { logArgs, readCommits } from '../src/core/git/activity';
import { makeLinker } from '../src/core/git/link';
import { gitEnv, hardenedArgs } from '../src/core/git/run';
import type { Period } from '../src/core/git/types';

export interface Spread {
  median: number;
  p10: number;
  p90: number;
}

export function spread(xs: number[]): Spread {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.round(q * (s.length - 1))))];
  return { median: at(0.5), p10: at(0.1), p90: at(0.9) };
}

export const load = (): string => os.loadavg().map((l) => l.toFixed(2)).join(' / ');

function timeProcess(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): number {
  const t = performance.now();
  const res = spawnSync(cmd, args, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30 });
  const ms = performance.now() - t;
  if (res.status !== 0 && res.status !== 1) throw new Error(`${path.basename(cmd)} ${args.slice(0, 3).join(' ')} exited ${res.status}: ${String(res.stderr).slice(0, 400)}`);
  return ms;
}

/** Rounds of interleaved contenders (the order alternating); returns each contender's times. */
function interleaved(contenders: Array<() => number>, runs: number): number[][] {
  const times = contenders.map(() => [] as number[]);
  for (const c of contenders) c(); // warm the page cache
  for (let i = 0; i < runs; i++) {
    const order = contenders.map((_, k) => k);
    if (i % 2 === 1) order.reverse();
    for (const k of order) times[k].push(contenders[k]());
  }
  return times;
}

const f = (ms: number) => (ms < 100 ? ms.toFixed(1) : ms.toFixed(0));
const r = (x: Spread) => `${x.median.toFixed(2)}× (${x.p10.toFixed(2)}–${x.p90.toFixed(2)})`;

export interface StartupOptions {
  cli: string;
  today: string;
  runs: number;
}

/** `client-pulse --version` − `node -e 0`, ms per round. */
export function versionLines(opts: StartupOptions): string[] {
  const env = { ...process.env, NO_COLOR: '1' };
  const [node, cli] = interleaved([() => timeProcess(process.execPath, ['-e', '0'], os.tmpdir(), env), () => timeProcess(process.execPath, [opts.cli, '--version'], os.tmpdir(), env)], opts.runs * 2);
  const extra = spread(cli.map((c, i) => c - node[i]));
  const ok = extra.median <= 15;
  return [
    '| command | node -e 0 ms | CLI ms | CLI − node ms (p10–p90) | target |',
    '|---|---:|---:|---:|---:|',
    `| \`client-pulse --version\` | ${f(spread(node).median)} | ${f(spread(cli).median)} | ${extra.median.toFixed(1)} (${extra.p10.toFixed(1)}–${extra.p90.toFixed(1)}) | ≤ +15 ms ${ok ? '✓' : '✗'} |`,
  ];
}

/**
 * The CLI's `activity` and `draft` as processes against `git log` + `node -e 0`, 7 days; in the same
 * interleaved rounds, the CLI with the early git start turned off (`CLIENT_PULSE_EARLY_GIT=0`), so
 * what starting git first saves is read from one run.
 */
export function processLines(repos: string[], opts: StartupOptions, period: Period, header = true): string[] {
  const lines = header
    ? [
        '| commits | window | command | CLI ms | CLI, early start off ms | git log ms | node -e 0 ms | CLI / (git + node), p10–p90 | early start off / (git + node) | target |',
        '|---:|---|---|---:|---:|---:|---:|---:|---:|---:|',
      ]
    : [];
  const days = Math.round((Date.parse(period.until) - Date.parse(period.since)) / 86_400_000) + 1;
  const env = { ...process.env, TZ: 'UTC', CLIENT_PULSE_TODAY: opts.today, NO_COLOR: '1', LANG: 'C.UTF-8' };
  const late = { ...env, CLIENT_PULSE_EARLY_GIT: '0' };
  const gitArgs = hardenedArgs(logArgs({ period }));
  const gitEnvVars = { ...gitEnv(), TZ: 'UTC' };
  for (const repo of repos) {
    const size = Number(path.basename(repo));
    const commands: Array<[string, string[]]> = [
      ['activity --json', [opts.cli, 'activity', '--since', period.since, '--until', period.until, '--json']],
      ['draft --client', [opts.cli, 'draft', '--client', 'Acme Retail', '--period', `${period.since}..${period.until}`]],
    ];
    for (const [label, args] of commands) {
      const [cli, cliLate, git, node] = interleaved(
        [
          () => timeProcess(process.execPath, args, repo, env),
          () => timeProcess(process.execPath, args, repo, late),
          () => timeProcess('git', gitArgs, repo, gitEnvVars),
          () => timeProcess(process.execPath, ['-e', '0'], repo, env),
        ],
        opts.runs,
      );
      const ratio = spread(cli.map((c, i) => c / (git[i] + node[i])));
      const ratioLate = spread(cliLate.map((c, i) => c / (git[i] + node[i])));
      const target = days > 7 ? (size >= 1_000_000 ? 1.1 : undefined) : size >= 100_000 ? 1.25 : undefined;
      lines.push(
        `| ${size.toLocaleString('en')} | ${days} days | \`${label}\` | ${f(spread(cli).median)} | ${f(spread(cliLate).median)} | ${f(spread(git).median)} | ${f(spread(node).median)} | ${r(ratio)} | ${r(ratioLate)} | ${target ? `≤${target}× ${ratio.median <= target ? '✓' : '✗'}` : days > 7 ? '(≤1.10× at 1M)' : '(≤1.25× at 100k, 1M)'} |`,
      );
    }
  }
  return lines;
}

/** A clients.md of about `lines` lines: the bench's Acme Retail first, then clients of 10 commitments each. */
export function bigClientsFile(base: string, lines: number): string {
  const out = [base.trimEnd(), ''];
  let count = base.split('\n').length;
  for (let n = 1; count < lines; n++) {
    const block = [`# Client ${n}`, '', `Paths: clients/c${n}/`, `Tag: c${n}`, '', '## Commitments'];
    for (let k = 1; k <= 10; k++) block.push(`- [ ] Deliverable ${k} of client ${n} due:2026-12-${String((k % 28) + 1).padStart(2, '0')} @dev${k} #c${n}-d${k}`);
    block.push('');
    out.push(...block);
    count += block.length;
  }
  return `${out.join('\n')}\n`;
}

/** The draft with a 50,000-line clients.md against a 500-line one (same repository, same window). */
export function bigFileLines(repo: string, base: string, opts: StartupOptions, period: Period): string[] {
  const env = { ...process.env, TZ: 'UTC', CLIENT_PULSE_TODAY: opts.today, NO_COLOR: '1', LANG: 'C.UTF-8' };
  const files = [500, 50_000].map((n) => {
    const file = path.join(repo, '.project', `clients-${n}.md`);
    if (!fs.existsSync(file)) fs.writeFileSync(file, bigClientsFile(base, n));
    return file;
  });
  const args = (file: string) => [opts.cli, 'draft', '--client', 'Acme Retail', '--file', file, '--period', `${period.since}..${period.until}`];
  const [small, big] = interleaved(files.map((file) => () => timeProcess(process.execPath, args(file), repo, env)), Math.max(5, Math.ceil(opts.runs / 2)));
  const ratio = spread(big.map((b, i) => b / small[i]));
  return [
    '| commits | clients.md | draft ms (500 lines) | draft ms (50,000 lines) | ratio, p10–p90 | target |',
    '|---:|---|---:|---:|---:|---:|',
    `| ${Number(path.basename(repo)).toLocaleString('en')} | ${fs.readFileSync(files[1], 'utf8').split('\n').length.toLocaleString('en')} lines, ${(fs.statSync(files[1]).size / 1024).toFixed(0)} KB | ${f(spread(small).median)} | ${f(spread(big).median)} | ${r(ratio)} | ≤2× ${ratio.median <= 2 ? '✓' : '✗'} |`,
  ];
}

/**
 * What the Problems panel waits for after the store's debounce, in a 5,000-line clients.md: the
 * parse of the new text (the diagnostics are the parser's) and the duplicate-client check across
 * files, in process. Each round edits one line (a commitment's due date), so no parse is reused.
 */
export function diagnosticsLines(base: string, runs: number): string[] {
  const text = bigClientsFile(base, 5_000);
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.startsWith('- [ ] Deliverable 1 of client 200 '));
  const edited = (k: number) => {
    const copy = [...lines];
    copy[at] = copy[at].replace(/due:\S+/u, `due:2026-12-${String((k % 28) + 1).padStart(2, '0')}`);
    return copy.join('\n');
  };
  const diagnose = (t: string) => {
    const file = parseClients(t);
    return file.diagnostics.length + duplicatesAcrossFiles([{ name: 'clients.md', file }])[0].length;
  };
  const firstText = edited(0);
  const t0 = performance.now();
  diagnose(firstText);
  const first = performance.now() - t0;
  const ms: number[] = [];
  for (let k = 1; k <= Math.max(9, runs); k++) {
    const next = edited(k);
    const t = performance.now();
    diagnose(next);
    ms.push(performance.now() - t);
  }
  const s = spread(ms);
  return [
    '| clients.md | first parse in this process ms | after a one-line edit ms (p10–p90) | target |',
    '|---|---:|---:|---:|',
    `| ${lines.length.toLocaleString('en')} lines, ${(Buffer.byteLength(text) / 1024).toFixed(0)} KB | ${f(first)} | ${f(s.median)} (${f(s.p10)}–${f(s.p90)}) | ≤100 ms ${s.median <= 100 ? '✓' : '✗'} |`,
  ];
}

/** The tooltip's reading of linked commits (src/extension/commitments/commits.ts), in process. */
export async function tooltipLines(repos: string[], clientsText: string, opts: StartupOptions): Promise<string[]> {
  const file: ClientsFile = parseClients(clientsText);
  const period = { since: addDays(opts.today, -365), until: opts.today };
  const read = async (repo: string, files: boolean) => {
    const linker = makeLinker(file);
    const t = performance.now();
    let linked = 0;
    await readCommits({ cwd: repo, period, ...(files ? {} : { files: false, maxCount: 20_000 }) }, (c) => (linked += linker.link(c).length));
    return performance.now() - t;
  };
  const lines = ['| commits | a year, messages only (now) ms, p10–p90 | a year with --name-status (before) ms | target |', '|---:|---:|---:|---:|'];
  for (const repo of repos) {
    await read(repo, false);
    const now: number[] = [];
    const before: number[] = [];
    const runs = Math.max(3, Math.ceil(opts.runs / 3));
    for (let i = 0; i < runs; i++) {
      now.push(await read(repo, false));
      before.push(await read(repo, true));
    }
    const s = spread(now);
    lines.push(`| ${Number(path.basename(repo)).toLocaleString('en')} | ${f(s.median)} (${f(s.p10)}–${f(s.p90)}) | ${f(spread(before).median)} | ≤200 ms ${s.median <= 200 ? '✓' : '✗'} |`);
  }
  return lines;
}

/**
 * 500 branches that are all merged (refs at older commits of HEAD's history), beside the 12
 * unmerged ones the generator makes: the handover must not read them one by one. Idempotent.
 */
export function addMergedBranches(repo: string, count = 500): void {
  const have = spawnSync('git', ['for-each-ref', '--count=1', 'refs/heads/merged/'], { cwd: repo, encoding: 'utf8' }).stdout.trim();
  if (have) return;
  const hashes = spawnSync('git', ['rev-list', '--first-parent', `--max-count=${count * 20}`, 'HEAD'], { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 28 }).stdout.trim().split('\n');
  const input = Array.from({ length: count }, (_, i) => `create refs/heads/merged/done-${i + 1} ${hashes[Math.min(hashes.length - 1, 40 + i * 19)]}\n`).join('');
  const res = spawnSync('git', ['update-ref', '--stdin'], { cwd: repo, input, encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`git update-ref failed: ${res.stderr}`);
}
