/**
 * The Commitments view: tree, badge, checkboxes (mark done/undone), title-bar and context-menu
 * commands. Every change to the file goes through edits/apply (WorkspaceEdit or byte-exact).
 */
import * as vscode from 'vscode';
import { errorText } from '../notices';
import type { Commitment, TextEdit } from '../../core/clients/model';
import { parseClientsOnce } from '../parsed';
import { CommandId, COMMITMENTS_VIEW, REVEAL_COMMITMENT_COMMAND } from '../commandIds';
import { changeDue, markDone, markUndone } from '../../core/clients/edits';
import type { Services } from '../services';
import { LinkedCommits } from './commits';
import { registerCommitDocuments } from './commitDocument';
import { locate, refOf } from './locate';
import { handlesOf, isFilterActive, type Filter } from './model';
import { currentUser } from '../../core/git/facts';
import { CommitmentsTree, type CommitmentNode, type Node } from './tree';
import { describeFilter, pickFilter } from './filter';
import { askDueDate } from '../inputs';
import { findCommitment, snapshotView } from './snapshot';

/** Test mode only (not in package.json): the view as plain data, after pending refreshes. */
export const TEST_VIEW_COMMAND = 'clientPulse.test.commitmentsView';
/** Test mode only: the resolved tooltip (markdown source) of the item with this label. */
export const TEST_TOOLTIP_COMMAND = 'clientPulse.test.commitmentTooltip';
/** Test mode only: press Undo on the last tick's notification. */
export const TEST_UNDO_COMMAND = 'clientPulse.test.undoTick';
/** Test mode only: tick or untick the item with this label as the checkbox does. */
export const TEST_CHECK_COMMAND = 'clientPulse.test.checkCommitment';
/** Test mode only: how many times the view showed its progress bar for a large clients file. */
export const TEST_PROGRESS_COMMAND = 'clientPulse.test.commitmentsProgress';

