/**
 * What the bin entry (`start.ts`) starts before the rest of the CLI loads: for `draft` and
 * `activity`, the repository facts' two runs and the log of the window the arguments most likely
 * ask for, so git works while Node reads `dist/cli-main.js`. Only a guess from the arguments:
 * the period a command finally reads may depend on files (a saved update's date, the settings'
 * week start, a clients file below the top level), and when it differs core simply spawns its
 * own log (core/git/early.ts adopts a run only when its folder, arguments and environment are
 * exactly core's). `CLIENT_PULSE_EARLY_GIT=0` turns this off (the tests compare both ways).
 */
import * as path from 'node:path';
import { isIsoDate, periodFor, resolveToday, WEEK_STARTS, type WeekStart } from '../core/calendar';
import { CONFIG_ARGS, gitArgv, gitEnv, REV_PARSE_ARGS } from '../core/git/argv';
import { startEarly } from '../core/git/early';
import { logArgs } from '../core/git/log-args';
import type { Period } from '../core/model';

/** The value of option `long` (or `-short`) in `args`: `--x V`, `--x=V`, `-s V`; the last one wins. */
function option(args: readonly string[], long: string, short?: string): string | undefined {
  let found: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') break;
    if (a === `--${long}` || (short !== undefined && a === `-${short}`)) found = args[++i];
    else if (a.startsWith(`--${long}=`)) found = a.slice(long.length + 3);
  }
  return found;
}

/** The window `draft` or `activity` reads by default or as given, when the arguments alone say it. */
function guessedPeriod(command: string, args: readonly string[], today: string): Period | undefined {
  const weekText = (option(args, 'week-start') ?? 'monday').toLowerCase();
  const weekStart = WEEK_STARTS.find((w) => w === weekText) as WeekStart | undefined;
  if (!weekStart) return undefined;
  if (command === 'draft') {
    const p = option(args, 'period', 'p');
    if (p === undefined || p === 'since-last' || p === 'this-week') return periodFor('this-week', today, weekStart);
    if (p === 'last-week') return periodFor('last-week', today, weekStart);
    const m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(p.trim());
    return m && isIsoDate(m[1]) && isIsoDate(m[2]) && m[1] <= m[2] ? { since: m[1], until: m[2] } : undefined;
  }
  const since = option(args, 'since', 's');
  const until = option(args, 'until', 'u');
  if (until !== undefined && !isIsoDate(until)) return undefined;
  if (since === undefined || since === 'this-week' || since === 'last-week') {
    const week = periodFor(since ?? 'this-week', today, weekStart);
    return until === undefined ? week : { since: week.since, until };
  }
  if (!isIsoDate(since)) return undefined;
  const end = until ?? (since > today ? since : today);
  return since <= end ? { since, until: end } : undefined;
}

/** Starts the git runs `argv` (the CLI's arguments) will most likely need; never throws. */
export function startGitEarly(argv: readonly string[]): void {
  if (process.env.CLIENT_PULSE_EARLY_GIT === '0') return;
  try {
    let cwd = process.cwd();
    let command: string | undefined;
    const rest: string[] = [];
    for (let i = 0; i < argv.length; i++) {
      const a = argv[i];
      if (a === '--') return;
      if (a === '--help' || a === '-h') return;
      if (a === '--cwd' || a === '-C') cwd = path.resolve(cwd, argv[++i] ?? '');
      else if (a.startsWith('--cwd=')) cwd = path.resolve(cwd, a.slice('--cwd='.length));
      else if (command === undefined && a === '--lang') i++;
      else if (command === undefined && a.startsWith('-')) continue;
      else if (command === undefined) command = a;
      else rest.push(a);
    }
    if (command !== 'draft' && command !== 'activity') return;
    const period = guessedPeriod(command, rest, resolveToday(process.env));
    if (!period) return;
    const env = gitEnv();
    for (const args of [REV_PARSE_ARGS, CONFIG_ARGS, logArgs({ period })]) startEarly(cwd, gitArgv(args), env);
  } catch {
    // A bad date or folder: the command itself says so.
  }
}
