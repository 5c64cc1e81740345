/**
 * The command's pickers: which client (last used first, remembered in workspaceState) and which
 * period (this week, or "since the last update" when a record exists; last week; a custom range
 * typed in two validated input boxes).
 */
import * as vscode from 'vscode';
import type { Client, IsoDate } from '../../core/clients/model';
import type { Period } from '../../core/git/types';
import type { ParsedRecord } from '../../core/records/types';
import { checkDate, periodOf, sinceLast, type PeriodChoice, type WeekStart } from './periods';
import { isOpen } from '../../core/clients/queries';

const RECENT_KEY = 'clientPulse.draft.recentClients';
const MAX_RECENT = 20;

/** Client names, most recently drafted first. */
export function recentClients(memento: vscode.Memento): string[] {
  const value = memento.get<unknown>(RECENT_KEY);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export async function rememberClient(memento: vscode.Memento, name: string): Promise<void> {
  const rest = recentClients(memento).filter((n) => n.toLowerCase() !== name.toLowerCase());
  await memento.update(RECENT_KEY, [name, ...rest].slice(0, MAX_RECENT));
}

/** Clients in pick order: recently used first (most recent first), then the file's order. */
export function orderClients(clients: readonly Client[], recent: readonly string[]): Client[] {
  const rank = (c: Client) => {
    const i = recent.findIndex((r) => r.toLowerCase() === c.name.toLowerCase());
    return i === -1 ? Number.MAX_SAFE_INTEGER : i;
  };
  return clients.map((c, i) => ({ c, i })).sort((a, b) => rank(a.c) - rank(b.c) || a.i - b.i).map(({ c }) => c);
}

export async function pickClient(clients: readonly Client[], memento: vscode.Memento): Promise<Client | undefined> {
  const recent = recentClients(memento);
  const items = orderClients(clients, recent).map((c) => ({
    label: c.name,
    description: c.contacts[0] ? c.contacts[0].name + (c.contacts[0].role ? ` (${c.contacts[0].role})` : '') : undefined,
    detail: [
      recent.some((r) => r.toLowerCase() === c.name.toLowerCase()) ? vscode.l10n.t('recently drafted') : '',
      c.commitments.filter((x) => isOpen(x)).length ? vscode.l10n.t('{0} open commitments', c.commitments.filter((x) => isOpen(x)).length) : '',
    ]
      .filter(Boolean)
      .join(' · ') || undefined,
    client: c,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Draft client update (1/2): client'),
    placeHolder: vscode.l10n.t('Which client is the update for?'),
    matchOnDescription: true,
  });
  return picked?.client;
}

function rangeText(p: Period): string {
  return `${p.since} – ${p.until}`;
}

export interface PickedPeriod {
  period: Period;
  choice: PeriodChoice;
}

export async function pickPeriod(today: IsoDate, weekStart: WeekStart, last: ParsedRecord | undefined): Promise<PickedPeriod | undefined> {
  type Item = vscode.QuickPickItem & { choice: PeriodChoice; period?: Period };
  const items: Item[] = [];
  const since = sinceLast(today, last, weekStart);
  if (since) {
    items.push({
      label: vscode.l10n.t('Since the last update'),
      description: rangeText(since),
      detail: vscode.l10n.t('The last update was saved on {0}.', last?.sent ?? ''),
      choice: 'since-last',
      period: since,
    });
  }
  const week = periodOf('this-week', today, weekStart) as Period;
  items.push({ label: vscode.l10n.t('This week'), description: rangeText(week), choice: 'this-week', period: week });
  const prev = periodOf('last-week', today, weekStart) as Period;
  items.push({ label: vscode.l10n.t('Last week'), description: rangeText(prev), choice: 'last-week', period: prev });
  items.push({ label: vscode.l10n.t('Custom range…'), description: vscode.l10n.t('Type the first and last day'), choice: 'custom' });
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Draft client update (2/2): period'),
    placeHolder: vscode.l10n.t('Which period does the update cover?'),
  });
  if (!picked) return undefined;
  if (picked.period) return { period: picked.period, choice: picked.choice };
  const custom = await pickCustomRange(today, week.since);
  return custom && { period: custom, choice: 'custom' };
}

function dateMessage(code: string | undefined): string | undefined {
  switch (code) {
    case undefined:
      return undefined;
    case 'format':
      return vscode.l10n.t('Type a date as YYYY-MM-DD, for example 2026-11-16.');
    case 'no-such-day':
      return vscode.l10n.t('That day does not exist in the calendar.');
    case 'before-start':
      return vscode.l10n.t('The last day cannot be before the first day.');
    default:
      return vscode.l10n.t('That date cannot be used.');
  }
}

export async function pickCustomRange(today: IsoDate, defaultSince: IsoDate): Promise<Period | undefined> {
  const since = await vscode.window.showInputBox({
    title: vscode.l10n.t('Custom range: first day'),
    prompt: vscode.l10n.t('First day of the period (YYYY-MM-DD)'),
    value: defaultSince,
    validateInput: (v) => dateMessage(checkDate(v)),
  });
  if (since === undefined) return undefined;
  const until = await vscode.window.showInputBox({
    title: vscode.l10n.t('Custom range: last day'),
    prompt: vscode.l10n.t('Last day of the period (YYYY-MM-DD)'),
    value: today >= since.trim() ? today : since.trim(),
    validateInput: (v) => dateMessage(checkDate(v, since.trim())),
  });
  if (until === undefined) return undefined;
  return { since: since.trim(), until: until.trim() };
}

/** The period's name as shown in the panel title. */
export function periodLabel(choice: PeriodChoice, period: Period): string {
  switch (choice) {
    case 'this-week':
      return vscode.l10n.t('this week');
    case 'last-week':
      return vscode.l10n.t('last week');
    case 'since-last':
      return vscode.l10n.t('since the last update');
    case 'custom':
      return rangeText(period);
  }
}
