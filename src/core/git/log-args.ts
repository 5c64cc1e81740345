/**
 * The command line of core's `git log` (format, window, paths), in a module small enough for the
 * CLI's bin entry to import: it starts the same log before the rest of the CLI loads (early.ts).
 * The parser of this format is log-format.ts.
 */
import { windowArgs } from './period';
import type { ActivityRequest } from './types';

export const MARK = '\x01cp';

/** Format and diff options, without the window or paths. */
export function logFormatArgs(numstat: boolean): string[] {
  return [
    '-z',
    '--encoding=UTF-8',
    `--format=format:${MARK}%x00%H%x00%P%x00%aN%x00%aE%x00%aI%x00%ct%x00%D%x00%B%x00`,
    // Only tags in %D (no HEAD or branches), whatever log.decorate says.
    '--decorate-refs=refs/tags/',
    '--no-renames',
    '--diff-merges=first-parent',
    '--root',
    '--no-relative',
    '--submodule=short',
    numstat ? '--numstat' : '--name-status',
  ];
}

/** The `git log` arguments of a request (without the hardening `run.ts` adds). Exposed for the benchmark. */
export function logArgs(request: Pick<ActivityRequest, 'period' | 'paths' | 'numstat' | 'files' | 'maxCount'>): string[] {
  const format = logFormatArgs(request.numstat === true);
  // Without file lists git computes no diffs at all: a year of messages costs little more than the walk.
  if (request.files === false) format.splice(format.length - 1, 1, '--no-patch');
  const args = ['log', ...format, ...windowArgs(request.period)];
  if (request.maxCount !== undefined) args.push(`--max-count=${Math.max(1, Math.floor(request.maxCount))}`);
  const paths = (request.paths ?? []).map((p) => p.trim()).filter((p) => p !== '');
  // `--full-diff`: a path filter selects commits but every commit still lists all its files.
  if (paths.length) args.push('--full-diff');
  args.push('--end-of-options', 'HEAD', '--');
  // Paths are literal and relative to the top level, whatever folder we run in.
  for (const p of paths) args.push(`:(top,literal)${p.replace(/^\.?\/+/u, '')}`);
  return args;
}

