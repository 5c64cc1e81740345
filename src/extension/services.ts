/**
 * What every feature gets from the shell: the clients files, settings, the log, "today", the
 * workspace trust state and the one way to write the user's files.
 */
import * as vscode from 'vscode';
import type { IsoDate } from '../core/clients/model';
import { ClientsStore, type ClientsEntry } from './clientsStore';
import { ContextKey } from './commandIds';
import { Configuration, type Settings } from './config';
import { applyCoreEdits, editFile, writeNewFile } from './edits/apply';
import { createLogger, type Logger } from './log';

export interface Services {
  /** Today's local date; `CLIENT_PULSE_TODAY=YYYY-MM-DD` fixes it (tests, demos). */
  today(): IsoDate;
  log: Logger;
  config: Configuration;
  store: ClientsStore;
  /** The clients file to use now (active editor's folder first); undefined when there is none. */
  clientsFile(): Promise<ClientsEntry | undefined>;
  settings(scope: vscode.Uri | undefined): Settings;
  /** Creates a file; resolves false (writing nothing) when it exists already. */
  writeNewFile(uri: vscode.Uri, content: Uint8Array | string): Promise<boolean>;
  applyCoreEdits: typeof applyCoreEdits;
  editFile: typeof editFile;
  /** False in Restricted Mode: everything is read-only and git never runs. */
  isTrusted(): boolean;
  /** Fires when the workspace becomes trusted. */
  onDidGrantTrust: vscode.Event<void>;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function localToday(): IsoDate {
  const fixed = process.env.CLIENT_PULSE_TODAY;
  if (fixed && /^\d{4}-\d{2}-\d{2}$/.test(fixed)) return fixed;
  const d = new Date();
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function createServices(context: vscode.ExtensionContext): Services {
  const log = createLogger(context);
  const config = new Configuration();
  const store = new ClientsStore(config, log);
  context.subscriptions.push(config, store);

  const setReadOnly = (): void => {
    void vscode.commands.executeCommand('setContext', ContextKey.ReadOnly, !vscode.workspace.isTrusted);
  };
  setReadOnly();
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(setReadOnly));

  return {
    today: localToday,
    log,
    config,
    store,
    clientsFile: () => store.preferred(),
    settings: (scope) => config.get(scope),
    writeNewFile,
    applyCoreEdits,
    editFile,
    isTrusted: () => vscode.workspace.isTrusted,
    onDidGrantTrust: vscode.workspace.onDidGrantWorkspaceTrust,
  };
}
