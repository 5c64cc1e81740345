/**
 * What a panel shows: the session (where the text came from, the user's choices, the composed
 * draft, the user's text), the key that makes it one panel per client or document, and the state
 * snapshot the page gets.
 */
import type { Draft } from '../../core/draft/types';
import type { DraftOptions, KeptEdits, PanelSettings, PanelSource, PanelState } from '../../shared/protocol';
import { panelLabels } from './labels';

/** What a panel shows and can regenerate. */
export interface Session {
  source: PanelSource;
  title: string;
  options: DraftOptions;
  /** Undefined for documents, and when a restored draft could not be composed again. */
  draft?: Draft;
  /** The markdown the composer (or the handing feature) produced. */
  generated: string;
  /** The user's current text and subject. */
  markdown: string;
  subject: string;
  /** False when git must not run (untrusted workspace): the draft comes from clients.md only. */
  useGit: boolean;
  /** What the user must know about how the draft was made (from the last composition). */
  warnings?: string[];
  /** The text last saved (record, draft or document): not "edited" any more. */
  savedMarkdown?: string;
  /** Edits kept from the last time this panel was closed, offered on the page until restored or discarded. */
  keptEdits?: KeptEdits;
}

/** True when the user's text differs from the generated one and was not saved as it is. */
export function hasUnsavedEdits(s: Session): boolean {
  return s.markdown !== s.generated && s.markdown !== s.savedMarkdown;
}

/** A key that identifies the panel: one per client, one per document path. */
export function panelKey(source: PanelSource): string {
  return source.kind === 'update' ? `update:${source.client.toLowerCase()}` : `document:${source.suggestedRecordPath.toLowerCase()}`;
}

/** The snapshot the page gets, in VS Code's display language. */
export function panelState(s: Session, settings: PanelSettings): PanelState {
  return {
    source: s.source,
    title: s.title,
    subject: s.subject,
    generated: s.generated,
    markdown: s.markdown,
    draft: s.draft,
    options: s.options,
    warnings: s.warnings ?? [],
    labels: panelLabels(),
    settings,
    ...(s.keptEdits ? { keptEdits: s.keptEdits } : {}),
    ...(s.savedMarkdown !== undefined ? { saved: s.savedMarkdown } : {}),
  };
}
