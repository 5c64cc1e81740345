/** Pure calendar maths on ISO dates `YYYY-MM-DD` (no time zones: every date is a UTC calendar day). */
import type { IsoDate, Weekday } from './model';

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export interface DateProblem {
  /** Why the text is not a valid date, as a sentence fragment. */
  reason: string;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Explains why `s` is not a valid ISO date, or undefined when it is one. */
export function dateProblem(s: string): string | undefined {
  const m = ISO_RE.exec(s);
  if (!m) return 'dates are written YYYY-MM-DD';
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1900 || year > 2999) return 'year must be between 1900 and 2999';
  if (month < 1 || month > 12) return 'month must be 01–12';
  const max = daysInMonth(year, month);
  if (day < 1 || day > max) return `day must be 01–${max} in ${m[1]}-${m[2]}`;
  return undefined;
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
  const iso = (d: number) => `${m[1]}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const max = daysInMonth(year, month);
  if (day > max) return { date: iso(max), why: 'month-end' };
  const date = iso(day);
  return date === s ? undefined : { date, why: 'format' };
}

export function isValidIsoDate(s: string): s is IsoDate {
  return dateProblem(s) === undefined;
}

/** The UTC midnight `Date` of an ISO date, or undefined when it is not a valid date. */
export function parseIsoDate(s: string): Date | undefined {
  if (!isValidIsoDate(s)) return undefined;
  const [y, m, d] = s.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

function toDays(iso: IsoDate): number {
  const d = parseIsoDate(iso);
  if (!d) throw new RangeError(`Not a valid date: "${iso}" (write YYYY-MM-DD)`);
  return Math.round(d.getTime() / DAY_MS);
}

function fromDays(days: number): IsoDate {
  return new Date(days * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(iso: IsoDate, n: number): IsoDate {
  return fromDays(toDays(iso) + Math.trunc(n));
}

/** `b - a` in whole days (positive when b is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toDays(b) - toDays(a);
}

export function weekdayOf(iso: IsoDate): Weekday {
  return new Date(toDays(iso) * DAY_MS).getUTCDay() as Weekday;
}
