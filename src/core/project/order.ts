/**
 * The one order of commitments everywhere they are listed (CLI `commitments`, the sidebar, the
 * update's in-progress / due-soon / overdue lines, the handover's open promises): open before
 * done; then by due date, so overdue ones come first; undated last; file order breaks ties.
 */
import type { Commitment } from '../clients/model';

export type Orderable = Pick<Commitment, 'done' | 'due' | 'span'> & { status?: Commitment['status'] };

export function compareCommitments(a: Orderable, b: Orderable): number {
  const closed = (x: Orderable): boolean => (x.status ? x.status === 'done' || x.status === 'cancelled' : x.done);
  if (closed(a) !== closed(b)) return closed(a) ? 1 : -1;
  if (a.due !== b.due) {
    if (!a.due) return 1;
    if (!b.due) return -1;
    return a.due < b.due ? -1 : 1;
  }
  return a.span.startOffset - b.span.startOffset;
}

/** A sorted copy of `list` (any items that carry a commitment, through `of`). */
export function sortCommitments<T>(list: readonly T[], of: (item: T) => Orderable): T[] {
  return [...list].sort((a, b) => compareCommitments(of(a), of(b)));
}
