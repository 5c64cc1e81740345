/**
 * One panel: a WebviewPanel, the session behind it (where the text came from, the user's choices
 * and text) and the handling of every message the page posts. Messages are validated against the
 * protocol first; anything else is rejected and logged. What the buttons do is the actions'; what
 * depends on the source (its e-mail, save, composing again) is its provider's.
 */
import * as vscode from 'vscode';
import { confirmBlanks } from '../blanks';
import { errorText, noticeText } from '../notices';
import type { DraftOptions, HostToPage, NoticeLevel, PageToHost, PanelSettings, PanelState } from '../../shared/protocol';
import { parsePageToHost } from '../../shared/protocol';
import { pageHtml, webviewOptions } from './html';
import { requireTrust } from '../trust';
import type { KeptEditsStore } from './keptEdits';
import { hasUnsavedEdits, panelKey, panelState } from './session';
import type { PanelActions, PanelLog, PanelProvider, PanelView, Session } from './types';

export const VIEW_TYPE = 'clientPulse.draft';

/** What one panel needs from the service that made it. */
export interface PanelHost {
  extensionUri: vscode.Uri;
  log: PanelLog;
  actions: PanelActions;
  settings(): PanelSettings;
  /** Where the edits of a panel closed before saving are kept. */
  kept: KeptEditsStore;
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
      panel.onDidDispose(() => this.dispose(true)),
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

  /** For tests: the last notice shown in the page. */
  lastNotice: { level: NoticeLevel; text: string } | undefined;

  notify(level: NoticeLevel, text: string): void {
    this.lastNotice = { level, text };
    this.send({ type: 'notice', level, text });
  }

  saved(): void {
    const s = this.session;
    s.savedMarkdown = s.markdown;
    s.keptEdits = undefined;
    void this.host.kept.forget(this.key);
    this.send({ type: 'saved', markdown: s.markdown });
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
      this.notify('error', errorText(e));
      void vscode.window.showErrorMessage(vscode.l10n.t('Client Pulse: {0}', errorText(e)));
    }
  }

  private async handle(m: PageToHost): Promise<void> {
    // Every message that carries the page's text brings the user's latest edits: keep them first.
    if ('markdown' in m) {
      this.session.markdown = m.markdown;
      this.session.subject = m.subject;
    }
    // Blanks are a check before anything goes out or is recorded (the lead may go on anyway); a
    // saved draft is work in progress, blanks expected.
    if (m.type === 'copy' || m.type === 'openMail' || m.type === 'saveEml' || m.type === 'saveRecord') {
      // Internal detail in a client e-mail is refused outright, with the reason and the first place selected.
      const refusal = this.provider.refusal?.(this.session);
      if (refusal) {
        this.send({ type: 'select', offset: refusal.offset, length: refusal.length });
        this.notify('error', noticeText(refusal.notice));
        return;
      }
      const select = (b: { offset: number; length: number }) => this.send({ type: 'select', offset: b.offset, length: b.length });
      if (!(await confirmBlanks(m.markdown, m.type === 'saveRecord' ? 'save' : 'send', select))) return;
    }
    switch (m.type) {
      case 'ready':
        this.ready = true;
        this.send({ type: 'state', state: this.state(), replaceText: false });
        return;
      case 'edited':
        return;
      case 'keptEdits':
        this.session.keptEdits = undefined;
        await this.host.kept.forget(this.key);
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
        requireTrust(vscode.l10n.t('Saving the .eml file'));
        await this.host.actions.saveEml(this);
        return;
      case 'saveRecord':
        requireTrust(vscode.l10n.t('Saving the record'));
        await this.host.actions.save(this);
        return;
      case 'saveDraft':
        await this.host.actions.saveDraft(this);
        return;
      case 'changePeriod':
        await this.provider.changePeriod?.(this.session);
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

  /**
   * `closedByUser`: the lead closed the panel; unsaved edits are kept for the next opening (a
   * window that shuts down restores its panels, with their text, through the serializer).
   */
  dispose(closedByUser = false): void {
    if (this.disposed) return;
    this.disposed = true;
    const s = this.session;
    if (closedByUser && hasUnsavedEdits(s)) {
      void this.host.kept.keep(this.key, { markdown: s.markdown, subject: s.subject, keptAt: new Date().toISOString() });
      vscode.window.setStatusBarMessage(vscode.l10n.t('Client Pulse: your edits to “{0}” are kept; open it again to restore them.', s.title), 10_000);
    }
    this.host.onDispose(this);
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }
}
