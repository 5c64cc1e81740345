/**
 * The overall status of a client's work, computed from documented rules (docs/drafting.md):
 *
 * Off track when any of:
 *   - an open commitment is more than 7 days past its due date;
 *   - two or more open commitments are past their due date;
 *   - a high risk has no mitigation.
 * At risk (when not off track) when any of:
 *   - an open commitment is past its due date;
 *   - an open commitment missed the date first promised (`promised:` in clients.md) and was moved;
 *   - an open commitment is due within 3 days (today included) and no commit of the period is
 *     evidence for it (nor closely matches it unlinked: the lead is asked to link that one);
 *   - there is a high risk (with a mitigation);
 *   - a breaking change of the period touches an area the client's risks or notes name.
 * On track otherwise.
 *
 * An open commitment past its due date with no work in the period whose work landed before the
 * period (linked, or matching its title) is at risk, not missed: the draft says the work landed.
 *
 * An open commitment past its due date whose evidence in the period includes a change made on or
 * before the due date is not overdue: the work was done in time and waits for the client's check
 * (and for the lead to tick it in clients.md). It counts for none of the rules above; nor does one
 * finished later by a change that closes it (its pull request, or `Closes #N` with its number).
 */
import type { Client, Commitment, IsoDate } from '../clients/model';
import { addDays, daysBetween } from '../calendar';
import type { PeriodWords, Phrases } from '../l10n/phrases';
import type { Status, StatusAssessment } from '../model';
import { isOpen } from '../clients/queries';

export const OFF_TRACK_OVERDUE_DAYS = 7;
export const OFF_TRACK_OVERDUE_COUNT = 2;
export const DUE_SOON_WITHOUT_PROGRESS_DAYS = 3;

export interface StatusContext {
  client: Client;
  today: IsoDate;
  /**
   * The days (YYYY-MM-DD) of the period's changes that move each commitment forward (evidence,
   * rollbacks left out), by commitment id.
   */
  evidence: ReadonlyMap<string, readonly IsoDate[]>;
  phrases: Phrases;
  period: PeriodWords;
  /**
   * Open, past-due commitments finished after their due date by a change that closes them (a
   * merged pull request or `Closes #N` with their number): delivered late, waiting for the client's
   * check, not overdue.
   */
  closedLate?: ReadonlySet<string>;
  /**
   * Commitments a visible change of the period closely matches without being linked to (the lead
   * is asked to link it, see suggest.ts): "no progress" is not said of them, it may be false.
   */
  possibleEvidence?: ReadonlySet<string>;
  /**
   * Open, past-due commitments with no work in the period whose work landed before it (see
   * earlier.ts), not yet confirmed: at risk (the date passed unconfirmed), never counted as
   * missed for "off track".
   */
  landedEarlier?: ReadonlySet<string>;
  /** Short titles of the period's breaking changes that touch an area the client's risks or notes name (see breaking.ts). */
  breaking?: readonly string[];
  /** Rewrites text from clients.md for the reader (dates); identity when absent. */
  localise?: (text: string) => string;
}

/**
 * The day work on an open, past-due commitment was completed in time: the latest evidence on or
 * before its due date. Undefined when the commitment is done, not past due, or has no such evidence.
 */
export function completedInTime(c: Commitment, evidence: readonly IsoDate[] | undefined, today: IsoDate): IsoDate | undefined {
  if (!isOpen(c) || c.due === undefined || c.due >= today) return undefined;
  const due = c.due;
  const inTime = (evidence ?? []).filter((d) => d <= due).sort();
  return inTime[inTime.length - 1];
}

/** The status the rules give, with localised reasons (most serious first). */
export function computeStatus(ctx: StatusContext): { status: Status; reasons: string[] } {
  const { client, today, phrases } = ctx;
  const local = ctx.localise ?? ((t: string) => t);
  const off: string[] = [];
  const risk: string[] = [];
  const open = client.commitments.filter((c) => isOpen(c));
  const overdue = open.filter((c) => c.due !== undefined && c.due < today && completedInTime(c, ctx.evidence.get(c.id), today) === undefined && !ctx.closedLate?.has(c.id) && !ctx.landedEarlier?.has(c.id));
  if (overdue.length >= OFF_TRACK_OVERDUE_COUNT) {
    off.push(phrases.reason.manyOverdue(overdue.length));
  } else {
    for (const c of overdue) {
      const days = daysBetween(c.due as IsoDate, today);
      (days > OFF_TRACK_OVERDUE_DAYS ? off : risk).push(phrases.reason.overdue(c.title, days));
    }
  }
  for (const c of open) if (ctx.landedEarlier?.has(c.id)) risk.push(phrases.reason.landedUnconfirmed(c.title));
  for (const r of client.risks) {
    if (r.level !== 'high') continue;
    if (!r.mitigation) off.push(phrases.reason.highRiskWithoutMitigation(local(r.description)));
    else risk.push(phrases.reason.highRisk(local(r.description)));
  }
  for (const c of open) {
    // A moved date is a missed promise until delivered: never "all on schedule".
    if (c.promised !== undefined && c.due !== undefined && c.promised < today && c.due >= today) {
      risk.push(phrases.reason.slipped(c.title, local(c.promised), local(c.due)));
    }
  }
  if (ctx.breaking?.length) risk.push(phrases.reason.breaking([...ctx.breaking]));
  const soonLimit = addDays(today, DUE_SOON_WITHOUT_PROGRESS_DAYS);
  for (const c of open) {
    if (c.due === undefined || c.due < today || c.due > soonLimit) continue;
    if ((ctx.evidence.get(c.id)?.length ?? 0) > 0 || ctx.possibleEvidence?.has(c.id)) continue;
    risk.push(phrases.reason.dueSoonWithoutProgress(c.title, daysBetween(today, c.due), ctx.period));
  }
  if (off.length) return { status: 'off-track', reasons: [...off, ...risk] };
  if (risk.length) return { status: 'at-risk', reasons: risk };
  return { status: 'on-track', reasons: [open.length ? phrases.reason.onTrack : phrases.reason.noCommitments] };
}

/** The rules' status, or the user's choice when `override` is given (reasons stay the rules'). */
export function assessStatus(ctx: StatusContext, override?: Status): StatusAssessment {
  const computed = computeStatus(ctx);
  if (override && override !== computed.status) {
    return { status: override, reasons: computed.reasons, overridden: true, computed: computed.status };
  }
  return { status: computed.status, reasons: computed.reasons, overridden: false, computed: computed.status };
}
