/**
 * The cadence reminder: a status-bar item with the next client update due ("Next update: Acme
 * Retail Fri"), a warning background when one is overdue; clicking drafts that client's update.
 * It follows the clients files and the saved records in `.project/updates/`.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { IsoDate } from '../../core/clients/model';
import { daysBetween, toUtcDate } from '../../core/calendar';
import { lastSentDate, updatesDir } from '../../core/records/store';
import { CommandId } from '../commandIds';
import type { Services } from '../services';
import { mostUrgent, nextUpdateOf, type NextUpdate } from './schedule';

export const CADENCE_ITEM_ID = 'clientPulse.cadence';

/** "today", "tomorrow", a weekday within the week, else the date. */
export function whenLabel(due: IsoDate, today: IsoDate): string {
  const days = daysBetween(today, due);
  if (days === -1) return vscode.l10n.t('overdue 1 day');
  if (days < 0) return vscode.l10n.t('overdue {0} days', -days);
  if (days === 0) return vscode.l10n.t('today');
  if (days === 1) return vscode.l10n.t('tomorrow');
  const locale = vscode.env.language;
  const date = toUtcDate(due);
  if (days < 7) return new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(date);
  return new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(date);
}

async function nextUpdates(services: Services): Promise<NextUpdate[]> {
  const today = services.today();
  const out: NextUpdate[] = [];
  for (const entry of await services.store.all()) {
    const dir = updatesDir(path.dirname(entry.uri.fsPath));
    for (const client of entry.clients) {
      if (!client.cadence) continue;
      let last: IsoDate | undefined;
      try {
        last = await lastSentDate(dir, client.name);
      } catch (e) {
        services.log.warn(`cadence: could not read the records of ${client.name} (${String(e)})`);
      }
      const next = nextUpdateOf(client, today, last);
      if (next) out.push(next);
    }
  }
  return out;
}

function render(item: vscode.StatusBarItem, updates: NextUpdate[], today: IsoDate): void {
  const first = mostUrgent(updates);
  if (!first) {
    item.hide();
    return;
  }
  const overdue = first.overdueDays > 0;
  item.text = overdue
    ? `$(warning) ${vscode.l10n.t('Update overdue: {0} ({1})', first.client, whenLabel(first.due, today))}`
    : `$(calendar) ${vscode.l10n.t('Next update: {0} {1}', first.client, whenLabel(first.due, today))}`;
  item.backgroundColor = overdue ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
  const tooltip = new vscode.MarkdownString(`**${vscode.l10n.t('Client updates')}**\n\n`);
  for (const u of [...updates].sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0))) {
    const last = u.lastSent ? vscode.l10n.t('last sent {0}', u.lastSent) : vscode.l10n.t('none sent yet');
    tooltip.appendText(`${u.client}: ${u.due} (${whenLabel(u.due, today)}; ${last})\n\n`);
  }
  tooltip.appendMarkdown(vscode.l10n.t('Click to draft the update to {0}.', first.client));
  item.tooltip = tooltip;
  item.command = { command: CommandId.DraftUpdate, title: vscode.l10n.t('Draft client update'), arguments: [first.client] };
  item.accessibilityInformation = { label: item.text.replace(/\$\([a-z-]+\)\s*/, '') };
  item.show();
}

export function registerCadence(context: vscode.ExtensionContext, services: Services): void {
  const item = vscode.window.createStatusBarItem(CADENCE_ITEM_ID, vscode.StatusBarAlignment.Left, 50);
  item.name = vscode.l10n.t('Client Pulse: next update');
  context.subscriptions.push(item);

  let running = Promise.resolve();
  let lastToday = services.today();
  const refresh = (): void => {
    running = running
      .then(async () => {
        const today = services.today();
        lastToday = today;
        render(item, await nextUpdates(services), today);
      })
      .catch((e: unknown) => services.log.error(`cadence: ${String(e)}`));
  };

  // Records saved, renamed or deleted (by the draft panel, git or by hand).
  let recordWatchers: vscode.Disposable[] = [];
  let watched = '';
  const rewatch = async (): Promise<void> => {
    const dirs = (await services.store.all()).map((entry) => updatesDir(path.dirname(entry.uri.fsPath)));
    if (dirs.join('\n') === watched) return;
    watched = dirs.join('\n');
    for (const w of recordWatchers) w.dispose();
    recordWatchers = [];
    for (const dir of dirs) {
      const base = vscode.Uri.file(dir);
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(base, '*'));
      watcher.onDidCreate(refresh);
      watcher.onDidChange(refresh);
      watcher.onDidDelete(refresh);
      recordWatchers.push(watcher);
    }
  };
  const onStore = (): void => {
    refresh();
    void rewatch().catch((e: unknown) => services.log.error(`cadence: ${String(e)}`));
  };
  // The day changes while VS Code stays open.
  const timer = setInterval(() => {
    if (services.today() !== lastToday) refresh();
  }, 60_000);
  context.subscriptions.push(services.store.onDidChange(onStore), {
    dispose: () => {
      clearInterval(timer);
      for (const w of recordWatchers) w.dispose();
    },
  });
  onStore();
}
