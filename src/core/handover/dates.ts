/** The little week arithmetic a handover needs on top of src/core/l10n/days. */
import type { IsoDate } from '../clients/model';
import { addDays, toUtcDate } from '../l10n/days';

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(d: IsoDate): number {
  return toUtcDate(d).getUTCDay();
}

/** The Monday of the ISO week containing `d`. */
export function mondayOf(d: IsoDate): IsoDate {
  return addDays(d, -((weekdayOf(d) + 6) % 7));
}

/** The first day on or after `from` that falls on `weekday`. */
export function nextWeekday(from: IsoDate, weekday: number): IsoDate {
  return addDays(from, (weekday - weekdayOf(from) + 7) % 7);
}
