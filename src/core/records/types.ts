import type { IsoDate, Language } from '../clients/model';
import type { Period } from '../git/types';
import type { Audience, Status } from '../draft/types';

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
