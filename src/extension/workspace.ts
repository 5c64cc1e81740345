/**
 * What every command that writes from the clients file reads of the workspace the same way: the
 * clients file itself (or the one error when there is none), the `.project` folder, the folders
 * whose history is read, the workspace folder documents are saved under, and the language a new
 * document is written in.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Client } from '../core/clients/model';
import type { Language } from '../core/model';
import type { Settings } from './config';

/** Where the clients file is and what it says. */
export interface ClientsSnapshot {
  uri: vscode.Uri;
  text: string;
  clients: Client[];
}

/** The clients file to use now; the one actionable error when the workspace has none. */
export async function requireClientsFile(read: () => Promise<ClientsSnapshot | undefined>): Promise<ClientsSnapshot> {
  const clients = await read();
  if (!clients) throw new Error(vscode.l10n.t('no clients file found. Run "Client Pulse: Create clients file" first.'));
  return clients;
}

/** The `.project` folder that holds the clients file. */
export function projectDirOf(clientsUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(clientsUri, '..');
}

/**
 * The folders whose commits are read: every workspace folder on disk (routing picks each
 * client's), else the folder that holds `.project`.
 */
export function historyRoots(clientsUri: vscode.Uri): string[] {
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
  return folders.length > 0 ? folders : [path.dirname(path.dirname(clientsUri.fsPath))];
}

/** The workspace folder that holds the clients file (else the first one): where documents are saved. */
export function workspaceFolderOf(clientsUri: vscode.Uri | undefined): vscode.Uri | undefined {
  return (clientsUri && vscode.workspace.getWorkspaceFolder(clientsUri)?.uri) ?? vscode.workspace.workspaceFolders?.[0]?.uri;
}

/** VS Code's display language as a document language: a Chinese UI (`zh-cn`, `zh-tw`…) writes Chinese. */
export function uiLanguage(): Language {
  return vscode.env.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/** The language a new document is written in: the client's, else the setting, else the UI's. */
export function documentLanguage(setting: Settings['language'], client?: Client): Language {
  if (client?.language) return client.language;
  return setting !== 'auto' ? setting : uiLanguage();
}
