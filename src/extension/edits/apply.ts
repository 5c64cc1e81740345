/**
 * The one module that writes the user's files from the extension.
 *
 * - A file open in an editor is changed with a `WorkspaceEdit` computed against the document's
 *   current text (so unsaved changes are respected and the change is undoable). A document that
 *   had no unsaved changes is saved afterwards; one that had stays unsaved (the user's choice).
 * - A file not open anywhere is changed byte-exactly on disk: decoded as UTF-8 (BOM kept as
 *   U+FEFF), edited, encoded again. Line breaks, tabs, trailing spaces and everything outside the
 *   edited ranges stay as they were.
 * - New files are created exclusively: an existing file is never overwritten.
 */
import * as vscode from 'vscode';
import { errorText } from '../notices';
import type { TextEdit } from '../../core/clients/model';
import { ClientsFileDecodeError, decodeClientsFile } from '../../core/project/clientsFile';
import { createExclusive } from '../../core/project/save';
import { applyToText, EditError } from './text';

export { applyToText, EditError };

function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  const key = uri.toString();
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key && !d.isClosed);
}


async function readDisk(uri: vscode.Uri): Promise<string> {
  const bytes = await vscode.workspace.fs.readFile(uri);
  try {
    return decodeClientsFile(bytes, uri.fsPath);
  } catch (e) {
    if (e instanceof ClientsFileDecodeError) throw new EditError(vscode.l10n.t('Client Pulse does not change it: {0}', errorText(e)));
    throw e;
  }
}

/** The text the user currently sees for `uri`: the open document's (maybe unsaved) text, else the file on disk. */
export async function currentText(uri: vscode.Uri): Promise<string> {
  return openDocument(uri)?.getText() ?? (await readDisk(uri));
}

/**
 * Reads the current text of `uri`, lets `compute` derive core edits from it, and applies them.
 * Resolves to false when `compute` returned no edits (nothing changed).
 */
export async function editFile(uri: vscode.Uri, compute: (text: string) => readonly TextEdit[] | undefined): Promise<boolean> {
  const document = openDocument(uri);
  if (document) {
    const wasDirty = document.isDirty;
    const version = document.version;
    const edits = compute(document.getText());
    if (!edits || edits.length === 0) return false;
    if (document.version !== version) throw new EditError(vscode.l10n.t('The file changed while it was being edited; try again.'));
    const edit = new vscode.WorkspaceEdit();
    for (const e of edits) {
      edit.replace(uri, new vscode.Range(document.positionAt(e.offset), document.positionAt(e.offset + e.length)), e.newText);
    }
    if (!(await vscode.workspace.applyEdit(edit))) throw new EditError(vscode.l10n.t('VS Code refused the edit of {0}.', uri.fsPath));
    if (!wasDirty) await document.save();
    return true;
  }
  const text = await readDisk(uri);
  const edits = compute(text);
  if (!edits || edits.length === 0) return false;
  const next = applyToText(text, edits);
  // Re-check just before writing: never clobber a change made meanwhile.
  if ((await readDisk(uri)) !== text) throw new EditError(vscode.l10n.t('The file changed while it was being edited; try again.'));
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(next));
  return true;
}

/** Applies core edits computed against {@link currentText} of `uri`. */
export async function applyCoreEdits(uri: vscode.Uri, edits: readonly TextEdit[]): Promise<boolean> {
  return editFile(uri, () => edits);
}

/**
 * Creates `uri` with `content` (and its parent folders). Resolves false, writing nothing, when the
 * file exists already.
 */
export async function writeNewFile(uri: vscode.Uri, content: Uint8Array | string): Promise<boolean> {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  if (uri.scheme === 'file') return createExclusive(uri.fsPath, bytes);
  try {
    await vscode.workspace.fs.stat(uri);
    return false;
  } catch {
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
    await vscode.workspace.fs.writeFile(uri, bytes);
    return true;
  }
}
