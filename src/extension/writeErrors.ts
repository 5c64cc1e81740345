/**
 * Write failures (core/project/write's codes) worded for the extension's messages, in the UI
 * language: "The disk is full; clients.md was not changed", never a raw ENOSPC/EPERM.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { WriteError } from '../core/project/write';

function shown(p: string): string {
  const rel = vscode.workspace.asRelativePath(p, false);
  return rel === p ? p : rel;
}

/** The message for a failed write. */
export function writeErrorMessage(e: WriteError): string {
  const t = vscode.l10n.t;
  const name = shown(e.file);
  const change = e.action === 'change';
  switch (e.problem) {
    case 'disk-full':
      return change ? t('The disk is full; {0} was not changed. Free some space and try again.', name) : t('The disk is full; {0} was not saved. Free some space and try again.', name);
    case 'read-only':
      return change ? t('{0} is read-only; it was not changed. Make it writable and try again.', name) : t('The folder of {0} is read-only; it was not saved. Make it writable and try again.', name);
    case 'read-only-disk':
      return change ? t('{0} is on a read-only disk; it was not changed.', name) : t('{0} is on a read-only disk; it was not saved.', name);
    case 'no-permission':
      return t('You may not write in {0}; {1} was not written. Check the folder\'s permissions.', shown(path.dirname(e.file)), name);
    case 'name-too-long':
      return t('The name {0} is too long for this disk; nothing was saved. Choose a shorter name.', path.basename(e.file));
    case 'outside-workspace':
      return t('{0} was not written: {1} leads to {2}, outside the workspace folder. Client Pulse writes only inside the workspace; replace the link with a real folder.', name, shown(e.via?.path ?? e.file), e.via?.real ?? e.file);
    case 'inside-git':
      return t('{0} was not written: it would be inside a .git folder ({1}). Client Pulse never writes in .git.', name, e.via?.real ?? e.file);
    case 'not-a-folder':
      return t('{0} was not written: {1} is not a folder.', name, shown(e.via?.path ?? path.dirname(e.file)));
    case 'not-a-file':
      return t('{0} was not written: it is not a regular file.', name);
    case 'changed':
      return t('{0} changed on disk while it was being edited; it was not changed. Try again.', name);
    case 'missing':
      return t('{0} no longer exists; it was not changed.', name);
    case 'not-verified':
      return t('The bytes written to {0} could not be read back as written; it was not written. Check the disk.', name);
    case 'failed':
      return t('{0} was not written: {1}', name, e.detail ?? '');
  }
}

/** A failed write as an Error with the worded message (other errors pass through). */
export function wordWriteError(e: unknown): unknown {
  return e instanceof WriteError ? new Error(writeErrorMessage(e)) : e;
}

/** Awaits `p`, turning a failed write into an Error with the worded message. */
export async function worded<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (e) {
    throw wordWriteError(e);
  }
}
