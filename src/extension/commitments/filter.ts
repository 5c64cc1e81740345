/** The filter quick pick of the Commitments view (client, owner, due within N days). */
import * as vscode from 'vscode';
import type { ClientsEntry } from '../clientsStore';
import type { Filter } from './model';

export function describeFilter(filter: Filter): string {
  const parts: string[] = [];
  if (filter.client) parts.push(filter.client);
  if (filter.owner) parts.push(`@${filter.owner}`);
  if (filter.withinDays !== undefined) parts.push(vscode.l10n.t('due within {0} days', filter.withinDays));
  if (filter.due === 'overdue') parts.push(vscode.l10n.t('overdue'));
  if (filter.due === 'thisWeek') parts.push(vscode.l10n.t('due this week'));
  if (filter.mine) parts.push(vscode.l10n.t('mine'));
  return parts.join(', ');
}

interface Choice extends vscode.QuickPickItem {
  apply: (f: Filter) => Filter | Promise<Filter | undefined>;
}

export async function pickFilter(entries: readonly ClientsEntry[], current: Filter): Promise<Filter | undefined> {
  const clients = [...new Set(entries.flatMap((e) => e.clients.map((c) => c.name)))];
  const owners = [...new Set(entries.flatMap((e) => e.clients.flatMap((c) => c.commitments.flatMap((m) => m.owners.map((o) => o.replace(/^@/, ''))))))].sort();
  const choices: Choice[] = [
    { label: `$(clear-all) ${vscode.l10n.t('Show everything')}`, apply: () => ({}) },
    { label: `$(error) ${vscode.l10n.t('Overdue')}`, picked: current.due === 'overdue', apply: (f) => ({ ...f, due: 'overdue', withinDays: undefined }) },
    { label: `$(clock) ${vscode.l10n.t('Due this week')}`, picked: current.due === 'thisWeek', apply: (f) => ({ ...f, due: 'thisWeek', withinDays: undefined }) },
    { label: `$(account) ${vscode.l10n.t('Mine')}`, description: vscode.l10n.t('owned by you (your git user name or e-mail)'), picked: current.mine === true, apply: (f) => ({ ...f, mine: true }) },
    { label: vscode.l10n.t('Client'), kind: vscode.QuickPickItemKind.Separator, apply: (f) => f },
    ...clients.map((name) => ({
      label: `$(organization) ${name}`,
      picked: current.client === name,
      apply: (f: Filter) => ({ ...f, client: name }),
    })),
    { label: vscode.l10n.t('Owner'), kind: vscode.QuickPickItemKind.Separator, apply: (f) => f },
    ...owners.map((o) => ({ label: `$(person) @${o}`, apply: (f: Filter) => ({ ...f, owner: o }) })),
    { label: vscode.l10n.t('Due date'), kind: vscode.QuickPickItemKind.Separator, apply: (f) => f },
    { label: `$(calendar) ${vscode.l10n.t('Due within 7 days')}`, apply: (f) => ({ ...f, withinDays: 7 }) },
    { label: `$(calendar) ${vscode.l10n.t('Due within 14 days')}`, apply: (f) => ({ ...f, withinDays: 14 }) },
    {
      label: `$(calendar) ${vscode.l10n.t('Due within N days…')}`,
      apply: async (f) => {
        const value = await vscode.window.showInputBox({
          title: vscode.l10n.t('Due within how many days?'),
          value: String(f.withinDays ?? 7),
          validateInput: (v) => (/^\d{1,4}$/.test(v.trim()) ? undefined : vscode.l10n.t('Enter a whole number of days, e.g. 7.')),
        });
        return value === undefined ? undefined : { ...f, withinDays: Number(value.trim()) };
      },
    },
  ];
  const picked = await vscode.window.showQuickPick(choices, {
    title: vscode.l10n.t('Filter commitments'),
    placeHolder: describeFilter(current) ? vscode.l10n.t('Now: {0}', describeFilter(current)) : undefined,
  });
  if (!picked) return undefined;
  // Choosing a client, owner or window narrows the current filter; "Show everything" clears it.
  return picked.apply(current);
}
