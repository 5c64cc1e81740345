/**
 * The one module that writes the user's files from the extension.
 *
 * - A file open in an editor is changed with a `WorkspaceEdit` computed against the document's
 *   current text (so unsaved changes are respected and the change is undoable). A document that
 *   had no unsaved changes is saved afterwards: first the new bytes are written once to a temp
 *   file beside it (VS Code's save truncates and writes in place, so a full disk or a read-only
 *   file is found before it starts), then after the save the bytes on disk are checked against
 *   the buffer: when they differ, the change is taken back in the editor and the user is told.
 *   A document that had unsaved changes stays unsaved (the user's choice).
 * - A file not open anywhere is changed byte-exactly on disk: decoded as UTF-8 (BOM kept as
 *   U+FEFF), edited (core's applyEdits), encoded again, and written atomically by
 *   core/project/write (temp file, fsync, rename; the original untouched on any failure), only if
 *   the file still holds the bytes it was read from.
 * - New files are created exclusively: an existing file is never overwritten.
 * - Every write stays inside its workspace folder and needs a trusted workspace.
 */
import * as vscode from 'vscode';
import { applyEdits } from '../../core/clients/edits';
import { errorText } from '../notices';
import type { TextEdit } from '../../core/clients/model';
import { ClientsFileDecodeError, decodeClientsFile } from '../../core/project/clientsFile';
import { createFile, probeReplace, replaceFile, restoreInPlace } from '../../core/project/write';
import { requireTrust } from '../trust';
import { worded } from '../writeErrors';

/** A change the extension could not make; the message says why and what to do. */
export class EditError extends Error {}

function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  const key = uri.toString();
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key && !d.isClosed);
}

/** The workspace folder a file of `uri` must stay in (file URIs inside a workspace folder). */
function workspaceOf(uri: vscode.Uri): string | undefined {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  return folder?.uri.scheme === 'file' ? folder.uri.fsPath : undefined;
}

async function readDisk(uri: vscode.Uri): Promise<{ bytes: Uint8Array; text: string }> {
  const bytes = await vscode.workspace.fs.readFile(uri);
  try {
    return { bytes, text: decodeClientsFile(bytes, uri.fsPath) };
  } catch (e) {
    if (e instanceof ClientsFileDecodeError) throw new EditError(vscode.l10n.t('Client Pulse does not change it: {0}', errorText(e)));
    throw e;
  }
}

/** The text the user currently sees for `uri`: the open document's (maybe unsaved) text, else the file on disk. */
export async function currentText(uri: vscode.Uri): Promise<string> {
  return openDocument(uri)?.getText() ?? (await readDisk(uri)).text;
}

/** Whether the file on disk holds what `document` holds (its text; a BOM on disk is not text). */
async function diskHolds(document: vscode.TextDocument): Promise<boolean> {
  try {
    const bytes = await vscode.workspace.fs.readFile(document.uri);
    const text = decodeClientsFile(bytes, document.uri.fsPath);
    return (text.startsWith('\uFEFF') ? text.slice(1) : text) === document.getText();
  } catch {
    return false;
  }
}

/**
 * Saves `document` and checks the disk; on failure puts `before` back in the editor, puts the
 * file's `original` bytes back on disk when the editor's in-place save left it broken, and throws.
 */
async function saveVerified(document: vscode.TextDocument, before: string, original: Uint8Array | undefined): Promise<void> {
  const saved = await document.save().then((ok) => ok, () => false);
  if (saved && !document.isDirty && (await diskHolds(document))) return;
  // Take the change back in the editor, so the view does not show it done; the user's text stays
  // in the editor (unsaved when the file on disk is not what it holds).
  const all = new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length));
  const undo = new vscode.WorkspaceEdit();
  undo.replace(document.uri, all, before);
  await vscode.workspace.applyEdit(undo);
  const name = vscode.workspace.asRelativePath(document.uri, false);
  if (original && document.uri.scheme === 'file' && (await restoreInPlace(document.uri.fsPath, original))) {
    throw new EditError(vscode.l10n.t('{0} could not be saved (is the disk full?): the editor\'s save failed half-way, so Client Pulse put the file back as it was. The change was taken back; try again once the problem is fixed.', name));
  }
  throw new EditError(
    vscode.l10n.t(
      '{0} could not be saved: the file on disk is not what the editor holds (is the disk full or the file read-only?). The change was taken back; your text is in the editor. Save it once the problem is fixed.',
      name,
    ),
  );
}

