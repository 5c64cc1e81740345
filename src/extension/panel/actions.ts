/**
 * What the panel's buttons do on the host: copy (plain text, markdown, rich HTML via the page),
 * open the mail client (`mailto:`, or an `.eml` when the URL would be too long), save as `.eml`,
 * save the record or document. The e-mail is the provider's envelope of the session; the file
 * "Save" writes is the provider's; every file is created new, never overwritten.
 */
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { worded } from '../writeErrors';
import { requireTrust } from '../trust';
import type { IsoDate } from '../../core/model';
import { buildEml, mailtoUrl } from '../../core/export/mail';
import { markdownToHtmlDocument, markdownToText } from '../../core/export/markdown';
import { createExclusive } from '../../core/project/save';
import { clientSlug } from '../../core/records/naming';
import type { CopyFormat } from '../../shared/protocol';
import type { PanelActions, PanelView, Session } from './types';

export interface ActionEnv {
  today(): IsoDate;
  log: { info(message: string): void; warn(message: string): void };
  /** Creates a new file; resolves false (writing nothing) when it already exists. */
  writeNewFile(uri: vscode.Uri, content: Uint8Array): Promise<boolean>;
}

/** What the last action did (read by the integration tests through the test-only command). */
export interface LastAction {
  kind: 'copy' | 'richCopy' | 'mailto' | 'mailEml' | 'saveEml' | 'downloadEml' | 'save' | 'saveDraft' | 'unchanged';
  detail: string;
}

/**
 * True when the extension host is not on the user's machine (a browser workbench, or a remote
 * window): files it writes land on the server, so a file for the user is offered as a download.
 */
export function isBrowserOrRemote(): boolean {
  return vscode.env.uiKind === vscode.UIKind.Web || vscode.env.remoteName !== undefined;
}

/** Where a file the user takes elsewhere goes by default: their downloads folder (XDG, else ~/Downloads), else home. */
export async function downloadsDir(): Promise<string> {
  const home = os.homedir();
  const candidates = [process.env.XDG_DOWNLOAD_DIR, path.join(home, 'Downloads')].filter((d): d is string => !!d);
  for (const dir of candidates) {
    const stat = await fs.stat(dir).catch(() => undefined);
    if (stat?.isDirectory()) return dir;
  }
  return home;
}

/** The client an update is for ('' for a document): names the .eml files. */
function clientOf(session: Session): string {
  return session.source.kind === 'update' ? session.source.client : '';
}

export class Actions implements PanelActions {
  private nextRequest = 1;
  private readonly richRequests = new Map<number, string>();
  /** For tests: the last thing an action did. */
  last: LastAction | undefined;

  constructor(private readonly env: ActionEnv) {}

  async copy(panel: PanelView, format: CopyFormat): Promise<void> {
    const s = panel.session;
    if (format === 'html') {
      const html = markdownToHtmlDocument(s.markdown, s.subject, panel.provider.envelope(s).language);
      const requestId = this.nextRequest++;
      this.richRequests.set(requestId, html);
      panel.send({ type: 'richCopy', html, text: markdownToText(s.markdown), requestId });
      return;
    }
    const text = format === 'markdown' ? s.markdown : markdownToText(s.markdown);
    await vscode.env.clipboard.writeText(text);
    this.last = { kind: 'copy', detail: format };
    panel.notify('info', format === 'markdown' ? vscode.l10n.t('Copied as Markdown.') : vscode.l10n.t('Copied as plain text.'));
  }

  /** The page reports whether it could put HTML on the clipboard; if not, copy the HTML source. */
  async richCopyResult(panel: PanelView, requestId: number, ok: boolean, error: string | undefined): Promise<void> {
    const html = this.richRequests.get(requestId);
    this.richRequests.delete(requestId);
    if (html === undefined) {
      this.env.log.warn(`draft panel: rich copy result for unknown request ${requestId}`);
      return;
    }
    if (ok) {
      this.last = { kind: 'richCopy', detail: 'html' };
      return;
    }
    this.env.log.info(`draft panel: rich copy refused by the webview (${error ?? 'no reason'}); copying the HTML source instead`);
    await vscode.env.clipboard.writeText(html);
    this.last = { kind: 'richCopy', detail: 'html-source' };
    panel.notify('warning', vscode.l10n.t('Rich text could not be copied here, so the HTML source was copied instead. Paste it into a mail client that accepts HTML.'));
  }

