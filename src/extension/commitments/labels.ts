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

/** The short fact that leads a row at 300 px: `3 d overdue`, `due Fri`, `due in 9 d`. */
export function shortDueText(r: RelativeDue): string {
  switch (r.kind) {
    case 'overdue':
      return vscode.l10n.t('{0} d overdue', r.days);
    case 'today':
      return vscode.l10n.t('due today');
    case 'tomorrow':
      return vscode.l10n.t('due tomorrow');
    case 'weekday':
      return vscode.l10n.t('due {0}', weekday(r.date));
    case 'days':
      return vscode.l10n.t('due in {0} d', r.days);
    case 'weeks':
      return vscode.l10n.t('due in {0} wk', r.weeks);
    case 'months':
      return vscode.l10n.t('due in {0} mo', r.months);
  }
}

/** A date as the reader writes it, with the weekday: `Fri, 4 Dec 2026` / `2026年12月4日周五`. */
export function readerDate(date: IsoDate): string {
  return new Intl.DateTimeFormat(vscode.env.language, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(toUtcDate(date));
}
