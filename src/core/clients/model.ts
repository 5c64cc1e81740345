/**
 * The typed model of `.project/clients.md`. Produced by `parseClients` (parse.ts), read by every
 * feature. Pure data: no behaviour, no `vscode`.
 *
 * Conventions used everywhere in core:
 * - Lines and columns are 0-based (as in VS Code); the CLI prints them 1-based.
 * - Columns and offsets count UTF-16 code units of the original text (JavaScript string indices),
 *   including a leading BOM if the text has one.
 * - Calendar dates are ISO strings `YYYY-MM-DD` (type `IsoDate`); they carry no time zone.
 */
import type { IsoDate, Language, Person, Weekday } from '../model';

// Shared with every part of core (src/core/model.ts); named here too because nearly every reader of
// the clients file needs them with the types below.
export type { IsoDate, Language, Person, Weekday };

export interface Span {
  /** 0-based line of the first character. */
  startLine: number;
  /** 0-based UTF-16 column of the first character. */
  startColumn: number;
  endLine: number;
  /** Exclusive end column. */
  endColumn: number;
  /** UTF-16 offset of the first character in the original text. */
  startOffset: number;
  /** Exclusive end offset. */
  endOffset: number;
}

/** A replacement of `[offset, offset + length)` of the original text by `newText`. */
export interface TextEdit {
  offset: number;
  length: number;
  newText: string;
}

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  span: Span;
  severity: Severity;
  /** Stable identifier such as `invalid-date`; every code is listed in docs/clients-format.md. */
  code: string;
  message: string;
  /** A safe automatic fix, when there is an obvious one (offered as a quick fix). */
  fix?: { title: string; edits: TextEdit[] };
}

export interface Cadence {
  every: 'daily' | 'weekly' | 'biweekly' | 'monthly';
  /** Day of the week the update is due, when given (`weekly Fri`). */
  day?: Weekday;
  /** The text as written, e.g. `weekly Fri` or `每周五`. */
  raw: string;
}

/** A `Key: value` line in a client's header, as written. */
export interface Field {
  key: string;
  /** The canonical key (`contact`, `cc`, `cadence`, `language`, `paths`, `tag`, `owner`, `backup`, `team`, `format`) or undefined if unknown. */
  canonical?: string;
  value: string;
  span: Span;
}

/** One entry of `Repos:`: a repository and, optionally, the paths in it that are the client's. */
export interface RepoRef {
  /** As written: relative to the top folder of the repository holding the clients file, or absolute. */
  path: string;
  /** Paths or globs inside that repository (`../mobile:apps/acme/`); empty: all of it is the client's. */
  paths: string[];
  /** The entry in the field's line. */
  span: Span;
}

export type CommitmentStatus = 'open' | 'in-progress' | 'cancelled' | 'done';

export interface Commitment {
  /** Stable within one parse: `<client name>#<index in client>`. */
  id: string;
  client: string;
  /** The description with metadata (due/done/owner/tag tokens) removed and whitespace collapsed. */
  title: string;
  /** The whole item text as written after the checkbox. */
  raw: string;
  /** True when the status is `done`. */
  done: boolean;
  /**
   * `[ ]` open, `[/]` in progress (still open), `[-]` cancelled (never overdue), `[x]`/`[X]` done.
   * Any other status character reads as open, with an `unknown-status` diagnostic.
   */
  status: CommitmentStatus;
  /** The status character as written between the brackets. */
  mark: string;
  /** When a cancelled commitment was dropped (`❌ YYYY-MM-DD`). */
  cancelledDate?: IsoDate;
  due?: IsoDate;
  doneDate?: IsoDate;
  /**
   * The date first promised to the client when the due date was moved later (`promised:` /
   * `原定:`); only set when it is before `due`.
   */
  promised?: IsoDate;
  owners: string[];
  /** Tags without the leading `#`. */
  tags: string[];
  /** The whole list item line (without its line break). */
  span: Span;
  /** The `[ ]` / `[x]` characters. */
  checkboxSpan: Span;
}

/**
 * A client's draft format (`Format:`): `risks-first` puts the bad news — overdue commitments, risks,
 * what is needed from the client — before the work done; `short` leaves out "In progress", "Due
 * soon" and low risks (their commitments still stand in the plan with their dates).
 */
export type DraftFormat = 'risks-first' | 'short';

export type RiskLevel = 'low' | 'medium' | 'high';

export interface Risk {
  client: string;
  description: string;
  level?: RiskLevel;
  mitigation?: string;
  span: Span;
}

export interface Ask {
  client: string;
  text: string;
  askedOn?: IsoDate;
  /** Written as a checked task item: the client answered. */
  answered: boolean;
  span: Span;
}

/** A dated or undated bullet in Feedback, Decisions or Notes. */
export interface Entry {
  text: string;
  date?: IsoDate;
  span: Span;
}

export type SectionKind = 'commitments' | 'risks' | 'asks' | 'feedback' | 'decisions' | 'notes' | 'unknown';

export interface Section {
  kind: SectionKind;
  /** The heading text as written (English or Chinese). */
  heading: string;
  /** The `## …` line. */
  headingSpan: Span;
  /** From the heading line to just before the next heading of level 1 or 2 (or end of file). */
  span: Span;
}

export interface Client {
  name: string;
  headingSpan: Span;
  /** From the `# ` line to just before the next level-1 heading (or end of file). */
  span: Span;
  /** Prose paragraphs under the heading that are not `Key: value` lines, joined by blank lines. */
  profile: string;
  fields: Field[];
  contacts: Person[];
  cc: string[];
  cadence?: Cadence;
  language?: Language;
  /** Repository paths or globs belonging to this client (`Paths:`), as written. */
  paths: string[];
  /** Client tag(s) that route commits to this client (`Tag:`), without `#`. */
  tags: string[];
  /** Other repositories holding this client's work (`Repos:` / `仓库:`), as written. */
  repos: RepoRef[];
  owner?: Person;
  backup?: Person;
  /** Who the internal report goes to (`Team:`), in the order written; absent: the Owner and Backup. */
  team?: Person[];
  /** How the client likes updates (`Format: risks-first, short`); absent: the usual order and length. */
  format?: DraftFormat[];
  sections: Section[];
  commitments: Commitment[];
  risks: Risk[];
  asks: Ask[];
  feedback: Entry[];
  decisions: Entry[];
  notes: Entry[];
}

export interface ClientsFile {
  clients: Client[];
  diagnostics: Diagnostic[];
  /** The line break the file mostly uses; edits that insert lines use it. */
  eol: '\n' | '\r\n';
  hasBom: boolean;
}
