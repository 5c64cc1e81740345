/**
 * Work that landed before the period on a commitment that is now past due and still open. A draft
 * must not tell the client "we missed …" about work that was merged: the lookback window is read
 * only when an open commitment is past due, and its changes are evidence for the overdue line only
 * (never listed as the period's work).
 */
import type { Client, Commitment, IsoDate } from '../clients/model';
import { isOpen } from '../clients/queries';
import { addDays } from '../calendar';
import type { ActivityItem, Period } from '../git/types';
import { closeness, SUGGEST_AT } from './suggest';

/** How far before the period the draft looks for the work of an overdue commitment. */
export const LOOKBACK_DAYS = 60;

/** Open commitments whose due date has passed by `today`. */
function pastDue(client: Client, today: IsoDate): Commitment[] {
  return client.commitments.filter((c) => isOpen(c) && c.due !== undefined && c.due < today);
}

/**
 * The days before `period` to read for the overdue commitments' earlier work, or undefined when
 * no open commitment is past due (then nothing more is read).
 */
export function lookbackPeriod(client: Client, period: Period, today: IsoDate): Period | undefined {
  if (pastDue(client, today).length === 0) return undefined;
  return { since: addDays(period.since, -LOOKBACK_DAYS), until: addDays(period.since, -1) };
}

/**
 * The latest earlier change that looks like the commitment's delivery: linked to no commitment,
 * shown to the client, and its words closely match the commitment's title (the team did not
 * connect it; the lead is asked). A change the team linked to the commitment and yet left the
 * commitment open is a part of the work, not its delivery: the commitment stays missed.
 */
export interface EarlierWork {
  item: ActivityItem;
  on: IsoDate;
}

export function earlierWorkOf(c: Commitment, earlier: readonly ActivityItem[]): EarlierWork | undefined {
  const matches = earlier.filter((i) => i.kind !== 'revert' && i.hidden === undefined && i.commitmentIds.length === 0 && closeness(i.pullRequest?.title ?? i.commit.subject, c.title) >= SUGGEST_AT);
  const newest = matches.sort((a, b) => b.commit.authorDate.localeCompare(a.commit.authorDate))[0];
  return newest ? { item: newest, on: newest.commit.authorDate.slice(0, 10) } : undefined;
}
