import type { Audience, IsoDate, Language, Period, Status } from '../model';

/** What a record is written from: the parts of a drafted update it keeps (a `Draft` is one). */
export interface RecordSource {
  client: string;
  language: Language;
  audience: Audience;
  period: Period;
  subject: string;
  status: { status: Status };
  /** The body as composed (the user's edited body is passed separately when there is one). */
  markdown: string;
  sections: ReadonlyArray<{ id: string; lines: ReadonlyArray<{ text: string; subject?: string; dropped?: boolean }> }>;
}

/** What a saved update record (`.project/updates/<date>-<client>.md`) says about itself. */
export interface ParsedRecord {
  client: string;
  /** The day the update was saved as sent. */
  sent: IsoDate;
  period?: Period;
  status?: Status;
  language?: Language;
  audience?: Audience;
  subject?: string;
  /** The "next period" items promised in that update, as plain text (without "(due …)" or markers). */
  next: string[];
  /** File name of the record, when it was read from disk. */
  file?: string;
}
