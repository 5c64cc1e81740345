/**
 * One draft panel: a WebviewPanel, the session behind it (where the draft came from, the user's
 * choices and text) and the handling of every message the page posts. Messages are validated
 * against the protocol first; anything else is rejected and logged.
 */
import * as vscode from 'vscode';
import { errorText } from '../notices';
import type { Draft } from '../../core/draft/types';
import type { DraftOptions, HostToPage, PageToHost, PanelSettings, PanelSource, PanelState } from '../../shared/protocol';
import { parsePageToHost } from '../../shared/protocol';
import type { PanelActions } from './actions';
import { pageHtml, webviewOptions } from './html';
import { panelLabels } from './labels';

export const VIEW_TYPE = 'clientPulse.draft';

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
}

/** A composed draft and the facts worth telling the user about it. */
export interface Recomposed {
  draft: Draft;
  warnings: string[];
}

export interface PanelHost {
  extensionUri: vscode.Uri;
  log: { info(message: string): void; warn(message: string): void; error(message: string): void };
  actions: PanelActions;
  /** Composes the draft of an update session again with new options. */
  recompose(session: Session, options: DraftOptions): Promise<Recomposed>;
  settings(): PanelSettings;
  onDispose(panel: DraftPanel): void;
}

export class DraftPanel {
  private readonly disposables: vscode.Disposable[] = [];
  private ready = false;
  private disposed = false;

  constructor(
    readonly panel: vscode.WebviewPanel,
    public session: Session,
    private readonly host: PanelHost,
  ) {
    panel.webview.options = webviewOptions(host.extensionUri);
    panel.title = session.title;
    panel.iconPath = vscode.Uri.joinPath(host.extensionUri, 'media', 'activity.svg');
    // Set once: the page restores itself from its own state when it is shown again.
    panel.webview.html = pageHtml(panel.webview, host.extensionUri, session.title, vscode.env.language);
    this.disposables.push(
      panel.webview.onDidReceiveMessage((raw: unknown) => void this.receive(raw)),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  /** A key that identifies the panel: one per client, one per document path. */
  get key(): string {
    return panelKey(this.session.source);
  }

  /** The snapshot the page gets. */
  state(): PanelState {
    const s = this.session;
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
      settings: this.host.settings(),
    };
  }

  /** Replaces the session (a new period or document for the same key) and tells the page. */
  replace(session: Session): void {
    this.session = session;
    this.panel.title = session.title;
    this.send({ type: 'state', state: this.state(), replaceText: true });
  }

  reveal(): void {
    this.panel.reveal(undefined, false);
  }

  send(message: HostToPage): void {
    if (this.disposed) return;
    void this.panel.webview.postMessage(message);
  }

  notify(level: 'info' | 'warning' | 'error', text: string): void {
    this.send({ type: 'notice', level, text });
  }

  /** Test mode only: a message as if the page had posted it (it goes through validation). */
  receiveForTest(raw: unknown): Promise<void> {
    return this.receive(raw);
  }

  private async receive(raw: unknown): Promise<void> {
    const parsed = parsePageToHost(raw);
    if (!parsed.ok) {
      this.host.log.warn(`draft panel: rejected a message from the page (${parsed.error})`);
      return;
    }
    try {
      await this.handle(parsed.value);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      this.host.log.error(`draft panel: ${parsed.value.type} failed: ${message}`);
      this.notify('error', errorText(e));
      void vscode.window.showErrorMessage(vscode.l10n.t('Client Pulse: {0}', errorText(e)));
    }
  }

  private async handle(m: PageToHost): Promise<void> {
    const s = this.session;
    switch (m.type) {
      case 'ready':
        this.ready = true;
        this.send({ type: 'state', state: this.state(), replaceText: false });
        return;
      case 'edited':
        s.markdown = m.markdown;
        s.subject = m.subject;
        return;
      case 'regenerate':
        await this.regenerate(m.options);
        return;
      case 'copy':
        s.markdown = m.markdown;
        s.subject = m.subject;
        await this.host.actions.copy(this, m.format);
        return;
      case 'richCopyResult':
        await this.host.actions.richCopyResult(this, m.requestId, m.ok, m.error);
        return;
      case 'openMail':
        s.markdown = m.markdown;
        s.subject = m.subject;
        await this.host.actions.openMail(this);
        return;
      case 'saveEml':
        s.markdown = m.markdown;
        s.subject = m.subject;
        await this.host.actions.saveEml(this);
        return;
      case 'saveRecord':
        s.markdown = m.markdown;
        s.subject = m.subject;
        await this.host.actions.save(this);
        return;
    }
  }

  async regenerate(options: DraftOptions): Promise<void> {
    const s = this.session;
    if (s.source.kind !== 'update') return;
    this.send({ type: 'busy', busy: true });
    try {
      const { draft, warnings } = await this.host.recompose(s, options);
      s.warnings = warnings;
      s.options = options;
      s.draft = draft;
      s.generated = draft.markdown;
      s.markdown = draft.markdown;
      s.subject = draft.subject;
      this.send({ type: 'state', state: this.state(), replaceText: true });
    } finally {
      this.send({ type: 'busy', busy: false });
    }
  }

  get isReady(): boolean {
    return this.ready;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.host.onDispose(this);
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }
}

export function panelKey(source: PanelSource): string {
  return source.kind === 'update' ? `update:${source.client.toLowerCase()}` : `document:${source.suggestedRecordPath.toLowerCase()}`;
}
