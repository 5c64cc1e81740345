import type { ClientsFile, IsoDate, Language } from '../clients/model';
import type { ActivityItem, Period, RedactionOptions } from '../git/types';
import type { ParsedRecord } from '../records/types';
import type { Audience, Status } from '../model';

/** Everything the composer needs; `composeDraft` does no I/O. */
export interface DraftInput {
  file: ClientsFile;
  /** Client name as in clients.md (matched case-insensitively). */
  client: string;
  /** Activity of the period, already routed to clients (items of other clients are ignored). */
  items: ActivityItem[];
  /**
   * This client's changes in the weeks before the period, read only when an open commitment is past
   * due (see earlier.ts): evidence that its work landed, so the draft does not say it was missed.
   * Never listed as the period's work.
   */
  earlier?: ActivityItem[];
  /**
   * False when no git history was read (Restricted Mode, git unavailable): `items` is then not
   * "nothing happened" and the draft makes no claim about what shipped. Absent: read.
   */
  historyRead?: boolean;
  today: IsoDate;
  period: Period;
  audience: Audience;
  /** Else the client's `Language:`, else `en`. */
  language?: Language;
  /** Name used to sign the update (setting, else git user name); empty for no name. */
  signature: string;
  /** The newest saved record for this client: its "next" items carry over. */
  lastRecord?: ParsedRecord;
  statusOverride?: Status;
  /** Ids of lines the user dropped in the panel: kept in the sections, left out of the text. */
  droppedLineIds?: string[];
  /** Ids of lines left out by default (`leftOutByDefault`) that the lead put back. */
  keptLineIds?: string[];
  /** A user mustache template for the body (see docs/drafting.md). */
  template?: string;
  /** Where the template came from, for error messages (e.g. `.project/templates/update.en.mustache`). */
  templateName?: string;
  /** Client audience: add the commit hashes as numbered footnotes. */
  footnotes?: boolean;
  /** Proposed new dates for overdue commitments, by commitment id. */
  proposedDates?: Record<string, IsoDate>;
  /**
   * Redaction of the clients.md text that reaches the client (commitment titles, risks, asks,
   * carried-over plans): secrets, internal hosts and URLs, extra patterns (see redact.ts `written`).
   * Applied with the defaults when absent.
   */
  redaction?: Partial<RedactionOptions>;
}
