/**
 * Benchmark of the handover: the 90-day handover of a large repository against the raw git
 * commands it needs (the window's `git log --numstat` in the shared format, and the branch
 * listing with one log per unmerged branch). Target: handover ≤ 1.5 × raw.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { IsoDate } from '../src/core/clients/model';
import { logFormatArgs } from '../src/core/git/log-format';
import { windowArgs } from '../src/core/git/period';
import { streamGit, unmergedBranches } from '../src/core/git/run';
import { composeHandover } from '../src/core/handover/compose';
import { DEFAULT_WINDOW_DAYS, gatherHandoverInput } from '../src/core/handover/gather';
import { realHandoverGit } from '../src/core/handover/gitSource';
import { addDays } from '../src/core/calendar';

export interface HandoverBenchResult {
  name: string;
  commitsInWindow: number;
  branches: number;
  /** Medians of the runs, milliseconds. */
  rawMs: number;
  handoverMs: number;
  /** Median of the back-to-back ratios handover / raw. */
  ratio: number;
  target: number;
  ok: boolean;
}

export const HANDOVER_TARGET_RATIO = 1.5;

async function rawCommands(repo: string, since: IsoDate, today: IsoDate): Promise<number> {
  let bytes = 0;
  await streamGit(repo, ['log', ...logFormatArgs(true), ...windowArgs({ since, until: today }), 'HEAD', '--'], (c) => {
    bytes += c.length;
  });
  await unmergedBranches(repo);
  return bytes;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * Runs the raw commands and the whole handover (gather + compose) `runs` times as back-to-back
 * pairs after one warm-up of each; returns the medians. `from` is an author of the repository.
 */
export async function benchHandover(options: {
  repo: string;
  /** clients.md text; default: the repository's `.project/clients.md`. */
  clientsText?: string;
  from: string;
  today: IsoDate;
  runs?: number;
}): Promise<HandoverBenchResult> {
  const runs = options.runs ?? 5;
  const since = addDays(options.today, -(DEFAULT_WINDOW_DAYS - 1));
  const text = options.clientsText ?? fs.readFileSync(path.join(options.repo, '.project', 'clients.md'), 'utf8');
  const handover = async () => {
    const input = await gatherHandoverInput({
      roots: [options.repo],
      clientsText: text,
      from: options.from,
      today: options.today,
      since,
      language: 'en',
      git: realHandoverGit(),
    });
    return { input, doc: composeHandover(input) };
  };
  await rawCommands(options.repo, since, options.today);
  const { input } = await handover();
  const raw: number[] = [];
  const full: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < runs; i++) {
    // Back-to-back pairs, alternating which goes first, so load changes hit both sides alike.
    const pair: Record<'raw' | 'full', number> = { raw: 0, full: 0 };
    for (const which of i % 2 === 0 ? (['raw', 'full'] as const) : (['full', 'raw'] as const)) {
      const t = performance.now();
      if (which === 'raw') await rawCommands(options.repo, since, options.today);
      else await handover();
      pair[which] = performance.now() - t;
    }
    raw.push(pair.raw);
    full.push(pair.full);
    ratios.push(pair.full / pair.raw);
  }
  const rawMs = median(raw);
  const handoverMs = median(full);
  const ratio = median(ratios);
  return {
    name: `handover 90 days (${input.repositories[0]?.items.length ?? 0} commits, ${input.repositories[0]?.branches.length ?? 0} unmerged branches)`,
    commitsInWindow: input.repositories[0]?.items.length ?? 0,
    branches: input.repositories[0]?.branches.length ?? 0,
    rawMs,
    handoverMs,
    ratio,
    target: HANDOVER_TARGET_RATIO,
    ok: ratio <= HANDOVER_TARGET_RATIO,
  };
}

/**
 * The handover section of `npm run bench` for the given cached bench repositories: a markdown
 * table, one row per repository. `from` is a developer of the synthetic history.
 */
export async function handoverBenchLines(repos: string[], today: IsoDate, runs: number, log: (s: string) => void, from = 'dev1@agency.example'): Promise<string[]> {
  const lines = [
    `Handover: 90-day handover of ${from} (gather + compose) vs the raw git commands it needs (window log with numstat, branch listing and logs; medians)`,
    '',
    '| repository | commits in window | unmerged branches | handover ms | raw git ms | ratio | target |',
    '|---|---:|---:|---:|---:|---:|---:|',
  ];
  const measured = repos.filter((repo) => fs.existsSync(path.join(repo, '.project', 'clients.md')));
  if (measured.length === 0) return [lines[0], '', '(measured on the repositories of up to 100,000 commits; none in this run)'];
  for (const repo of measured) {
    log(`measuring the handover on ${path.basename(repo)} commits…`);
    const r = await benchHandover({ repo, from, today, runs: Math.max(3, Math.ceil(runs / 2)) });
    lines.push(
      `| ${Number(path.basename(repo)).toLocaleString('en')} commits | ${r.commitsInWindow.toLocaleString('en')} | ${r.branches} | ${r.handoverMs.toFixed(0)} | ${r.rawMs.toFixed(0)} | ${r.ratio.toFixed(2)}× | ≤${r.target}× ${r.ok ? '✓' : '✗'} |`,
    );
  }
  return lines;
}
