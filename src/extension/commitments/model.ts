/**
 * What the Commitments view shows, as plain data (no `vscode`): which commitments pass the
 * filter, in which order, and how urgent each is. Tested in plain Node.
 */
import type { Client, Commitment, IsoDate, Person } from '../../core/clients/model';
import { addDays, dateProblem, daysBetween, endOfWeek, type WeekStart } from '../../core/calendar';
import { scanTokens } from '../../core/clients/tokens';
import { compareCommitments } from '../../core/project/order';
import { isOpen } from '../../core/clients/queries';

export interface Filter {
  /** Client name (case-insensitive, exact). */
  client?: string;
  /** Owner without `@` (case-insensitive). */
  owner?: string;
  /** Only commitments due within this many days from today (overdue ones included). */
  withinDays?: number;
  /** Only the overdue ones, or those due by the end of this week (overdue included). */
  due?: 'overdue' | 'thisWeek';
  /** Only those owned by the person using VS Code (their git identity, see `handlesOf`). */
  mine?: boolean;
}

/** What some filters need besides the commitment: the week's end and who "mine" is. */
export interface FilterContext {
  weekStart?: WeekStart;
  /** The `@handles` of the person using VS Code (lower case); empty when unknown. */
  me?: readonly string[];
}

export type Urgency = 'overdue' | 'thisWeek' | 'later' | 'undated' | 'done';

export function urgencyOf(c: Commitment, today: IsoDate, weekStart: WeekStart): Urgency {
  if (!isOpen(c)) return 'done';
  if (!c.due) return 'undated';
  if (c.due < today) return 'overdue';
  if (c.due <= endOfWeek(today, weekStart)) return 'thisWeek';
  return 'later';
}

export function passes(c: Commitment, filter: Filter, showDone: boolean, today: IsoDate, ctx: FilterContext = {}): boolean {
  if (!isOpen(c) && !showDone) return false;
  if (filter.client && c.client.toLowerCase() !== filter.client.toLowerCase()) return false;
  if (filter.owner) {
    const owner = filter.owner.replace(/^@/, '').toLowerCase();
    if (!c.owners.some((o) => o.replace(/^@/, '').toLowerCase() === owner)) return false;
  }
  if (filter.withinDays !== undefined) {
    if (!c.due || !isOpen(c)) return false;
    if (c.due > addDays(today, filter.withinDays)) return false;
  }
  if (filter.due !== undefined) {
    if (!c.due || !isOpen(c)) return false;
    if (filter.due === 'overdue' && c.due >= today) return false;
    if (filter.due === 'thisWeek' && c.due > endOfWeek(today, ctx.weekStart ?? 'monday')) return false;
  }
  if (filter.mine) {
    const me = new Set(ctx.me ?? []);
    if (!c.owners.some((o) => me.has(o.replace(/^@/, '').toLowerCase()))) return false;
  }
  return true;
}

export function visibleCommitments(client: Client, filter: Filter, showDone: boolean, today: IsoDate, ctx: FilterContext = {}): Commitment[] {
  return client.commitments.filter((c) => passes(c, filter, showDone, today, ctx)).sort(compareCommitments);
}

export function isFilterActive(filter: Filter): boolean {
  return filter.client !== undefined || filter.owner !== undefined || filter.withinDays !== undefined || filter.due !== undefined || filter.mine === true;
}

/**
 * The `@handles` a person may be written as (lower case): the e-mail's local part and its first
 * part (`wang.wei` → `wang.wei`, `wang`), the first word of the name and the name without spaces.
 */
export function handlesOf(p: { name?: string; email?: string }): string[] {
  const out = new Set<string>();
  const local = p.email?.split('@')[0]?.toLowerCase();
  if (local) {
    out.add(local);
    out.add(local.split(/[._+-]/)[0]);
  }
  const name = p.name?.trim().toLowerCase();
  if (name) {
    out.add(name.split(/\s+/)[0]);
    out.add(name.replace(/\s+/g, ''));
  }
  out.delete('');
  return [...out];
}

/** The person a commitment's `@handle` names (the client's Owner, Backup or a contact), if one matches. */
export function personOf(handle: string, client: Client): Person | undefined {
  const h = handle.replace(/^@/, '').toLowerCase();
  const people = [client.owner, client.backup, ...(client.team ?? []), ...client.contacts].filter((p): p is Person => p !== undefined);
  return people.find((p) => handlesOf(p).includes(h));
}

/**
 * The due date written on the commitment's line that could not be read (`due:2026-13-45`), with
 * why; undefined when there is none. Such a commitment is shown as an error, never as "no date".
 */
export function brokenDue(c: Commitment): { text: string; problem: string } | undefined {
  if (c.due !== undefined) return undefined;
  const t = scanTokens(c.raw).find((x) => x.kind === 'due');
  if (!t) return undefined;
  const problem = t.value === '' ? 'the date is missing' : dateProblem(t.value);
  return problem ? { text: c.raw.slice(t.start, t.end).trim(), problem } : undefined;
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
  for (const client of clients) for (const c of client.commitments) if (isOpen(c) && c.due && c.due < today) n++;
  return n;
}
