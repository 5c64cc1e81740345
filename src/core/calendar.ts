/**
 * THE calendar: every validation of and every piece of arithmetic on calendar days, weeks,
 * months and periods, and the one rule for "today". Nothing else in src/ computes with dates.
 *
 * A date is an ISO string `YYYY-MM-DD` (`IsoDate`) naming a day in the user's local calendar; it
 * carries no time zone. Arithmetic is done with date-fns on the local `Date` at noon of that day,
 * so days that are 23 or 25 hours long (daylight-saving changes, even at midnight) never move a
 * date to the wrong day. `toUtcDate` gives the same day as a UTC midnight, for `Intl` formatting
 * with `timeZone: 'UTC'`.
 */
import {
  addDays as addDaysToDate,
  addMonths as addMonthsToDate,
  differenceInCalendarDays,
  format,
  getDay,
  getDaysInMonth,
  getISOWeek,
  getISOWeekYear,
  startOfDay,
} from 'date-fns';
import type { IsoDate, Period, Weekday } from './model';
import { NoticeError, wordNotice, type DateNotice, type PeriodNotice } from './notices';
import { brandClass } from './brand';

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MIN_YEAR = 1900;
const MAX_YEAR = 2999;

// ---- validation ------------------------------------------------------------------------------

/** What is wrong with a text that should be a date, as a code with data (each front words it). */
export type DateFault =
  | { code: 'format' }
  | { code: 'year'; min: number; max: number }
  | { code: 'month' }
  | { code: 'day'; max: number; month: string };

/** Why `s` is not a real `YYYY-MM-DD` day, or undefined when it is one. */
export function dateFault(s: string): DateFault | undefined {
  const m = ISO_RE.exec(s);
  if (!m) return { code: 'format' };
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < MIN_YEAR || year > MAX_YEAR) return { code: 'year', min: MIN_YEAR, max: MAX_YEAR };
  if (month < 1 || month > 12) return { code: 'month' };
  // Every month has days 1–28: only a later day needs the month's length (a Date each time).
  if (day >= 1 && day <= 28) return undefined;
  const max = daysInMonth(year, month);
  if (day < 1 || day > max) return { code: 'day', max, month: `${m[1]}-${m[2]}` };
  return undefined;
}

/** Why `s` is not a real `YYYY-MM-DD` day as a notice (each front words it), or undefined when it is one. */
export function dateNotice(s: string): DateNotice | undefined {
  const fault = dateFault(s);
  switch (fault?.code) {
    case undefined:
      return undefined;
    case 'format':
      return { code: 'date.format' };
    case 'year':
      return { code: 'date.year', min: fault.min, max: fault.max };
    case 'month':
      return { code: 'date.month' };
    case 'day':
      return { code: 'date.day', max: fault.max, month: fault.month };
  }
}

/** Explains why `s` is not a valid ISO date, as an English sentence fragment, or undefined when it is one. */
export function dateProblem(s: string): string | undefined {
  const notice = dateNotice(s);
  return notice && wordNotice(notice);
}

/** True for a real `YYYY-MM-DD` calendar day (a real day of a real month, years 1900–2999). */
export function isIsoDate(s: unknown): s is IsoDate {
  return typeof s === 'string' && dateFault(s) === undefined;
}

/**
 * The date a person most likely meant by an invalid `s`, when there is an obvious one: the same
 * day written `YYYY-M-D`, `YYYY/MM/DD` or `YYYY.MM.DD`, or a day past the end of its month
 * (`2026-02-30`) moved to that month's last day. Undefined when nothing is obvious (`2026-13-45`).
 */
