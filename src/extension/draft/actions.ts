/**
 * What the panel's buttons do on the host: copy (plain text, markdown, rich HTML via the page),
 * open the mail client (`mailto:`, or an `.eml` when the URL would be too long), save as `.eml`,
 * save the record or document. Files are written through the shell's single writer, which never
 * overwrites.
 */
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { IsoDate } from '../../core/clients/model';
import type { Draft } from '../../core/draft/types';
import { buildEml, mailtoUrl, markdownToHtmlDocument, markdownToText } from '../../core/export';
import { createExclusive, firstFreeName, saveNew } from '../../core/project/save';
import { clientSlug } from '../../core/records/naming';
import { draftsDir, saveRecordOnce, updatesDir } from '../../core/records/store';
import type { CopyFormat } from '../../shared/protocol';
import type { DraftPanel, Session } from './panel';

export interface ActionEnv {
  today(): IsoDate;
  log: { info(message: string): void; warn(message: string): void };
  /** The `.project` folder (the clients file's folder), when the workspace has one. */
  projectDir(): Promise<vscode.Uri | undefined>;
  /** The workspace folder paths of documents are relative to. */
  workspaceRoot(): Promise<vscode.Uri | undefined>;
  /** Creates a new file; resolves false (writing nothing) when it already exists. */
  writeNewFile(uri: vscode.Uri, content: Uint8Array): Promise<boolean>;
  /** After an update is saved: the proposed new dates into clients.md (asks first); how many. */
  writeProposedDates?(draft: Draft | undefined): Promise<number>;
}

/** What the last action did (read by the integration tests through the test-only command). */
export interface LastAction {
  kind: 'copy' | 'richCopy' | 'mailto' | 'mailEml' | 'saveEml' | 'save' | 'saveDraft' | 'unchanged';
  detail: string;
}


/** A Draft-shaped value for documents, so the e-mail builders can be shared. */
export function draftOf(session: Session, today: IsoDate): Draft {
  const subject = session.subject;
  if (session.draft) return { ...session.draft, subject, markdown: session.markdown };
  const language = session.source.kind === 'document' ? session.source.language : session.options.language;
  return {
    client: session.source.kind === 'update' ? session.source.client : '',
    language,
    audience: session.options.audience,
    period: session.source.kind === 'update' ? session.source.period : { since: today, until: today },
    today,
    subject,
    to: [],
    cc: [],
    greeting: '',
    status: { status: 'on-track', reasons: [], overridden: false },
    sections: [],
    signOff: '',
    markdown: session.markdown,
  };
}

export class PanelActions {
  private nextRequest = 1;
  private readonly richRequests = new Map<number, string>();
  /** For tests: the last thing an action did. */
  last: LastAction | undefined;

  constructor(private readonly env: ActionEnv) {}

