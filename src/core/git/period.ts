/**
 * Periods of calendar days and their translation to git's `--since`/`--until`.
 *
 * Time zones: a `Period` is a range of calendar days with no time zone. It is turned into
 * instants in the local time zone of the process that reads git (the machine's zone, or `TZ`):
 * from 00:00:00 of `since` to 23:59:59 of `until`, computed with `Date`, so days that are 23 or
 * 25 hours long (daylight saving changes) are handled. git compares those instants with each
 * commit's committer date — the moment the commit entered this history — whatever offset the
 * commit was written with; `Commit.authorDate` keeps the author's own offset for display.
 */
import { isValidIsoDate } from '../clients/dates';
import type { IsoDate } from '../clients/model';
import type { Period } from './types';

export type WeekStart = 'monday' | 'sunday' | 'saturday';

/** A bad period from the user (message says what to write instead). */
export class PeriodError extends Error {
  override readonly name = 'PeriodError';
}

/** True for a real `YYYY-MM-DD` calendar date (the clients file's rules). */
export function isIsoDate(text: string): boolean {
  return isValidIsoDate(text);
}

function parts(iso: IsoDate): [number, number, number] {
  if (!isIsoDate(iso)) throw new PeriodError(`not a date: ${JSON.stringify(iso)} (write YYYY-MM-DD, e.g. 2026-11-16)`);
  const [y, m, d] = iso.split('-').map(Number);
  return [y, m, d];
}

function toUtc(iso: IsoDate): Date {
  const [y, m, d] = parts(iso);
  return new Date(Date.UTC(y, m - 1, d));
}

function fromUtc(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

/** `iso` moved by `days` calendar days. */
export function addDays(iso: IsoDate, days: number): IsoDate {
  const d = toUtc(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return fromUtc(d);
}

const START_DAY: Record<WeekStart, number> = { sunday: 0, monday: 1, saturday: 6 };

/**
 * The week containing `today` (`this-week`) or the one before (`last-week`), both ends
 * inclusive: seven days starting on `weekStart`.
 */
export function periodFor(which: 'this-week' | 'last-week', today: IsoDate, weekStart: WeekStart = 'monday'): Period {
  const day = toUtc(today).getUTCDay();
  const back = (day - START_DAY[weekStart] + 7) % 7;
  let since = addDays(today, -back);
  if (which === 'last-week') since = addDays(since, -7);
  return { since, until: addDays(since, 6) };
}

/** ISO 8601 week-numbering year and week (weeks start on Monday; week 1 holds the first Thursday). */
export function isoWeek(iso: IsoDate): { year: number; week: number } {
  const d = toUtc(iso);
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day); // the Thursday of this week decides the year
  const year = d.getUTCFullYear();
  const jan1 = Date.UTC(year, 0, 1);
  return { year, week: Math.floor((d.getTime() - jan1) / 86400000 / 7) + 1 };
}

/** A period from two dates, validated: real dates, `since` not after `until`. */
export function customPeriod(since: string, until: string): Period {
  parts(since);
  parts(until);
  if (since > until) throw new PeriodError(`the period starts after it ends: ${since} is after ${until}`);
  return { since, until };
}

/** Seconds since the epoch of local 00:00:00 on `iso`. */
export function localStartSeconds(iso: IsoDate): number {
  const [y, m, d] = parts(iso);
  return Math.floor(new Date(y, m - 1, d, 0, 0, 0).getTime() / 1000);
}

const MIN_GIT_SECONDS = 100_000_000;

/** git window arguments for a period: `--since=@<start>` and `--until=@<end>` in local time. */
export function windowArgs(period: Period): string[] {
  customPeriod(period.since, period.until);
  const start = localStartSeconds(period.since);
  const end = localStartSeconds(addDays(period.until, 1)) - 1;
  // git reads `@<seconds>` only from 100000000 (1973-03-03) on; an earlier bound is no bound.
  const args: string[] = [];
  if (start >= MIN_GIT_SECONDS) args.push(`--since=@${start}`);
  args.push(`--until=@${Math.max(end, MIN_GIT_SECONDS)}`);
  return args;
}
