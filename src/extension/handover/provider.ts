/**
 * Handover notes in the shared panel: the session a document opens with, and what the panel
 * service needs to know of document sessions: their e-mail (the notes to the team: the title as
 * subject, no recipients; the lead adds them in the mail client), "Save" (the suggested path in the
 * workspace folder, `-2`, `-3`… when taken, never overwriting) and restoring after a reload.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { HandoverDocument } from '../../core/handover/types';
import { firstFreeName, saveNew } from '../../core/project/save';
import type { PanelProvider, Session } from '../panel/types';
import { workspaceFolderOf, type ClientsSnapshot } from '../workspace';

export interface DocumentServices {
  clientsFile(): Promise<ClientsSnapshot | undefined>;
}

/** The panel session of handover notes; "Save" writes `suggestedRecordPath` (workspace-relative). */
export function handoverSession(doc: Pick<HandoverDocument, 'title' | 'markdown' | 'language'>, suggestedRecordPath: string): Session {
  return {
    source: { kind: 'document', docKind: 'handover', title: doc.title, language: doc.language, suggestedRecordPath },
    title: doc.title,
    options: { audience: 'client', language: doc.language, dropped: [] },
    generated: doc.markdown,
    markdown: doc.markdown,
    subject: doc.title,
    useGit: false,
  };
}

/** Writes `text` as a new file at `file`, or beside it as `-2`, `-3`… when the name is taken; resolves to its path. */
export function saveNotes(file: string, text: string): Promise<string> {
  return saveNew(path.dirname(file), (taken) => firstFreeName(path.basename(file), taken), text);
}

export function documentProvider(services: DocumentServices): PanelProvider {
  return {
    envelope(session) {
      const language = session.source.kind === 'document' ? session.source.language : session.options.language;
      return { to: [], cc: [], subject: session.subject, language, text: session.markdown };
    },

    async save(session) {
      if (session.source.kind !== 'document') throw new Error('only documents are saved as notes');
      const root = workspaceFolderOf((await services.clientsFile())?.uri);
      if (!root) throw new Error(vscode.l10n.t('Open a workspace folder to save the document.'));
      const wanted = vscode.Uri.joinPath(root, ...session.source.suggestedRecordPath.split(/[\\/]/)).fsPath;
      const text = session.markdown.endsWith('\n') ? session.markdown : `${session.markdown}\n`;
      return vscode.Uri.file(await saveNotes(wanted, text));
    },

    async restore({ source, options, markdown, generated, subject }) {
      return { source, title: source.kind === 'document' ? source.title : '', options, generated, markdown, subject, useGit: vscode.workspace.isTrusted };
    },
  };
}