const STATE_FILTER = 'clientPulse.commitments.filter';
/** How long after Space the selected row's command still counts as the key's (it follows at once; a click much later opens). */
const SPACE_WINDOW_MS = 2000;
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
    const current = locate(parseClientsOnce(text), ref);
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
  registerCommitDocuments(context);
  const tree = new CommitmentsTree(services, commits);
  tree.filter = context.workspaceState.get<Filter>(STATE_FILTER) ?? {};
  tree.showDone = context.workspaceState.get<boolean>(STATE_SHOW_DONE) ?? false;
  const view = vscode.window.createTreeView<Node>(COMMITMENTS_VIEW, { treeDataProvider: tree, showCollapseAll: true, manageCheckboxStateManually: true });
  context.subscriptions.push(tree, view);

  // "Mine": the git identity of the folder (read only in a trusted workspace).
  const whoAmI = async (): Promise<void> => {
    if (!services.isTrusted() || tree.me.length > 0) return;
    const folder = (await services.store.all())[0]?.folder;
    if (!folder || folder.uri.scheme !== 'file') return;
    const user = await currentUser(folder.uri.fsPath).catch(() => ({}) as { name?: string; email?: string });
    tree.me = handlesOf(user);
  };
  const update = async (): Promise<void> => {
    if (tree.filter.mine) await whoAmI();
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
  // A large clients file takes a while to read: the view shows a progress bar meanwhile.
  let progressShown = 0;
  context.subscriptions.push(
    services.store.onDidStartLargeRead((reading) => {
      progressShown++;
      void vscode.window.withProgress({ location: { viewId: COMMITMENTS_VIEW } }, () => reading);
    }),
  );

  /** The error shown by the last setDone, if its change could not be made. */
  let lastError: string | undefined;
  /** `mark`: the status to untick to (Undo of a tick puts back `[/]` or `[-]` as written). */
  const setDone = async (node: CommitmentNode, done: boolean, offerUndo = false, mark = ' '): Promise<boolean> => {
    const today = services.today();
    let changed = false;
    lastError = undefined;
    try {
      changed = await editCommitment(services, node, (text, c) => (c.done === done ? undefined : done ? markDone(text, c, today) : markUndone(text, c, mark)));
    } catch (e) {
      lastError = vscode.l10n.t('Client Pulse could not change the clients file: {0}', errorText(e));
      void vscode.window.showErrorMessage(lastError);
    }
    // Redraw from the file: a refused or impossible change puts the checkbox back.
    services.store.refresh();
    if (changed && offerUndo) void offerUndoOf(node, done);
    return changed;
  };
  /** After a tick: "Marked “…” done. [Undo]" — Undo is the reverse edit (the exact bytes come back). */
  const offerUndoOf = async (node: CommitmentNode, done: boolean): Promise<void> => {
    const undo = vscode.l10n.t('Undo');
    const message = done ? vscode.l10n.t('Marked “{0}” done.', node.commitment.title) : vscode.l10n.t('Marked “{0}” not done.', node.commitment.title);
    lastUndo = { node, done };
    const picked = await vscode.window.showInformationMessage(message, undo);
    if (picked !== undo) return;
    await undoTick(node, done);
  };
  let lastUndo: { node: CommitmentNode; done: boolean } | undefined;
  /** When Space last asked for the focused row (see ToggleCommitment); its row's command ticks instead of opening. */
  let spaceArmed: number | undefined;
  const toggle = async (target: CommitmentNode): Promise<boolean> => {
    if (!services.isTrusted()) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Client Pulse is read-only in Restricted Mode. Trust this workspace to change the clients file.'));
      return false;
    }
    return setDone(target, !target.commitment.done, true);
  };
  const undoTick = async (node: CommitmentNode, done: boolean): Promise<void> => {
    // The line as it is now (ticked), found again in the file.
    const entries = await services.store.all();
    const entry = entries.find((e) => e.uri.toString() === node.entry.uri.toString());
    const client = entry?.clients.find((c) => c.name === node.client.name);
    const now = client?.commitments.find((c) => c.span.startLine === node.commitment.span.startLine && c.title === node.commitment.title);
    if (!entry || !client || !now) return;
    await setDone({ kind: 'commitment', entry, client, commitment: now }, !done, false, node.commitment.mark);
    lastUndo = undefined;
  };

  context.subscriptions.push(
    // Space on a client row selects it: nothing to tick, and a later click on a commitment opens it.
    view.onDidChangeSelection((e) => {
      if (!e.selection.some(isCommitmentNode)) spaceArmed = undefined;
    }),
    view.onDidChangeCheckboxState(async (e) => {
      for (const [node, state] of e.items) {
        if (node.kind !== 'commitment') continue;
        await setDone(node, state === vscode.TreeItemCheckboxState.Checked, true);
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
      // Space selected this row (below): tick it instead of opening the file.
      if (spaceArmed !== undefined && Date.now() - spaceArmed < SPACE_WINDOW_MS) {
        spaceArmed = undefined;
        await toggle(node);
        return;
      }
      const document = await vscode.workspace.openTextDocument(node.entry.uri);
      const current = locate(parseClientsOnce(document.getText()), refOf(node.commitment)) ?? node.commitment;
      const line = Math.min(current.span.startLine, document.lineCount - 1);
      const range = new vscode.Range(line, current.checkboxSpan.startColumn, line, current.checkboxSpan.startColumn);
      await vscode.window.showTextDocument(document, { selection: range, preserveFocus: false });
    }),
    // Space on the focused row (the keybinding passes no node): tick or untick it, with Undo, as the box does.
    // The extension API cannot see the tree's keyboard focus, so the key selects the focused row
    // (`list.select`, as Enter does); the row's own command then arrives armed and ticks it.
    vscode.commands.registerCommand(CommandId.ToggleCommitment, async (node?: unknown) => {
      if (isCommitmentNode(node)) return toggle(node);
      spaceArmed = Date.now();
      await vscode.commands.executeCommand('list.select');
      return true;
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
        // The first promise stays in the line (`promised:`): the next draft tells the client it moved.
        const changed = await editCommitment(services, node, (text, c) =>
          c.due === due ? undefined : changeDue(text, c, due, { language: parseClientsOnce(text).clients.find((x) => x.name === c.client)?.language }),
        );
        const was = node.commitment.promised ?? node.commitment.due;
        if (changed && was !== undefined && was < due) {
          vscode.window.setStatusBarMessage(vscode.l10n.t('Due date moved to {0}; the promised date {1} is kept in the line.', due, was), 5000);
        }
      } catch (e) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Client Pulse could not change the clients file: {0}', errorText(e)));
      }
      services.store.refresh();
    }),
    vscode.commands.registerCommand(REVEAL_COMMITMENT_COMMAND, async (arg?: unknown) => {
      if (!isRevealArgument(arg)) return false;
      await running;
      await tree.reload();
      const node = commitmentAt(tree, arg);
      if (!node) {
        // Added, but the filter (or "hide done") keeps it out of the view: say so rather than hide it.
        if (isFilterActive(tree.filter)) void vscode.window.showInformationMessage(vscode.l10n.t('Added. The filter ({0}) hides it in the Commitments view.', describeFilter(tree.filter)));
        return false;
      }
      await view.reveal(node, { select: true, focus: true, expand: true });
      return true;
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
      vscode.commands.registerCommand(TEST_PROGRESS_COMMAND, () => progressShown),
      vscode.commands.registerCommand(TEST_CHECK_COMMAND, async (label: unknown, checked: unknown) => {
        await running;
        const node = typeof label === 'string' ? findCommitment(tree, label) : undefined;
        if (!node || node.kind !== 'commitment') throw new Error(`no commitment labelled ${String(label)}`);
        await setDone(node, checked === true, true);
        const error = lastError;
        await running;
        return error;
      }),
      // "Change due date…" on the item with this label, the date given instead of asked.
      vscode.commands.registerCommand('clientPulse.test.changeDueDate', async (label: unknown, date: unknown) => {
        await running;
        const node = typeof label === 'string' ? findCommitment(tree, label) : undefined;
        if (!node) throw new Error(`no commitment labelled ${String(label)}`);
        await vscode.commands.executeCommand(CommandId.ChangeDueDate, node, date);
        await running;
      }),
      // What the Undo button of the last tick's notification does.
      vscode.commands.registerCommand(TEST_UNDO_COMMAND, async () => {
        await running;
        const undo = lastUndo;
        if (!undo) throw new Error('no tick to undo');
        await undoTick(undo.node, undo.done);
        await running;
      }),
    );
  }
  refresh();
}

