/**
 * Finds each workspace folder's clients file (setting `clientPulse.clientsFile`), reads it (the
 * open document's text when it is open, else the file on disk), parses it with the core and keeps
 * the result until the text changes. Fires `onDidChange` (debounced while the user types) so the
 * tree, diagnostics and status bar follow edits, saves and changes made outside VS Code.
 */
import * as vscode from 'vscode';
import { errorText } from './notices';
import type { Client, ClientsFile } from '../core/clients/model';
import { parseClientsOnce } from './parsed';
import { ClientsFileDecodeError, decodeClientsFile } from '../core/project/clientsFile';
import { ContextKey } from './commandIds';
import type { Configuration } from './config';
import type { Logger } from './log';

/** One workspace folder's clients file as it reads now. */
export interface ClientsEntry {
  folder: vscode.WorkspaceFolder;
  uri: vscode.Uri;
  text: string;
  file: ClientsFile;
  /** Same as `file.clients` (the shape other features take). */
  clients: Client[];
  /** The open document's version, when the text came from an open document. */
  documentVersion?: number;
}

export const TYPING_DEBOUNCE_MS = 300;
/** A clients file at least this big (UTF-16 code units of text, or bytes) is announced while read, for a progress bar. */
export const LARGE_FILE_SIZE = 512 * 1024;