  async copy(panel: DraftPanel, format: CopyFormat): Promise<void> {
    const s = panel.session;
    if (format === 'html') {
      const html = markdownToHtmlDocument(s.markdown, s.subject, draftOf(s, this.env.today()).language);
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
  async richCopyResult(panel: DraftPanel, requestId: number, ok: boolean, error: string | undefined): Promise<void> {
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

  async openMail(panel: DraftPanel): Promise<void> {
    const draft = draftOf(panel.session, this.env.today());
    const url = mailtoUrl(draft, { markdown: panel.session.markdown });
    if (url) {
      this.last = { kind: 'mailto', detail: url };
      const opened = await vscode.env.openExternal(vscode.Uri.parse(url, true));
      if (!opened) panel.notify('warning', vscode.l10n.t('No mail client opened the message. Copy the text or save an .eml file instead.'));
      return;
    }
    // Too long for a mailto: URL in every mail client: hand over an .eml file instead.
    const eml = await buildEml(draft, { markdown: panel.session.markdown });
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'client-pulse-'));
    const file = path.join(dir, `${this.env.today()}-${clientSlug(draft.client || draft.subject)}.eml`);
    await createExclusive(file, eml);
    this.last = { kind: 'mailEml', detail: file };
    panel.notify('info', vscode.l10n.t('The update is too long for a mail link, so it was saved as {0} and opened in your mail app.', file));
    const opened = await vscode.env.openExternal(vscode.Uri.file(file));
    if (!opened) panel.notify('warning', vscode.l10n.t('No app opened {0}. Open it from your mail client.', file));
  }

  async saveEml(panel: DraftPanel): Promise<void> {
    const s = panel.session;
    const draft = draftOf(s, this.env.today());
    const dir = await this.env.projectDir();
    const name = `${this.env.today()}-${clientSlug(draft.client || s.title)}.eml`;
    const defaultUri = dir ? vscode.Uri.joinPath(dir, 'updates', name) : undefined;
    const target = await vscode.window.showSaveDialog({
      defaultUri,
      filters: { [vscode.l10n.t('E-mail message')]: ['eml'] },
      saveLabel: vscode.l10n.t('Save .eml'),
      title: vscode.l10n.t('Save the update as an e-mail file'),
    });
    if (!target) return;
    const eml = await buildEml(draft, { markdown: s.markdown });
    if (!(await this.env.writeNewFile(target, eml))) {
      panel.notify('error', vscode.l10n.t('{0} already exists and was left as it is. Choose another name.', target.fsPath));
      return;
    }
    this.last = { kind: 'saveEml', detail: target.fsPath };
    panel.notify('info', vscode.l10n.t('Saved {0}.', vscode.workspace.asRelativePath(target)));
  }

  /** "Save draft": the update to finish later, in `.project/updates/drafts/` (not a sent record). */
  async saveDraft(panel: DraftPanel): Promise<void> {
    const s = panel.session;
    const dir = await this.env.projectDir();
    if (s.source.kind !== 'update' || !dir || !s.draft) throw new Error(vscode.l10n.t('Open the workspace folder that holds .project/clients.md to save records.'));
    const saved = await saveRecordOnce(draftsDir(updatesDir(dir.fsPath)), draftOf(s, this.env.today()), { sent: this.env.today(), markdown: s.markdown, draft: true });
    const rel = vscode.workspace.asRelativePath(saved.path);
    this.last = { kind: saved.written ? 'saveDraft' : 'unchanged', detail: saved.path };
    panel.notify('info', saved.written ? vscode.l10n.t('Draft saved as {0} (not sent: the next update is still due).', rel) : vscode.l10n.t('This draft is already saved as {0}.', rel));
  }

  /** Mark as sent (updates) or save document (handover): a new file, never an overwrite. */
  async save(panel: DraftPanel): Promise<void> {
    const s = panel.session;
    let written: vscode.Uri;
    if (s.source.kind === 'update') {
      const dir = await this.env.projectDir();
      if (!dir || !s.draft) throw new Error(vscode.l10n.t('Open the workspace folder that holds .project/clients.md to save records.'));
      // "Mark as sent": the record the cadence and "since the last update" read; an identical one is not written twice.
      const saved = await saveRecordOnce(updatesDir(dir.fsPath), draftOf(s, this.env.today()), { sent: this.env.today(), markdown: s.markdown });
      written = vscode.Uri.file(saved.path);
      if (!saved.written) {
        this.last = { kind: 'unchanged', detail: saved.path };
        panel.notify('info', vscode.l10n.t('Already recorded as sent in {0}: nothing new to save.', vscode.workspace.asRelativePath(written)));
        return;
      }
      const moved = (await this.env.writeProposedDates?.(s.draft)) ?? 0;
      if (moved > 0) panel.notify('info', moved === 1 ? vscode.l10n.t('The new date is in clients.md; the missed one is kept as promised:.') : vscode.l10n.t('{0} new dates are in clients.md; the missed ones are kept as promised:.', moved));
    } else {
      const root = await this.env.workspaceRoot();
      if (!root) throw new Error(vscode.l10n.t('Open a workspace folder to save the document.'));
      const wanted = vscode.Uri.joinPath(root, ...s.source.suggestedRecordPath.split(/[\\/]/)).fsPath;
      const text = s.markdown.endsWith('\n') ? s.markdown : `${s.markdown}\n`;
      written = vscode.Uri.file(await saveNew(path.dirname(wanted), (taken) => firstFreeName(path.basename(wanted), taken), text));
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
