/**
 * Write failures (core/project/write's `write.*` notices) worded for the extension's messages, in
 * the UI language, paths relative to the workspace: "The disk is full; clients.md was not
 * changed", never a raw ENOSPC/EPERM. The wording is core's one template table (the CLI's too).
 */
import * as vscode from 'vscode';
import { WriteError } from '../core/project/write';
import { noticeText } from './notices';

function shown(p: string): string {
  const rel = vscode.workspace.asRelativePath(p, false);
  return rel === p ? p : rel;
}

/** The message for a failed write. */
export function writeErrorMessage(e: WriteError): string {
  return noticeText(e.noticeWith(shown));
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
