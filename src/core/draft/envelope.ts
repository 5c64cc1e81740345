/**
 * The e-mail a draft makes: its recipients, subject and language, and the text as the lead left
 * it (the panel's editor) or as composed. The mail builders (`core/export/mail.ts`) take this
 * envelope, never the draft.
 */
import type { Envelope } from '../model';
import type { Draft } from './types';

/** The lead's edits to the subject and the markdown body; each defaults to the draft's. */
export interface EditedText {
  subject?: string;
  markdown?: string;
}

export function draftEnvelope(draft: Draft, edited: EditedText = {}): Envelope {
  return {
    to: draft.to,
    cc: draft.cc,
    subject: edited.subject ?? draft.subject,
    language: draft.language,
    text: edited.markdown ?? draft.markdown,
    today: draft.today,
  };
}
