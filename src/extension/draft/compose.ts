/**
 * Composing an update for the panel: gather (clients file, git, last record, template) and
 * compose with core. In an untrusted workspace git does not run: the draft comes from clients.md
 * only (`useGit: false`).
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Client, IsoDate, Language } from '../../core/clients/model';
import { composeDraft } from '../../core/draft/compose';
import { gatherDraftInput } from '../../core/draft/gather';
import { leftOutNote } from '../../core/mailbox';
import { noticeText } from '../notices';
import type { Draft } from '../../core/draft/types';
import type { Period } from '../../core/git/types';
import { optionsFromSettings } from '../../core/project/draftOptions';
import type { DraftOptions } from '../../shared/protocol';
import type { DraftSettings } from '../config';

/** Where the clients file is and what it says. */
export interface ClientsSnapshot {
  uri: vscode.Uri;
  text: string;
  clients: Client[];
}

export interface ComposeRequest {
  clients: ClientsSnapshot;
  settings: DraftSettings;
  client: string;
  period: Period;
  options: DraftOptions;
  today: IsoDate;
  useGit: boolean;
}

export interface Composed {
  draft: Draft;
  warnings: string[];
}

/** The `.project` folder that holds the clients file. */
export function projectDirOf(clientsUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(clientsUri, '..');
}

/** The draft language before the user switches it: the client's, else the setting, else VS Code's. */
export function initialLanguage(client: Client | undefined, setting: DraftSettings['language']): Language {
  if (client?.language) return client.language;
  if (setting !== 'auto') return setting;
  return vscode.env.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/** Folders whose commits may belong to the client: every workspace folder (routing picks the client's). */
function roots(clientsUri: vscode.Uri): string[] {
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
  if (folders.length) return folders;
  return [path.dirname(path.dirname(clientsUri.fsPath))];
}

export async function composeUpdate(req: ComposeRequest): Promise<Composed> {
  const s = req.settings;
  const gathered = await gatherDraftInput({
    roots: req.useGit ? roots(req.clients.uri) : [],
    clientsText: req.clients.text,
    projectDir: projectDirOf(req.clients.uri).fsPath,
    client: req.client,
    period: req.period,
    today: req.today,
    ...optionsFromSettings(s),
    audience: req.options.audience,
    language: req.options.language,
    ...(req.options.statusOverride ? { statusOverride: req.options.statusOverride } : {}),
    droppedLineIds: req.options.dropped,
    ...(req.options.proposedDates ? { proposedDates: req.options.proposedDates } : {}),
  });
  const draft = composeDraft(gathered.input);
  // Contacts left out of the recipients (not a valid mailbox) are named for the lead.
  return { draft, warnings: [...gathered.warnings, ...(draft.leftOut ?? []).map(leftOutNote)].map(noticeText) };
}
