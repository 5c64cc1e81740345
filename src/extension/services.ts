/**
 * What every feature gets from the shell: the clients files, settings, the log, "today", the
 * workspace trust state and the one way to write the user's files.
 */
import * as vscode from 'vscode';
import { localDateOf, resolveToday, TodayError, TODAY_VARIABLE } from '../core/calendar';
import type { IsoDate } from '../core/model';
import { ClientsStore, type ClientsEntry } from './clientsStore';
import { ContextKey } from './commandIds';
import { Configuration, type Settings } from './config';
import { applyCoreEdits, editFile, writeNewFile } from './edits/apply';
import { createLogger, type Logger } from './log';

export interface Services {
  /** Today's local date; `CLIENT_PULSE_TODAY=YYYY-MM-DD` fixes it (tests, demos), as in the CLI. */
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

/** What the commands that write a document from the clients file (draft, handover) need from the shell. */
export type DocumentCommandServices = Pick<Services, 'today' | 'log' | 'clientsFile' | 'settings'>;

/**
 * "Today" by the calendar's one rule (the CLI's too). A bad `CLIENT_PULSE_TODAY` is never used:
 * it is logged and shown once per value, and the clock's date is used until it is fixed.
 */
export function todayReader(log: Logger, env: NodeJS.ProcessEnv = process.env): () => IsoDate {
  let reported: string | undefined;
  return () => {
    try {
      return resolveToday(env);
    } catch (e) {
      if (!(e instanceof TodayError)) throw e;
      const today = localDateOf(new Date());
      if (reported !== e.value) {
        reported = e.value;
        log.error(`${e.message}; using the clock's date ${today}`);
        void vscode.window.showErrorMessage(
          vscode.l10n.t('{0} must be a date YYYY-MM-DD, got "{1}". Set it to a real day such as 2026-11-20, or unset it. Until then Client Pulse uses the clock\'s date, {2}.', TODAY_VARIABLE, e.value, today),
        );
      }
      return today;
    }
  };
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
    today: todayReader(log),
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
