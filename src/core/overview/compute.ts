/**
 * One row per client for the lead's overview: status with its reason, commitments open / overdue /
 * due this week, unanswered asks and how long they wait, the last update sent and the next one due
 * by cadence, and the statuses of the last saved updates. Pure: a function of its input.
 */
import type { Client, IsoDate } from '../clients/model';
import { daysBetween, endOfWeek, type WeekStart } from '../calendar';
import type { Period, Status } from '../model';
import type { RepoNotice } from '../notices';
import { nextUpdateOf } from '../project/cadence';

export interface OverviewRow {
  client: string;
  status: Status;
  /** The first reason of the computed status, in the overview's language. */
  reason: string;
  reasons: string[];
  /** The period the status was computed for (the client's default draft period). */
  period: Period;
  commitments: { open: number; overdue: number; dueThisWeek: number };
  /** Unanswered asks; `oldestDays` how long the oldest dated one has waited. */
  asks: { unanswered: number; oldestDays?: number; oldestAskedOn?: IsoDate };
  lastSent?: IsoDate;
  /** By the client's cadence; absent without `Cadence:`. */
  nextDue?: IsoDate;
  /** Days the next update is late (0: not late). */
  nextOverdueDays: number;
  /** Statuses of the last saved updates, oldest first. */
  history: Status[];
  /** Repositories read for this client (the home one included). */
  repositories: number;
  /** Listed repositories that could not be read. */
  repoProblems: RepoNotice[];
}

export interface RowInput {
  client: Client;
  today: IsoDate;
  weekStart: WeekStart;
  status: { status: Status; reasons: string[] };
  period: Period;
  lastSent?: IsoDate;
  /** Statuses of the saved updates, newest first (as records are read). */
  recentStatuses: Array<Status | undefined>;
  repositories: number;
  repoProblems: RepoNotice[];
}

export function overviewRow(input: RowInput): OverviewRow {
  const { client, today } = input;
  const open = client.commitments.filter((c) => !c.done);
  const weekEnd = endOfWeek(today, input.weekStart);
  const unanswered = client.asks.filter((a) => !a.answered);
  const dated = unanswered.map((a) => a.askedOn).filter((d): d is IsoDate => d !== undefined && d <= today).sort();
  const next = nextUpdateOf(client, today, input.lastSent);
  return {
    client: client.name,
    status: input.status.status,
    reason: input.status.reasons[0] ?? '',
    reasons: input.status.reasons,
    period: input.period,
    commitments: {
      open: open.length,
      overdue: open.filter((c) => c.due !== undefined && c.due < today).length,
      dueThisWeek: open.filter((c) => c.due !== undefined && c.due >= today && c.due <= weekEnd).length,
    },
    asks: { unanswered: unanswered.length, ...(dated.length ? { oldestAskedOn: dated[0], oldestDays: daysBetween(dated[0], today) } : {}) },
    ...(input.lastSent ? { lastSent: input.lastSent } : {}),
    ...(next ? { nextDue: next.due } : {}),
    nextOverdueDays: next?.overdueDays ?? 0,
    history: input.recentStatuses.filter((s): s is Status => s !== undefined).reverse(),
    repositories: input.repositories,
    repoProblems: input.repoProblems,
  };
}

/** The statuses as a sparkline: ▁ on track, ▄ at risk, █ off track (oldest first). */
export function sparkline(history: readonly Status[]): string {
  const bar: Record<Status, string> = { 'on-track': '▁', 'at-risk': '▄', 'off-track': '█' };
  return history.map((s) => bar[s]).join('');
}
