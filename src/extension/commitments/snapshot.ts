/**
 * Test mode only: what the Commitments view shows, as plain data, so extension-host tests can
 * check items, order, descriptions, icons and checkboxes without reaching into the workbench.
 */
import * as vscode from 'vscode';
import type { CommitmentsTree, Node } from './tree';

export interface ItemSnapshot {
  /** The client's name, or the commitment's title (the row leads with its fact: see `shown`). */
  label: string;
  /** The row's label as drawn (`3 d overdue · Checkout p95…`). */
  shown: string;
  /** Ranges of `shown` drawn highlighted. */
  highlights?: [number, number][];
  /** The screen reader's label. */
  aria?: string;
  description?: string;
  contextValue?: string;
  checked?: boolean;
  icon?: string;
  color?: string;
  line?: number;
  children: ItemSnapshot[];
}

export interface ViewSnapshot {
  badge?: number;
  message?: string;
  /** Labels of the selected rows. */
  selected: string[];
  items: ItemSnapshot[];
}

function labelOf(item: vscode.TreeItem): string {
  const l = item.label;
  return typeof l === 'string' ? l : (l?.label ?? '');
}

function snapshotNode(tree: CommitmentsTree, node: Node): ItemSnapshot {
  const item = tree.getTreeItem(node);
  const icon = item.iconPath instanceof vscode.ThemeIcon ? item.iconPath : undefined;
  const checkbox = item.checkboxState;
  const state = typeof checkbox === 'object' ? checkbox.state : checkbox;
  const highlights = typeof item.label === 'object' ? item.label.highlights : undefined;
  return {
    label: node.kind === 'commitment' ? node.commitment.title || node.commitment.raw.trim() : labelOf(item),
    shown: labelOf(item),
    ...(highlights && highlights.length > 0 ? { highlights } : {}),
    ...(item.accessibilityInformation ? { aria: item.accessibilityInformation.label } : {}),
    description: typeof item.description === 'string' ? item.description : undefined,
    contextValue: item.contextValue,
    checked: state === undefined ? undefined : state === vscode.TreeItemCheckboxState.Checked,
    icon: icon?.id,
    color: icon?.color?.id,
    line: node.kind === 'commitment' ? node.commitment.span.startLine : undefined,
    children: tree.getChildren(node).map((child) => snapshotNode(tree, child)),
  };
}

export function snapshotView(tree: CommitmentsTree, view: vscode.TreeView<Node>): ViewSnapshot {
  const selected = view.selection.map((n) => (n.kind === 'commitment' ? n.commitment.title : labelOf(tree.getTreeItem(n))));
  return { badge: view.badge?.value, message: view.message, selected, items: tree.getChildren().map((n) => snapshotNode(tree, n)) };
}

/** The commitment node whose label is `label` (first match, depth first). */
export function findCommitment(tree: CommitmentsTree, label: string, from?: Node): Node | undefined {
  for (const node of tree.getChildren(from)) {
    if (node.kind === 'commitment' && (node.commitment.title || node.commitment.raw.trim()) === label) return node;
    const inner = node.kind === 'commitment' ? undefined : findCommitment(tree, label, node);
    if (inner) return inner;
  }
  return undefined;
}
