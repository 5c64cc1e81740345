/**
 * When each client's next update is due, from its cadence and the day the last update was sent.
 * Pure (no `vscode`): tested in plain Node.
 *
 * - daily: the day after the last one.
 * - weekly/biweekly on a day: the first such weekday at least 4 (weekly) or 11 (biweekly) days
 *   after the last one, so an update sent a day early or a few days late does not shift the rhythm.
 * - weekly/biweekly without a day: 7 or 14 days after the last one.
 * - monthly: the same day next month (the month's last day when it has no such day).
 * - never sent: today, or for a cadence with a day, the next such weekday (today included).
 */
import type { Client, IsoDate } from '../clients/model';
import { addDays, addMonths, daysBetween, onOrAfter } from '../calendar';

export interface NextUpdate {
  client: string;
  due: IsoDate;
  /** Days past due (0 when due today or later). */
  overdueDays: number;
  lastSent?: IsoDate;
}

export function nextUpdateOf(client: Client, today: IsoDate, lastSent: IsoDate | undefined): NextUpdate | undefined {
  const c = client.cadence;
  if (!c) return undefined;
  let due: IsoDate;
  if (!lastSent) {
    due = c.day !== undefined && c.every !== 'daily' && c.every !== 'monthly' ? onOrAfter(today, c.day) : today;
  } else if (c.every === 'daily') {
    due = addDays(lastSent, 1);
  } else if (c.every === 'monthly') {
    due = addMonths(lastSent, 1);
  } else {
    const step = c.every === 'biweekly' ? 14 : 7;
    due = c.day === undefined ? addDays(lastSent, step) : onOrAfter(addDays(lastSent, step - 3), c.day);
  }
  const overdueDays = Math.max(0, daysBetween(due, today));
  return { client: client.name, due, overdueDays, lastSent };
}

/** The update that needs attention first: the most overdue, else the soonest due (ties by name). */
export function mostUrgent(updates: readonly NextUpdate[]): NextUpdate | undefined {
  return [...updates].sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.client.localeCompare(b.client)))[0];
}
