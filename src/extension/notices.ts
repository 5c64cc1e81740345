/**
 * Core's notices in the UI's language: `vscode.l10n.t` looks each English template of
 * `core/notices.ts` up in `l10n/bundle.l10n.<locale>.json` (the CLI reads the same bundle).
 */
import * as vscode from 'vscode';
import { noticeOf, wordNotice, type Notice, type Translate } from '../core/notices';

export const translate: Translate = (template, values) => vscode.l10n.t(template, values);

/** The notice in the UI's language. */
export function noticeText(notice: Notice): string {
  return wordNotice(notice, translate);
}

/** Anything thrown, in the UI's language: a core notice worded, any other error's own message. */
export function errorText(e: unknown): string {
  return noticeText(noticeOf(e));
}
