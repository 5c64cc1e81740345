/**
 * The periods offered when drafting an update, and the command's period argument. Pure (no
 * `vscode`): "today", the week start and the last record come in as parameters. Week arithmetic
 * is core's (src/core/calendar, src/core/draft/period).
 */
import type { IsoDate } from '../../core/clients/model';
import { defaultPeriod } from '../../core/draft/period';
import { dateFault, isPeriod, periodFor, type WeekStart } from '../../core/calendar';
import type { Period } from '../../core/git/types';
import type { ParsedRecord } from '../../core/records/types';

export type { WeekStart };

export type PeriodChoice = 'this-week' | 'last-week' | 'since-last' | 'custom';

/**
 * "Since the last update": from the day after the last saved update's period to today, or
 * undefined when there is no record or that would be empty.
 */
export function sinceLast(today: IsoDate, last: ParsedRecord | undefined, weekStart: WeekStart): Period | undefined {
  const d = defaultPeriod(last, today, weekStart);
  return d.source === 'since-last' ? d.period : undefined;
}

/** The period a choice stands for; `custom` and an unusable `since-last` give undefined. */
export function periodOf(choice: PeriodChoice, today: IsoDate, weekStart: WeekStart, last?: ParsedRecord): Period | undefined {
  switch (choice) {
    case 'this-week':
    case 'last-week':
      return periodFor(choice, today, weekStart);
    case 'since-last':
      return sinceLast(today, last, weekStart);
    case 'custom':
      return undefined;
  }
}

export type DateProblem = 'format' | 'no-such-day' | 'before-start';

/** Checks a typed date for an input box; undefined when it is fine. */
export function checkDate(value: string, notBefore?: IsoDate): DateProblem | undefined {
  const v = value.trim();
  const fault = dateFault(v);
  if (fault?.code === 'format') return 'format';
  if (fault) return 'no-such-day';
  if (notBefore && v < notBefore) return 'before-start';
  return undefined;
}

/** Reads a period argument given to the command: a choice name or `{ since, until }`. */
export function parsePeriodArgument(arg: unknown): Exclude<PeriodChoice, 'custom'> | Period | undefined {
  if (arg === 'this-week' || arg === 'last-week' || arg === 'since-last') return arg;
  if (typeof arg === 'object' && arg !== null) {
    const { since, until } = arg as { since?: unknown; until?: unknown };
    const period = { since, until };
    if (isPeriod(period)) return { since: period.since, until: period.until };
  }
  return undefined;
}
