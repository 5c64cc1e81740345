/**
 * A period's translation to git's `--since`/`--until` (the days themselves: src/core/calendar).
 *
 * Time zones: a `Period` is a range of calendar days with no time zone. It is turned into
 * instants in the local time zone of the process that reads git (the machine's zone, or `TZ`):
 * from 00:00:00 of `since` to 23:59:59 of `until`, so days that are 23 or 25 hours long
 * (daylight saving changes) are handled. git compares those instants with each commit's
 * committer date — the moment the commit entered this history — whatever offset the commit was
 * written with; `Commit.authorDate` keeps the author's own offset for display.
 */
import { addDays, customPeriod, localStartSeconds } from '../calendar';
import type { Period } from '../model';
import type { Commit } from './types';

const MIN_GIT_SECONDS = 100_000_000;

/**
 * A test of whether a commit is in `period` as git's window reads it (committer date, local days,
 * as `windowArgs`): for filtering a wider read down to one period (the clients overview). The
 * period's bounds are computed once, not per commit (the overview tests every commit of every
 * repository for every client).
 */
export function inPeriod(period: Period): (commit: Pick<Commit, 'committedAt' | 'authorDate'>) => boolean {
  const { start, end } = windowSeconds(period);
  return (commit) => {
    if (commit.committedAt === undefined) {
      const day = commit.authorDate.slice(0, 10);
      return day >= period.since && day <= period.until;
    }
    return commit.committedAt >= start && commit.committedAt <= end;
  };
}

/** The period's first and last second in local time: from 00:00:00 of `since` to 23:59:59 of `until`. */
function windowSeconds(period: Period): { start: number; end: number } {
  return { start: localStartSeconds(period.since), end: localStartSeconds(addDays(period.until, 1)) - 1 };
}

/** git window arguments for a period: `--since=@<start>` and `--until=@<end>` in local time. */
export function windowArgs(period: Period): string[] {
  customPeriod(period.since, period.until);
  const { start, end } = windowSeconds(period);
  // git reads `@<seconds>` only from 100000000 (1973-03-03) on; an earlier bound is no bound.
  const args: string[] = [];
  if (start >= MIN_GIT_SECONDS) args.push(`--since=@${start}`);
  args.push(`--until=@${Math.max(end, MIN_GIT_SECONDS)}`);
  return args;
}