interface RevealArgument {
  uri: string;
  client: string;
  line: number;
}

function isRevealArgument(arg: unknown): arg is RevealArgument {
  if (typeof arg !== 'object' || arg === null) return false;
  const o = arg as Record<string, unknown>;
  return typeof o.uri === 'string' && typeof o.client === 'string' && typeof o.line === 'number';
}

/** The shown node of the commitment at `at.line` of `at.client` in the file `at.uri`. */
function commitmentAt(tree: CommitmentsTree, at: RevealArgument, from?: Node): CommitmentNode | undefined {
  for (const node of tree.getChildren(from)) {
    if (node.kind === 'commitment') {
      if (node.entry.uri.toString() === at.uri && node.client.name === at.client && node.commitment.span.startLine === at.line) return node;
      continue;
    }
    if (node.kind === 'client' && (node.client.name !== at.client || node.entry.uri.toString() !== at.uri)) continue;
    const inner = commitmentAt(tree, at, node);
    if (inner) return inner;
  }
  return undefined;
}

function isFilterArgument(arg: unknown): arg is Filter {
  if (typeof arg !== 'object' || arg === null || 'kind' in arg) return false;
  const o = arg as Record<string, unknown>;
  return (
    (o.client === undefined || typeof o.client === 'string') &&
    (o.owner === undefined || typeof o.owner === 'string') &&
    (o.withinDays === undefined || typeof o.withinDays === 'number') &&
    (o.due === undefined || o.due === 'overdue' || o.due === 'thisWeek') &&
    (o.mine === undefined || typeof o.mine === 'boolean')
  );
}