  async openMail(panel: PanelView): Promise<void> {
    const envelope = panel.provider.envelope(panel.session);
    const url = mailtoUrl(envelope);
    if (url) {
      this.last = { kind: 'mailto', detail: url };
      const opened = await vscode.env.openExternal(vscode.Uri.parse(url, true));
      panel.notify(opened ? 'info' : 'warning', opened ? vscode.l10n.t('Handed the message to your mail client.') : vscode.l10n.t('No mail client opened the message. Copy the text or save an .eml file instead.'));
      return;
    }
    // Too long for a mailto: URL in every mail client: hand over an .eml file instead.
    const eml = await buildEml(envelope);
    const name = this.emlName(panel.session);
    if (isBrowserOrRemote()) {
      // The extension runs on another machine than the user's: the file goes to their browser.
      this.offerDownload(panel, name, eml);
      panel.notify('info', vscode.l10n.t('The update is too long for a mail link, so your browser was offered {0} as a download. Open the downloaded file to send it from your mail app.', name));
      return;
    }
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'client-pulse-'));
    const file = path.join(dir, name);
    await createExclusive(file, eml);
    this.last = { kind: 'mailEml', detail: file };
    const opened = await vscode.env.openExternal(vscode.Uri.file(file));
    if (opened) panel.notify('info', vscode.l10n.t('The update is too long for a mail link, so it was saved as {0} and handed to your mail app.', file));
    else panel.notify('warning', vscode.l10n.t('No app opened {0}. Open it from your mail client.', file));
  }

  async saveEml(panel: PanelView): Promise<void> {
    const s = panel.session;
    const name = this.emlName(s);
    if (isBrowserOrRemote()) {
      this.offerDownload(panel, name, await buildEml(panel.provider.envelope(s)));
      panel.notify('info', vscode.l10n.t('Your browser was offered {0} as a download (it saves it where your downloads go).', name));
      return;
    }
    const target = await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.file(path.join(await downloadsDir(), name)),
      filters: { [vscode.l10n.t('E-mail message')]: ['eml'] },
      saveLabel: vscode.l10n.t('Save .eml'),
      title: vscode.l10n.t('Save the update as an e-mail file'),
    });
    if (!target) {
      panel.notify('info', vscode.l10n.t('Not saved: no file was chosen.'));
      return;
    }
    const eml = await buildEml(panel.provider.envelope(s));
    if (!(await this.env.writeNewFile(target, eml))) {
      panel.notify('error', vscode.l10n.t('{0} already exists and was left as it is. Choose another name.', target.fsPath));
      return;
    }
    this.last = { kind: 'saveEml', detail: target.fsPath };
    panel.notify('info', vscode.l10n.t('Saved {0}.', target.fsPath));
  }

  private emlName(s: Session): string {
    return `${this.env.today()}-${clientSlug(clientOf(s) || s.title)}.eml`;
  }

  private offerDownload(panel: PanelView, name: string, content: Uint8Array): void {
    this.last = { kind: 'downloadEml', detail: name };
    panel.send({ type: 'download', name, mime: 'message/rfc822', base64: Buffer.from(content).toString('base64') });
  }

  /** "Save draft" (updates): the text to finish later, not recorded as sent. */
  async saveDraft(panel: PanelView): Promise<void> {
    if (!panel.provider.saveDraft) return;
    requireTrust(vscode.l10n.t('Saving the draft'));
    const saved = await worded(panel.provider.saveDraft(panel.session));
    const rel = vscode.workspace.asRelativePath(saved.uri);
    this.last = { kind: saved.written ? 'saveDraft' : 'unchanged', detail: saved.uri.fsPath };
    panel.saved();
    panel.notify('info', saved.written ? vscode.l10n.t('Draft saved as {0} (not sent: the next update is still due).', rel) : vscode.l10n.t('This draft is already saved as {0}.', rel));
  }

  /** Mark as sent (updates) or save document (handover): a new file, never an overwrite. */
  async save(panel: PanelView): Promise<void> {
    requireTrust(vscode.l10n.t('Saving the record'));
    const saved = await worded(panel.provider.save(panel.session));
    const written = saved.uri;
    panel.saved();
    if (!saved.written) {
      this.last = { kind: 'unchanged', detail: written.fsPath };
      panel.notify('info', vscode.l10n.t('Already recorded as sent in {0}: nothing new to save.', vscode.workspace.asRelativePath(written)));
      return;
    }
    this.last = { kind: 'save', detail: written.fsPath };
    const rel = vscode.workspace.asRelativePath(written);
    panel.notify('info', vscode.l10n.t('Saved {0}.', rel));
    const open = vscode.l10n.t('Open');
    void vscode.window.showInformationMessage(vscode.l10n.t('Client Pulse: saved {0}.', rel), open).then((choice) => {
      if (choice === open) void vscode.window.showTextDocument(written, { preview: true });
    });
  }
}