/** The last edit of each file: edits of one file run one after the other (no tick lost to a race). */
const pending = new Map<string, Promise<unknown>>();

/**
 * Reads the current text of `uri`, lets `compute` derive core edits from it, and applies them.
 * Resolves to false when `compute` returned no edits (nothing changed). Edits of the same file
 * run in the order asked, each on the text the previous one left.
 */
export function editFile(uri: vscode.Uri, compute: (text: string) => readonly TextEdit[] | undefined): Promise<boolean> {
  const key = uri.toString();
  const run = (pending.get(key) ?? Promise.resolve()).then(() => editNow(uri, compute));
  const settled = run.catch(() => undefined);
  pending.set(key, settled);
  void settled.then(() => {
    if (pending.get(key) === settled) pending.delete(key);
  });
  return run;
}

async function editNow(uri: vscode.Uri, compute: (text: string) => readonly TextEdit[] | undefined): Promise<boolean> {
  requireTrust(vscode.l10n.t('Changing the clients file'));
  const document = openDocument(uri);
  if (document) {
    const wasDirty = document.isDirty;
    const version = document.version;
    const before = document.getText();
    const edits = compute(before);
    if (!edits || edits.length === 0) return false;
    if (document.version !== version) throw new EditError(vscode.l10n.t('The file changed while it was being edited; try again.'));
    // The editor's save writes in place: find a full disk or a read-only file before it starts,
    // and keep the bytes on disk to put back should it fail half-way all the same.
    let original: Uint8Array | undefined;
    if (!wasDirty && uri.scheme === 'file') {
      await worded(probeReplace(uri.fsPath, applyEdits(before, edits), { within: workspaceOf(uri) }));
      original = await vscode.workspace.fs.readFile(uri);
    }
    if (document.version !== version) throw new EditError(vscode.l10n.t('The file changed while it was being edited; try again.'));
    const edit = new vscode.WorkspaceEdit();
    for (const e of edits) {
      edit.replace(uri, new vscode.Range(document.positionAt(e.offset), document.positionAt(e.offset + e.length)), e.newText);
    }
    if (!(await vscode.workspace.applyEdit(edit))) throw new EditError(vscode.l10n.t('VS Code refused the edit of {0}.', uri.fsPath));
    if (!wasDirty) await saveVerified(document, before, original);
    return true;
  }
  const { bytes, text } = await readDisk(uri);
  const edits = compute(text);
  if (!edits || edits.length === 0) return false;
  const next = new TextEncoder().encode(applyEdits(text, edits));
  if (uri.scheme === 'file') {
    // Atomic, and only if the file still holds the bytes read: never clobber a change made meanwhile.
    await worded(replaceFile(uri.fsPath, next, { expected: bytes, within: workspaceOf(uri) }));
    return true;
  }
  if ((await readDisk(uri)).text !== text) throw new EditError(vscode.l10n.t('The file changed while it was being edited; try again.'));
  await vscode.workspace.fs.writeFile(uri, next);
  return true;
}

/** Applies core edits computed against {@link currentText} of `uri`. */
export async function applyCoreEdits(uri: vscode.Uri, edits: readonly TextEdit[]): Promise<boolean> {
  return editFile(uri, () => edits);
}

/**
 * Creates `uri` with `content` (and its parent folders), atomically and inside its workspace
 * folder. Resolves false, writing nothing, when the file exists already.
 */
export async function writeNewFile(uri: vscode.Uri, content: Uint8Array | string): Promise<boolean> {
  requireTrust(vscode.l10n.t('Saving a file'));
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  if (uri.scheme === 'file') return (await worded(createFile(uri.fsPath, bytes, { within: workspaceOf(uri) }))) !== undefined;
  try {
    await vscode.workspace.fs.stat(uri);
    return false;
  } catch {
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
    await vscode.workspace.fs.writeFile(uri, bytes);
    return true;
  }
}