export class ClientsStore implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when any clients file appeared, disappeared or changed. */
  readonly onDidChange = this.changed.event;
  private readonly largeRead = new vscode.EventEmitter<Thenable<void>>();
  /** Fires with the pending read when a large clients file is read and parsed (views show progress while it runs). */
  readonly onDidStartLargeRead = this.largeRead.event;
  private entries = new Map<string, ClientsEntry>();
  private watchers: vscode.Disposable[] = [];
  private loading: Promise<void> | undefined;
  private dirtyAll = true;
  private readonly dirtyFolders = new Set<string>();
  private readonly typingTimers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly config: Configuration, private readonly log: Logger) {
    this.disposables.push(
      this.changed,
      this.largeRead,
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.invalidateAll()),
      config.onDidChange(() => this.invalidateAll()),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length === 0 || !this.folderOf(e.document.uri)) return;
        this.scheduleTyping(e.document.uri);
      }),
      vscode.workspace.onDidSaveTextDocument((d) => this.invalidateUri(d.uri)),
      vscode.workspace.onDidOpenTextDocument((d) => this.invalidateUri(d.uri)),
      vscode.workspace.onDidCloseTextDocument((d) => this.invalidateUri(d.uri)),
    );
    this.rewatch();
  }

  /** The configured clients file location of a folder (whether or not it exists). */
  locationOf(folder: vscode.WorkspaceFolder): vscode.Uri {
    return vscode.Uri.joinPath(folder.uri, this.config.get(folder.uri).clientsFile);
  }

  /** The folder whose clients file `uri` is, if it is one. */
  folderOf(uri: vscode.Uri): vscode.WorkspaceFolder | undefined {
    const key = uri.toString();
    return (vscode.workspace.workspaceFolders ?? []).find((f) => this.locationOf(f).toString() === key);
  }

  /** Every folder's clients file that exists, in workspace-folder order. */
  async all(): Promise<ClientsEntry[]> {
    await this.load();
    const out: ClientsEntry[] = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const entry = this.entries.get(folder.uri.toString());
      if (entry) out.push(entry);
    }
    return out;
  }

  /** The clients file to use when one is needed: the active editor's folder's, else the first. */
  async preferred(): Promise<ClientsEntry | undefined> {
    const all = await this.all();
    const active = vscode.window.activeTextEditor?.document.uri;
    const folder = active && vscode.workspace.getWorkspaceFolder(active);
    return (folder && all.find((e) => e.folder.uri.toString() === folder.uri.toString())) ?? all[0];
  }

  /** The entry of the clients file at `uri`, parsed from its current text. */
  async entryFor(uri: vscode.Uri): Promise<ClientsEntry | undefined> {
    const key = uri.toString();
    return (await this.all()).find((e) => e.uri.toString() === key);
  }

  /** Forgets everything read and reads again (the Refresh command). */
  refresh(): void {
    this.dirtyAll = true;
    this.changed.fire();
  }

  private invalidateAll(): void {
    this.rewatch();
    this.refresh();
  }

  private invalidateUri(uri: vscode.Uri): void {
    const folder = this.folderOf(uri);
    if (!folder) return;
    this.dirtyFolders.add(folder.uri.toString());
    this.changed.fire();
  }

  private scheduleTyping(uri: vscode.Uri): void {
    const key = uri.toString();
    const pending = this.typingTimers.get(key);
    if (pending) clearTimeout(pending);
    this.typingTimers.set(
      key,
      setTimeout(() => {
        this.typingTimers.delete(key);
        this.invalidateUri(uri);
      }, TYPING_DEBOUNCE_MS),
    );
  }

  /** One watcher per folder for its clients file (created, changed or deleted outside VS Code). */
  private rewatch(): void {
    for (const w of this.watchers) w.dispose();
    this.watchers = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, this.config.get(folder.uri).clientsFile));
      const onEvent = (): void => {
        this.dirtyFolders.add(folder.uri.toString());
        this.changed.fire();
      };
      watcher.onDidCreate(onEvent);
      watcher.onDidChange(onEvent);
      watcher.onDidDelete(onEvent);
      this.watchers.push(watcher);
    }
  }

  private load(): Promise<void> {
    if (!this.dirtyAll && this.dirtyFolders.size === 0 && !this.loading) return Promise.resolve();
    if (this.loading) return this.loading.then(() => this.load());
    this.loading = this.reload().finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  private async reload(): Promise<void> {
    const all = this.dirtyAll;
    const dirty = new Set(this.dirtyFolders);
    this.dirtyAll = false;
    this.dirtyFolders.clear();
    const folders = vscode.workspace.workspaceFolders ?? [];
    const next = new Map<string, ClientsEntry>();
    for (const folder of folders) {
      const key = folder.uri.toString();
      const old = this.entries.get(key);
      if (!all && !dirty.has(key)) {
        if (old) next.set(key, old);
        continue;
      }
      const entry = await this.read(folder, old);
      if (entry) next.set(key, entry);
    }
    this.entries = next;
  }

  private async read(folder: vscode.WorkspaceFolder, old: ClientsEntry | undefined): Promise<ClientsEntry | undefined> {
    const uri = this.locationOf(folder);
    const key = uri.toString();
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key && !d.isClosed);
    if (document) {
      if (old && old.uri.toString() === key && old.documentVersion === document.version) return old;
      const text = document.getText();
      const done = text.length >= LARGE_FILE_SIZE ? await this.announce() : undefined;
      try {
        return this.entry(folder, uri, text, document.version);
      } finally {
        done?.();
      }
    }
    const size = await vscode.workspace.fs.stat(uri).then((s) => s.size, () => undefined);
    if (size === undefined) return undefined;
    const done = size >= LARGE_FILE_SIZE ? await this.announce() : undefined;
    try {
      let bytes: Uint8Array;
      try {
        bytes = await vscode.workspace.fs.readFile(uri);
      } catch {
        return undefined;
      }
      let text: string;
      try {
        text = decodeClientsFile(bytes, uri.fsPath);
      } catch (e) {
        // Refused as in the CLI (a lenient decoding would show garbled names with no warning).
        if (!(e instanceof ClientsFileDecodeError)) throw e;
        this.log.error(e.message);
        void vscode.window.showErrorMessage(vscode.l10n.t('Client Pulse cannot read it: {0}', errorText(e)));
        return undefined;
      }
      if (old && old.uri.toString() === key && old.documentVersion === undefined && old.text === text) return old;
      return this.entry(folder, uri, text, undefined);
    } finally {
      done?.();
    }
  }

  /**
   * Tells the views a large file is being read (they show progress) and waits for one round trip
   * to the window, so that their progress is on screen before the parse holds the host. Returns
   * the function that ends it.
   */
  private async announce(): Promise<() => void> {
    let done: () => void = () => undefined;
    this.largeRead.fire(new Promise<void>((resolve) => (done = resolve)));
    await vscode.commands.executeCommand('setContext', ContextKey.ReadingClientsFile, true);
    return () => {
      done();
      void vscode.commands.executeCommand('setContext', ContextKey.ReadingClientsFile, false);
    };
  }

  private entry(folder: vscode.WorkspaceFolder, uri: vscode.Uri, text: string, documentVersion: number | undefined): ClientsEntry {
    const started = Date.now();
    const file = parseClientsOnce(text);
    this.log.info(`parsed ${uri.fsPath}: ${file.clients.length} clients, ${file.diagnostics.length} problems (${Date.now() - started} ms)`);
    return { folder, uri, text, file, clients: file.clients, documentVersion };
  }

  dispose(): void {
    for (const t of this.typingTimers.values()) clearTimeout(t);
    for (const w of this.watchers) w.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
