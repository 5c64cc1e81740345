/**
 * The Commitments view: tree, badge, checkboxes (mark done/undone), title-bar and context-menu
 * commands. Every change to the file goes through edits/apply (WorkspaceEdit or byte-exact).
 */
import * as vscode from 'vscode';
import type { Commitment, TextEdit } from '../../core/clients/model';
import { parseClients } from '../../core/clients/parse';
import { CommandId, COMMITMENTS_VIEW } from '../commandIds';
import { changeDue, markDone, markUndone } from '../../core/clients/edits';
import type { Services } from '../services';
import { LinkedCommits } from './commits';
import { locate, refOf } from './locate';
import { isFilterActive, type Filter } from './model';
import { CommitmentsTree, type CommitmentNode, type Node } from './tree';
import { describeFilter, pickFilter } from './filter';
import { askDueDate } from '../inputs';
import { findCommitment, snapshotView } from './snapshot';

/** Test mode only (not in package.json): the view as plain data, after pending refreshes. */
export const TEST_VIEW_COMMAND = 'clientPulse.test.commitmentsView';
/** Test mode only: the resolved tooltip (markdown source) of the item with this label. */
export const TEST_TOOLTIP_COMMAND = 'clientPulse.test.commitmentTooltip';
/** Test mode only: tick or untick the item with this label as the checkbox does. */
export const TEST_CHECK_COMMAND = 'clientPulse.test.checkCommitment';

const STATE_FILTER = 'clientPulse.commitments.filter';
const STATE_SHOW_DONE = 'clientPulse.commitments.showDone';

function isCommitmentNode(arg: unknown): arg is CommitmentNode {
  return typeof arg === 'object' && arg !== null && (arg as { kind?: unknown }).kind === 'commitment';
}

/** Changes the file so that the commitment the node showed becomes `compute`'s result. */
async function editCommitment(
  services: Services,
  node: CommitmentNode,
  compute: (text: string, c: Commitment) => readonly TextEdit[] | undefined,
): Promise<boolean> {
  if (!services.isTrusted()) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Client Pulse is read-only in Restricted Mode. Trust this workspace to change the clients file.'));
    return false;
  }
  const ref = refOf(node.commitment);
  let missing = false;
  const changed = await services.editFile(node.entry.uri, (text) => {
    const current = locate(parseClients(text), ref);
    if (!current) {
      missing = true;
      return undefined;
    }
    return compute(text, current);
  });
  if (missing) {
    void vscode.window.showWarningMessage(vscode.l10n.t('"{0}" is no longer in the clients file as shown; the view is refreshed.', node.commitment.title));
    services.store.refresh();
  }
  return changed;
}

