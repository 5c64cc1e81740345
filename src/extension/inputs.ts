/** Validated inputs shared by features: the due date asked by "Add commitment" (clientsFile) and "Change due date" (commitments). */
import * as vscode from 'vscode';
import type { IsoDate } from '../core/clients/model';
import { dateFault } from '../core/calendar';

/** An error message for a date that is not a real `YYYY-MM-DD` day, else undefined. */
export function dateProblem(value: string): string | undefined {
  const v = value.trim();
  const fault = dateFault(v);
  if (fault === undefined) return undefined;
  return fault.code === 'format' ? vscode.l10n.t('Write the date as YYYY-MM-DD, e.g. 2026-12-04.') : vscode.l10n.t('{0} is not a day in the calendar.', v);
}

/**
 * Asks for a due date. Resolves to the date, '' when `allowEmpty` and the user left it empty,
 * or undefined when cancelled.
 */
export async function askDueDate(today: IsoDate, current: IsoDate | undefined, allowEmpty: boolean, step?: { step: number; total: number }): Promise<string | undefined> {
  const value = await vscode.window.showInputBox({
    title: step ? vscode.l10n.t('Add commitment ({0}/{1}): due date', step.step, step.total) : vscode.l10n.t('Change due date'),
    prompt: allowEmpty ? vscode.l10n.t('YYYY-MM-DD, or leave empty for no date') : vscode.l10n.t('YYYY-MM-DD (today is {0})', today),
    value: current ?? '',
    placeHolder: today,
    validateInput: (v) => (allowEmpty && v.trim() === '' ? undefined : dateProblem(v)),
  });
  return value === undefined ? undefined : value.trim();
}
