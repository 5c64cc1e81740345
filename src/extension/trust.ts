/**
 * Workspace trust, checked on the host: every write of the user's files and every git run asks
 * here, whatever the page posted or a command argument said (a hidden button is not a check).
 */
import * as vscode from 'vscode';
import { brandClass } from '../core/brand';

/** Thrown when Restricted Mode refuses a write or a git run; its message says what and why. */
export class RestrictedModeError extends Error {
  override readonly name = 'RestrictedModeError';
}
brandClass(RestrictedModeError, 'RestrictedModeError');

/** Whether git may run and files may be written (false in Restricted Mode). */
export function isTrusted(): boolean {
  return vscode.workspace.isTrusted;
}

/**
 * Throws {@link RestrictedModeError} in Restricted Mode. `action` is the localised thing refused,
 * e.g. `vscode.l10n.t('Saving the record')`.
 */
export function requireTrust(action: string): void {
  if (isTrusted()) return;
  throw new RestrictedModeError(vscode.l10n.t('{0} is off in Restricted Mode: Client Pulse does not write files or run git in an untrusted workspace. Trust this workspace to do it.', action));
}