export function registerCommitments(context: vscode.ExtensionContext, services: Services): void {
  const commits = new LinkedCommits(services);
  const tree = new CommitmentsTree(services, commits);
  tree.filter = context.workspaceState.get<Filter>(STATE_FILTER) ?? {};
  tree.showDone = context.workspaceState.get<boolean>(STATE_SHOW_DONE) ?? false;
  const view = vscode.window.createTreeView<Node>(COMMITMENTS_VIEW, { treeDataProvider: tree, showCollapseAll: true, manageCheckboxStateManually: true });
  context.subscriptions.push(tree, view);

  const update = async (): Promise<void> => {
    await tree.reload();
    const overdue = tree.overdue();
    view.badge = overdue > 0 ? { value: overdue, tooltip: overdue === 1 ? vscode.l10n.t('1 commitment overdue') : vscode.l10n.t('{0} commitments overdue', overdue) } : undefined;
    const parts: string[] = [];
    if (isFilterActive(tree.filter)) parts.push(vscode.l10n.t('Filtered: {0}', describeFilter(tree.filter)));
    if (tree.showDone) parts.push(vscode.l10n.t('Showing done commitments'));
    view.message = parts.length > 0 ? parts.join(' · ') : undefined;
  };
  let running = Promise.resolve();
  const refresh = (): void => {
    running = running.then(update).catch((e: unknown) => services.log.error(`commitments: ${String(e)}`));
  };
  context.subscriptions.push(services.store.onDidChange(refresh), services.onDidGrantTrust(refresh));

  const setDone = async (node: CommitmentNode, done: boolean): Promise<void> => {
    const today = services.today();
    try {
      await editCommitment(services, node, (text, c) => (c.done === done ? undefined : done ? markDone(text, c, today) : markUndone(text, c)));
    } catch (e) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Client Pulse could not change the clients file: {0}', e instanceof Error ? e.message : String(e)));
    }
    // Redraw from the file: a refused or impossible change puts the checkbox back.
    services.store.refresh();
  };

  context.subscriptions.push(
    view.onDidChangeCheckboxState(async (e) => {
      for (const [node, state] of e.items) {
        if (node.kind !== 'commitment') continue;
        await setDone(node, state === vscode.TreeItemCheckboxState.Checked);
      }
    }),
    vscode.commands.registerCommand(CommandId.Refresh, () => {
      commits.clear();
      services.store.refresh();
    }),
    vscode.commands.registerCommand(CommandId.ToggleDone, async () => {
      tree.showDone = !tree.showDone;
      await context.workspaceState.update(STATE_SHOW_DONE, tree.showDone);
      refresh();
    }),
    vscode.commands.registerCommand(CommandId.Filter, async (arg?: unknown) => {
      const next = isFilterArgument(arg) ? arg : await pickFilter(tree.shownEntries(), tree.filter);
      if (!next) return;
      tree.filter = next;
      await context.workspaceState.update(STATE_FILTER, next);
      refresh();
    }),
    vscode.commands.registerCommand(CommandId.OpenCommitment, async (node?: unknown) => {
      if (!isCommitmentNode(node)) return;
      const document = await vscode.workspace.openTextDocument(node.entry.uri);
      const current = locate(parseClients(document.getText()), refOf(node.commitment)) ?? node.commitment;
      const line = Math.min(current.span.startLine, document.lineCount - 1);
      const range = new vscode.Range(line, current.checkboxSpan.startColumn, line, current.checkboxSpan.startColumn);
      await vscode.window.showTextDocument(document, { selection: range, preserveFocus: false });
    }),
    vscode.commands.registerCommand(CommandId.MarkDone, async (node?: unknown) => {
      if (isCommitmentNode(node)) await setDone(node, true);
    }),
    vscode.commands.registerCommand(CommandId.MarkUndone, async (node?: unknown) => {
      if (isCommitmentNode(node)) await setDone(node, false);
    }),
    vscode.commands.registerCommand(CommandId.ChangeDueDate, async (node?: unknown, date?: unknown) => {
      if (!isCommitmentNode(node)) return;
      const due = typeof date === 'string' ? date : await askDueDate(services.today(), node.commitment.due, false);
      if (!due) return;
      try {
        await editCommitment(services, node, (text, c) => (c.due === due ? undefined : changeDue(text, c, due)));
      } catch (e) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Client Pulse could not change the clients file: {0}', e instanceof Error ? e.message : String(e)));
      }
      services.store.refresh();
    }),
    vscode.commands.registerCommand(CommandId.CopyCommitment, async (node?: unknown) => {
      if (!isCommitmentNode(node)) return;
      await vscode.env.clipboard.writeText(`${node.commitment.client}: ${node.commitment.raw.trim()}`);
      vscode.window.setStatusBarMessage(vscode.l10n.t('Copied.'), 2000);
    }),
  );
  if (context.extensionMode === vscode.ExtensionMode.Test) {
    context.subscriptions.push(
      vscode.commands.registerCommand(TEST_VIEW_COMMAND, async () => {
        await running;
        return snapshotView(tree, view);
      }),
      vscode.commands.registerCommand(TEST_TOOLTIP_COMMAND, async (label: unknown) => {
        await running;
        const node = typeof label === 'string' ? findCommitment(tree, label) : undefined;
        if (!node) throw new Error(`no commitment labelled ${String(label)}`);
        const source = new vscode.CancellationTokenSource();
        const item = await tree.resolveTreeItem(tree.getTreeItem(node), node, source.token);
        source.dispose();
        return item.tooltip instanceof vscode.MarkdownString ? item.tooltip.value : item.tooltip;
      }),
      vscode.commands.registerCommand(TEST_CHECK_COMMAND, async (label: unknown, checked: unknown) => {
        await running;
        const node = typeof label === 'string' ? findCommitment(tree, label) : undefined;
        if (!node || node.kind !== 'commitment') throw new Error(`no commitment labelled ${String(label)}`);
        await setDone(node, checked === true);
        await running;
      }),
    );
  }
  refresh();
}

function isFilterArgument(arg: unknown): arg is Filter {
  if (typeof arg !== 'object' || arg === null || 'kind' in arg) return false;
  const o = arg as Record<string, unknown>;
  return (
    (o.client === undefined || typeof o.client === 'string') &&
    (o.owner === undefined || typeof o.owner === 'string') &&
    (o.withinDays === undefined || typeof o.withinDays === 'number')
  );
}
