/** The default period of a draft: since the last saved update, else this week. Pure. */
import type { IsoDate } from '../clients/model';
import { addDays, periodFor, type WeekStart } from '../calendar';
import type { Period } from '../git/types';
import type { ParsedRecord } from '../records/types';

export type PeriodSource = 'given' | 'since-last' | 'this-week';

/** The day after the last record's period (or sent date) to today; else this week. */
export function defaultPeriod(lastRecord: ParsedRecord | undefined, today: IsoDate, weekStart: WeekStart): { period: Period; source: PeriodSource } {
  if (lastRecord) {
    const since = addDays(lastRecord.period?.until ?? lastRecord.sent, 1);
    if (since <= today) return { period: { since, until: today }, source: 'since-last' };
  }
  return { period: periodFor('this-week', today, weekStart), source: 'this-week' };
}
