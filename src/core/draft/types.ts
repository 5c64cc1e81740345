/**
 * The contract of a drafted client update (composer in src/core/draft, panel in src/webview,
 * CLI `draft`). Plain data, JSON-serialisable (it crosses the webview message boundary).
 */
import type { Audience, IsoDate, Language, Period, Person, StatusAssessment } from '../model';
import type { LeftOutRecipient } from '../mailbox';
import type { LinkSuggestion } from './suggest';
import type { RewordReason } from './rewordCheck';
import type { InternalDetail } from './markers';

export type DraftSectionId =
  | 'breaking'
  | 'done'
  | 'delivered'
  | 'inProgress'
  | 'dueSoon'
  | 'overdue'
  | 'risks'
  | 'asks'
  | 'next';

export interface DraftLine {
  /** Stable id within a draft (used to drop/restore a line from the panel). */
  id: string;
  /** Localised, client-ready text of the line (markdown inline, already escaped where needed). */
  text: string;
  /** Commit hashes this line came from (full hashes). */
  hashes: string[];
  commitmentId?: string;
  /** Carried over from the "next" list of the last saved record. */
  carriedOver?: boolean;
  /** For overdue commitments: the lead fills in a proposed new date. */
  proposedDate?: IsoDate;
  /** The user removed this line in the panel; kept so it can be restored. */
  dropped?: boolean;
  /**
   * Left out of the text by default, not by the lead: a line from commits that says nothing the
   * client can use ("修改样式", "Update styling"). The lead puts it back (`keptLineIds`) after
   * writing what changed.
   */
  leftOutByDefault?: boolean;
  /**
   * The lead should reword the line before sending (client audience): true exactly when `reword`
   * has reasons.
   */
  needsRewording?: boolean;
  /** Why (codes, worded by the fronts): code in the sentence, the other language, or no content. */
  reword?: RewordReason[];
  /** Localised sub-heading the line is listed under (a commitment title or a kind such as "Fixes"). */
  group?: string;
  /** What the line is about, without dates or markers (e.g. the commitment title); saved in records. */
  subject?: string;
}

/**
 * Something only the lead reads (panel, CLI stderr), never the client: a code with its data, worded
 * by the front that shows it.
 */
export type LeadNote =
  | {
      /** The commitment is open and past due, but its work was done by the due date: tick it in clients.md once the client has checked it. */
      code: 'tick-commitment';
      commitmentId: string;
      title: string;
      /** Day of the latest change on or before the due date. */
      completedOn: IsoDate;
      due: IsoDate;
    }
  | {
      /**
       * The commitment is open and past due, and the period shows no work on it, but a change
       * before the period, linked to nothing, matches its title (earlier.ts). The e-mail says
       * work on it landed, not that the date was missed; the lead ticks the commitment if the
       * change delivered it, or else proposes a new date.
       */
      code: 'earlier-work';
      commitmentId: string;
      title: string;
      due: IsoDate;
      /** The change as the team wrote it (secrets redacted). */
      change: string;
      hash: string;
      on: IsoDate;
    }
  | {
      /**
       * A change only in a package several clients' Paths share equally, evidence for none of their
       * commitments: it is in none of their e-mails (whose work it is is not known). The lead links
       * it (#tag, `Commitment:`) or names the client (`Client:`) to show it.
       */
      code: 'shared-change';
      /** The subject as the team wrote it (secrets redacted). */
      change: string;
      hash: string;
      /** The clients sharing it, this one included. */
      clients: string[];
    };

export interface DraftSection {
  id: DraftSectionId;
  /** Localised heading. */
  title: string;
  lines: DraftLine[];
}

export interface Draft {
  client: string;
  language: Language;
  audience: Audience;
  period: Period;
  /** "today" the draft was composed for. */
  today: IsoDate;
  subject: string;
  /** The contacts with a usable address (see src/core/mailbox.ts). */
  to: Person[];
  /** The usable Cc addresses. */
  cc: string[];
  /** Contacts and Cc addresses kept out of `to`/`cc`, with the reason: for the lead, never in the text. */
  leftOut?: LeftOutRecipient[];
  greeting: string;
  /** The opening sentence(s) after the greeting (period, and a word on a quiet week). */
  intro?: string;
  status: StatusAssessment;
  sections: DraftSection[];
  signOff: string;
  /** The whole body as markdown (what the panel shows as editable source). */
  markdown: string;
  /** Internal audience: commits of the period not shown to the client (merges, bots, chores…). */
  hiddenCount?: number;
  /** True when no client-visible change was made in the period (never when git history was not read). */
  quiet?: boolean;
  /** False when the draft was made without reading git history (it says nothing about what shipped). */
  historyRead?: boolean;
  /**
   * What only the team's text holds (the period's commit hashes, the ticket keys of its commit
   * messages): a client export whose text carries any of it is refused (see markers.ts).
   */
  internalDetail?: InternalDetail;
  /** Notes for the lead only (never in `markdown`); absent when there are none. */
  leadNotes?: LeadNote[];
  /**
   * For the lead only (never in the e-mail): changes that look like evidence for an open
   * commitment but are not linked to it ("looks like evidence for “…”: link it?").
   */
  linkSuggestions?: LinkSuggestion[];
  /** Commit hash → its repository as `Repos:` names it, for commits outside the home repository (the traces name it). */
  repositoryOf?: Record<string, string>;
}
