/**
 * One panel: a WebviewPanel, the session behind it (where the text came from, the user's choices
 * and text) and the handling of every message the page posts. Messages are validated against the
 * protocol first; anything else is rejected and logged. What the buttons do is the actions'; what
 * depends on the source (its e-mail, save, composing again) is its provider's.
 */
import * as vscode from 'vscode';
import type { DraftOptions, HostToPage, NoticeLevel, PageToHost, PanelSettings, PanelState } from '../../shared/protocol';
import { parsePageToHost } from '../../shared/protocol';
import { pageHtml, webviewOptions } from './html';
import { panelKey, panelState } from './session';
import type { PanelActions, PanelLog, PanelProvider, PanelView, Session } from './types';

export const VIEW_TYPE = 'clientPulse.draft';

/** What one panel needs from the service that made it. */
export interface PanelHost {
  extensionUri: vscode.Uri;
  log: PanelLog;
  actions: PanelActions;
  settings(): PanelSettings;
  onDispose(panel: Panel): void;
}

export class Panel implements PanelView {
  private readonly disposables: vscode.Disposable[] = [];
  private ready = false;
  private disposed = false;

  constructor(
    readonly panel: vscode.WebviewPanel,
    public session: Session,
    readonly provider: PanelProvider,
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
    return panelState(this.session, this.host.settings());
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

  notify(level: NoticeLevel, text: string): void {
    this.send({ type: 'notice', level, text });
  }

  /** Test mode only: a message as if the page had posted it (it goes through validation). */
  receiveForTest(raw: unknown): Promise<void> {
    return this.receive(raw);
  }

  private async receive(raw: unknown): Promise<void> {
    const parsed = parsePageToHost(raw);
    if (!parsed.ok) {
      this.host.log.warn(`panel: rejected a message from the page (${parsed.error})`);
      return;
    }
    try {
      await this.handle(parsed.value);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      this.host.log.error(`panel: ${parsed.value.type} failed: ${message}`);
      this.notify('error', message);
      void vscode.window.showErrorMessage(vscode.l10n.t('Client Pulse: {0}', message));
    }
  }

  private async handle(m: PageToHost): Promise<void> {
    // Every message that carries the page's text brings the user's latest edits: keep them first.
    if ('markdown' in m) {
      this.session.markdown = m.markdown;
      this.session.subject = m.subject;
    }
    switch (m.type) {
      case 'ready':
        this.ready = true;
        this.send({ type: 'state', state: this.state(), replaceText: false });
        return;
      case 'edited':
        return;
      case 'regenerate':
        await this.regenerate(m.options);
        return;
      case 'copy':
        await this.host.actions.copy(this, m.format);
        return;
      case 'richCopyResult':
        await this.host.actions.richCopyResult(this, m.requestId, m.ok, m.error);
        return;
      case 'openMail':
        await this.host.actions.openMail(this);
        return;
      case 'saveEml':
        await this.host.actions.saveEml(this);
        return;
      case 'saveRecord':
        await this.host.actions.save(this);
        return;
    }
  }

  async regenerate(options: DraftOptions): Promise<void> {
    const s = this.session;
    if (!this.provider.recompose) return;
    this.send({ type: 'busy', busy: true });
    try {
      const { draft, warnings } = await this.provider.recompose(s, options);
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
