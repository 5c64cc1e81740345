/**
 * The plain types several parts of core share: the clients file, git reading, drafts, records,
 * phrases, export and the handover all speak them. Nothing here imports from a feature folder,
 * so every arrow into this file runs down (read → model → draft → view/export).
 *
 * Calendar dates are ISO strings `YYYY-MM-DD` (type `IsoDate`); they carry no time zone. All
 * arithmetic and validation on them lives in `calendar.ts`.
 */

/** A calendar day `YYYY-MM-DD`, no time zone (validate with `isIsoDate` from calendar.ts). */
export type IsoDate = string;

/** A closed range of calendar days, both ends inclusive, in local time. */
export interface Period {
  since: IsoDate;
  until: IsoDate;
}

/** 0 = Sunday … 6 = Saturday, as `Date#getDay`. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** The languages a client is written to in. */
export type Language = 'en' | 'zh-CN';

/** Who reads an update: the client, or the team (internal details shown). */
export type Audience = 'client' | 'internal';

/** The overall status of a client's work. */
export type Status = 'on-track' | 'at-risk' | 'off-track';

export interface StatusAssessment {
  status: Status;
  /** Localised, human reasons that led to the computed status ("1 commitment is overdue"). */
  reasons: string[];
  /** True when the user chose the status instead of the rules. */
  overridden: boolean;
  /** The status the rules gave (differs from `status` when overridden). */
  computed?: Status;
}

/** A person named in the clients file (contact, owner, backup). */
export interface Person {
  name: string;
  email?: string;
  /** Free text in parentheses after the address, e.g. `(CTO)`. */
  role?: string;
}

/** What an e-mail needs, whatever document it carries (a client update, a handover letter). */
export interface Envelope {
  to: Person[];
  cc: string[];
  subject: string;
  language: Language;
  /** The body as markdown. */
  text: string;
  /** The day the message is for (the document's "today"): the `.eml` is dated on it. */
  today?: IsoDate;
}
