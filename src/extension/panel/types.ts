/**
 * The panel service's narrow interfaces: what a feature that opens panels provides
 * (`PanelProvider`: its sessions' e-mail, save, composition again, restoration), and what the host
 * of one panel and its actions see of each other. Types only (the session is `session.ts`'s), so
 * the features import this file and none of the panel's internals.
 */
import type * as vscode from 'vscode';
import type { Draft } from '../../core/draft/types';
import type { Envelope } from '../../core/model';
import type { Notice } from '../../core/notices';
import type { CopyFormat, DraftOptions, HostToPage, NoticeLevel, PanelSource } from '../../shared/protocol';
import type { Session } from './session';

export type { Session };

/** A composed draft and the facts worth telling the user about it. */
export interface Recomposed {
  draft: Draft;
  warnings: string[];
}

/** What the page handed back after a reload (validated by `parsePersistedState`). */
export interface Persisted {
  source: PanelSource;
  options: DraftOptions;
  markdown: string;
  generated: string;
  subject: string;
}

/** One kind of panel source (`update`, `document`): what only the feature that opens it knows. */
export interface PanelProvider {
  /** The e-mail the session's current subject and text make. */
  envelope(session: Session): Envelope;
  /**
   * Saves the session's text as a new file (never overwriting); resolves to the file, and
   * `written: false` when the very same text was saved already (nothing written).
   */
  save(session: Session): Promise<{ uri: vscode.Uri; written: boolean }>;
  /** "Save draft": the text to finish later, not recorded as sent (updates only). */
  saveDraft?(session: Session): Promise<{ uri: vscode.Uri; written: boolean }>;
  /**
   * Why the session's text may not leave as it is (copy, mail, `.eml`, mark as sent), with where:
   * a client e-mail carrying internal detail. Absent or undefined: it may.
   */
  refusal?(session: Session): { notice: Notice; offset: number; length: number } | undefined;
  /** Drafts the session's source for another period, asked of the lead (updates only). */
  changePeriod?(session: Session): Promise<void>;
  /** The session a reloaded page's state stands for (composed again where the feature can). */
  restore(persisted: Persisted): Promise<Session>;
  /** Composes the session again with new options; absent when the source cannot regenerate. */
  recompose?(session: Session, options: DraftOptions): Promise<Recomposed>;
}

/** What the actions see of a panel: its session, its page, and the provider of its source. */
export interface PanelView {
  readonly session: Session;
  readonly provider: PanelProvider;
  send(message: HostToPage): void;
  notify(level: NoticeLevel, text: string): void;
  /** The session's text was saved as it is: not "edited" any more, nothing to keep on close. */
  saved(): void;
}

/** What the panel's buttons do on the host (`panel/actions.ts`). */
export interface PanelActions {
  copy(view: PanelView, format: CopyFormat): Promise<void>;
  richCopyResult(view: PanelView, requestId: number, ok: boolean, error: string | undefined): Promise<void>;
  openMail(view: PanelView): Promise<void>;
  saveEml(view: PanelView): Promise<void>;
  save(view: PanelView): Promise<void>;
  saveDraft(view: PanelView): Promise<void>;
}

export interface PanelLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}
