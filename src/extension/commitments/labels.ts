/** Wording of the Commitments view (localised with vscode.l10n). */
import * as vscode from 'vscode';
import type { IsoDate } from '../../core/clients/model';
import { toUtcDate } from '../../core/calendar';
import type { RelativeDue } from './model';

function weekday(date: IsoDate): string {
  return new Intl.DateTimeFormat(vscode.env.language, { weekday: 'short', timeZone: 'UTC' }).format(toUtcDate(date));
}

export function relativeDueText(r: RelativeDue): string {
  switch (r.kind) {
    case 'overdue':
      return r.days === 1 ? vscode.l10n.t('overdue 1 day') : vscode.l10n.t('overdue {0} days', r.days);
    case 'today':
      return vscode.l10n.t('due today');
    case 'tomorrow':
      return vscode.l10n.t('due tomorrow');
    case 'weekday':
      return vscode.l10n.t('due {0}', weekday(r.date));
    case 'days':
      return vscode.l10n.t('in {0} days', r.days);
    case 'weeks':
      return vscode.l10n.t('in {0} weeks', r.weeks);
    case 'months':
      return r.months === 1 ? vscode.l10n.t('in 1 month') : vscode.l10n.t('in {0} months', r.months);
  }
}
