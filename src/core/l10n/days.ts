/**
 * Calendar arithmetic on `YYYY-MM-DD` dates. Dates carry no time zone: they are handled as UTC
 * midnights so that adding days never trips over daylight-saving changes.
 */
import { getISOWeek } from 'date-fns';
import type { IsoDate } from '../clients/model';

const DAY_MS = 86_400_000;

export function toUtcDate(date: IsoDate): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new Error(`not a date YYYY-MM-DD: ${JSON.stringify(date)}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

export function fromUtcDate(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromUtcDate(new Date(toUtcDate(date).getTime() + days * DAY_MS));
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtcDate(to).getTime() - toUtcDate(from).getTime()) / DAY_MS);
}

/** ISO 8601 week number of a date. */
export function isoWeekOf(date: IsoDate): number {
  const d = toUtcDate(date);
  // date-fns works in local time: hand it the same calendar day at local noon.
  return getISOWeek(new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 12));
}

/** True when `date` lies in `[since, until]` (ISO strings compare as dates). */
export function within(date: IsoDate, since: IsoDate, until: IsoDate): boolean {
  return date >= since && date <= until;
}
