/**
 * What the Commitments view shows, as plain data (no `vscode`): which commitments pass the
 * filter, in which order, and how urgent each is. Tested in plain Node.
 */
import type { Client, Commitment, IsoDate } from '../../core/clients/model';
import { addDays, daysBetween, endOfWeek, type WeekStart } from '../../core/calendar';

export interface Filter {
  /** Client name (case-insensitive, exact). */
  client?: string;
  /** Owner without `@` (case-insensitive). */
  owner?: string;
  /** Only commitments due within this many days from today (overdue ones included). */
  withinDays?: number;
}

export type Urgency = 'overdue' | 'thisWeek' | 'later' | 'undated' | 'done';

export function urgencyOf(c: Commitment, today: IsoDate, weekStart: WeekStart): Urgency {
  if (c.done) return 'done';
  if (!c.due) return 'undated';
  if (c.due < today) return 'overdue';
  if (c.due <= endOfWeek(today, weekStart)) return 'thisWeek';
  return 'later';
}

/** Open first; then by due date (so overdue first), undated last; file order breaks ties. */
export function compareCommitments(a: Commitment, b: Commitment): number {
  if (a.done !== b.done) return a.done ? 1 : -1;
  if (a.due !== b.due) {
    if (!a.due) return 1;
    if (!b.due) return -1;
    return a.due < b.due ? -1 : 1;
  }
  return a.span.startOffset - b.span.startOffset;
}

export function passes(c: Commitment, filter: Filter, showDone: boolean, today: IsoDate): boolean {
  if (c.done && !showDone) return false;
  if (filter.client && c.client.toLowerCase() !== filter.client.toLowerCase()) return false;
  if (filter.owner) {
    const owner = filter.owner.replace(/^@/, '').toLowerCase();
    if (!c.owners.some((o) => o.replace(/^@/, '').toLowerCase() === owner)) return false;
  }
  if (filter.withinDays !== undefined) {
    if (!c.due || c.done) return false;
    if (c.due > addDays(today, filter.withinDays)) return false;
  }
  return true;
}

export function visibleCommitments(client: Client, filter: Filter, showDone: boolean, today: IsoDate): Commitment[] {
  return client.commitments.filter((c) => passes(c, filter, showDone, today)).sort(compareCommitments);
}

export function isFilterActive(filter: Filter): boolean {
  return filter.client !== undefined || filter.owner !== undefined || filter.withinDays !== undefined;
}

/** How a due date reads relative to today, before wording. */
export type RelativeDue =
  | { kind: 'overdue'; days: number }
  | { kind: 'today' }
  | { kind: 'tomorrow' }
  | { kind: 'weekday'; date: IsoDate }
  | { kind: 'days'; days: number }
  | { kind: 'weeks'; weeks: number }
  | { kind: 'months'; months: number };

export function relativeDueOf(due: IsoDate, today: IsoDate): RelativeDue {
  const days = daysBetween(today, due);
  if (days < 0) return { kind: 'overdue', days: -days };
  if (days === 0) return { kind: 'today' };
  if (days === 1) return { kind: 'tomorrow' };
  if (days < 7) return { kind: 'weekday', date: due };
  if (days < 14) return { kind: 'days', days };
  if (days < 60) return { kind: 'weeks', weeks: Math.round(days / 7) };
  return { kind: 'months', months: Math.round(days / 30) };
}

/** Number of open commitments past due in `clients`. */
export function overdueCount(clients: readonly Client[], today: IsoDate): number {
  let n = 0;
  for (const client of clients) for (const c of client.commitments) if (!c.done && c.due && c.due < today) n++;
  return n;
}