export function likelyDate(s: string): { date: IsoDate; why: 'format' | 'month-end' } | undefined {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const iso = (d: number): IsoDate => `${m[1]}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const max = daysInMonth(year, month);
  if (day > max) return { date: iso(max), why: 'month-end' };
  const date = iso(day);
  return date === s ? undefined : { date, why: 'format' };
}

function daysInMonth(year: number, month: number): number {
  return getDaysInMonth(new Date(year, month - 1, 1, 12));
}

// ---- conversion ------------------------------------------------------------------------------

/** Noon of the local day `date`; throws a RangeError naming the text when it is not a real date. */
function toLocalNoon(date: IsoDate): Date {
  const problem = dateProblem(date);
  if (problem !== undefined) throw new RangeError(`not a date: ${JSON.stringify(date)} (${problem}, e.g. 2026-11-16)`);
  const [y, m, d] = date.split('-').map(Number);
  return new Date(y, m - 1, d, 12);
}

/** The local calendar day of an instant (the clock's "today" is `localDateOf(new Date())`). */
export function localDateOf(instant: Date): IsoDate {
  return format(instant, 'yyyy-MM-dd');
}

/**
 * The moment to stamp on something made "today" (an e-mail's `Date:`): `now` when `today` is the
 * clock's day, else `today` at now's local time of day — so a fixed `CLIENT_PULSE_TODAY` gives a
 * message dated that day, like every other date of the draft.
 */
export function momentOn(today: IsoDate, now: Date = new Date()): Date {
  if (localDateOf(now) === today) return now;
  const [y, m, d] = today.split('-').map(Number);
  return new Date(y, m - 1, d, now.getHours(), now.getMinutes(), now.getSeconds());
}

/** The day as a UTC midnight `Date`, for `Intl.DateTimeFormat` with `timeZone: 'UTC'`. */
export function toUtcDate(date: IsoDate): Date {
  const d = toLocalNoon(date);
  return new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()));
}

/** Seconds since the epoch of local 00:00:00 on `date` (the first instant of that day here). */
export function localStartSeconds(date: IsoDate): number {
  return Math.floor(startOfDay(toLocalNoon(date)).getTime() / 1000);
}

// ---- arithmetic ------------------------------------------------------------------------------

export function yearOf(date: IsoDate): number {
  return toLocalNoon(date).getFullYear();
}

/** `date` moved by `days` calendar days (whole days; a fraction is dropped). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return localDateOf(addDaysToDate(toLocalNoon(date), Math.trunc(days)));
}

/** `date` moved by `months` months, on the same day or the last day of a shorter month (01-31 + 1 → 02-28). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  return localDateOf(addMonthsToDate(toLocalNoon(date), Math.trunc(months)));
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return differenceInCalendarDays(toLocalNoon(to), toLocalNoon(from));
}

/** True when `date` lies in `[since, until]` (ISO strings compare as dates). */
export function within(date: IsoDate, since: IsoDate, until: IsoDate): boolean {
  return date >= since && date <= until;
}

export function weekdayOf(date: IsoDate): Weekday {
  return getDay(toLocalNoon(date)) as Weekday;
}

/** The first day on or after `from` that falls on `weekday` (`from` itself when it does). */
export function onOrAfter(from: IsoDate, weekday: Weekday): IsoDate {
  return addDays(from, (weekday - weekdayOf(from) + 7) % 7);
}

// ---- weeks -----------------------------------------------------------------------------------

export type WeekStart = 'monday' | 'sunday' | 'saturday';

export const WEEK_STARTS: readonly WeekStart[] = ['monday', 'sunday', 'saturday'];

const START_DAY: Record<WeekStart, Weekday> = { sunday: 0, monday: 1, saturday: 6 };

/** The first day of the week (starting on `weekStart`) that contains `date`. */
export function startOfWeek(date: IsoDate, weekStart: WeekStart = 'monday'): IsoDate {
  return addDays(date, -((weekdayOf(date) - START_DAY[weekStart] + 7) % 7));
}

/** The last day of the week (starting on `weekStart`) that contains `date`. */
export function endOfWeek(date: IsoDate, weekStart: WeekStart = 'monday'): IsoDate {
  return addDays(startOfWeek(date, weekStart), 6);
}

/** ISO 8601 week-numbering year and week (weeks start on Monday; week 1 holds the first Thursday). */
export function isoWeek(date: IsoDate): { year: number; week: number } {
  const d = toLocalNoon(date);
  return { year: getISOWeekYear(d), week: getISOWeek(d) };
}

// ---- periods ---------------------------------------------------------------------------------

/** A bad period or date from the user (the notice says what to write instead). */
export class PeriodError extends NoticeError<PeriodNotice> {
  override readonly name = 'PeriodError';
}
brandClass(PeriodError, 'PeriodError');

/** Why `since..until` is not a period (not real dates, or starting after it ends), else undefined. */
export function periodNotice(since: unknown, until: unknown): PeriodNotice | undefined {
  for (const end of [since, until]) {
    if (typeof end !== 'string') return { code: 'period.not-two-dates' };
    const problem = dateNotice(end);
    if (problem !== undefined) return { code: 'period.not-a-date', date: end, problem };
  }
  if ((since as string) > (until as string)) return { code: 'period.reversed', since: since as string, until: until as string };
  return undefined;
}

/** `periodNotice` in English. */
export function periodProblem(since: unknown, until: unknown): string | undefined {
  const notice = periodNotice(since, until);
  return notice && wordNotice(notice);
}

/** True for two real dates, `since` not after `until`. */
export function isPeriod(x: { since?: unknown; until?: unknown }): x is Period {
  return periodNotice(x.since, x.until) === undefined;
}

/** A period from two dates, validated (throws a PeriodError that says what is wrong). */
export function customPeriod(since: string, until: string): Period {
  const problem = periodNotice(since, until);
  if (problem !== undefined) throw new PeriodError(problem);
  return { since, until };
}

/** The week containing `today` (`this-week`) or the one before (`last-week`), both ends inclusive. */
export function periodFor(which: 'this-week' | 'last-week', today: IsoDate, weekStart: WeekStart = 'monday'): Period {
  if (!isIsoDate(today)) throw new PeriodError({ code: 'period.today-not-a-date', today });
  const since = addDays(startOfWeek(today, weekStart), which === 'last-week' ? -7 : 0);
  return { since, until: addDays(since, 6) };
}

/** The number of days in a period, both ends counted. */
export function periodLength(period: Period): number {
  return daysBetween(period.since, period.until) + 1;
}

// ---- today -----------------------------------------------------------------------------------

/** The environment variable that fixes "today" (tests, demos, reproducible output). */
export const TODAY_VARIABLE = 'CLIENT_PULSE_TODAY';

/** `CLIENT_PULSE_TODAY` is set to something that is not a date. */
export class TodayError extends NoticeError<PeriodNotice> {
  override readonly name = 'TodayError';
  /** Why, in English (`month must be 01–12`). */
  readonly problem: string;
  constructor(readonly value: string, fault: DateNotice) {
    super({ code: 'today.not-a-date', variable: TODAY_VARIABLE, value, problem: fault });
    this.problem = wordNotice(fault);
  }
}
brandClass(TodayError, 'TodayError');

/**
 * "Today" for the CLI and the extension alike: `CLIENT_PULSE_TODAY` when it is set and not empty
 * (a bad value throws a TodayError, it is never ignored), else the local calendar day of `now`.
 */
export function resolveToday(env: Readonly<Record<string, string | undefined>>, now: Date = new Date()): IsoDate {
  const fixed = env[TODAY_VARIABLE];
  if (fixed === undefined || fixed === '') return localDateOf(now);
  const problem = dateNotice(fixed);
  if (problem !== undefined) throw new TodayError(fixed, problem);
  return fixed;
}
