/**
 * The Commitments tree: client → commitments, one group per client whatever folder of a
 * multi-root workspace its clients file is in (a client's other repositories are named with
 * `Repos:`, not by a second group). A name defined in two folders' files is two groups, each with
 * its folder as description and the `duplicate-client` diagnostic: two files' commitments are
 * never merged, and every row acts on its own file. Built from the clients store on every change;
 * items carry checkboxes (done/undone) and resolve their tooltip (with linked commits) lazily.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CommandId } from '../commandIds';
import { commitLink } from './commitDocument';
import type { Client, Commitment } from '../../core/clients/model';
import type { ClientsEntry } from '../clientsStore';
import type { Services } from '../services';
import type { LinkedCommits } from './commits';
import { readerDate, relativeDueText, shortDueText } from './labels';
import { brokenDue, isFilterActive, overdueCount, personOf, relativeDueOf, urgencyOf, visibleCommitments, type Filter, type FilterContext, type Urgency } from './model';
import { isOpen } from '../../core/clients/queries';
import { otherFilesOf } from '../../core/clients/acrossFiles';

export interface ClientNode {
  kind: 'client';
  entry: ClientsEntry;
  client: Client;
  /** The other clients files defining the same name (workspace-relative), when there are any. */
  alsoIn?: string[];
}
export interface CommitmentNode {
  kind: 'commitment';
  entry: ClientsEntry;
  client: Client;
  commitment: Commitment;
}
export type Node = ClientNode | CommitmentNode;

const ICONS: Record<Urgency, vscode.ThemeIcon> = {
  overdue: new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground')),
  thisWeek: new vscode.ThemeIcon('clock', new vscode.ThemeColor('list.warningForeground')),
  later: new vscode.ThemeIcon('calendar', new vscode.ThemeColor('charts.blue')),
  undated: new vscode.ThemeIcon('circle-outline', new vscode.ThemeColor('descriptionForeground')),
  done: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
};

export class CommitmentsTree implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  filter: Filter = {};
  showDone = false;
  /** The `@handles` of the person using VS Code (for the "mine" filter). */
  me: string[] = [];
  private entries: ClientsEntry[] = [];
  /** Per entry: client name → the other files defining it. */
  private duplicates: Array<Map<string, number[]>> = [];
  private parents = new Map<Node, Node | undefined>();

  constructor(private readonly services: Services, private readonly commits: LinkedCommits) {}

  /** Re-reads the clients files; resolves to the entries shown. */
  async reload(): Promise<ClientsEntry[]> {
    this.entries = await this.services.store.all();
    this.duplicates = otherFilesOf(this.entries);
    this.changed.fire(undefined);
    return this.entries;
  }

  overdue(): number {
    const today = this.services.today();
    return this.entries.reduce((n, e) => n + overdueCount(e.clients, today), 0);
  }

  shownEntries(): readonly ClientsEntry[] {
    return this.entries;
  }

  private filterContext(entry: ClientsEntry): FilterContext {
    return { weekStart: this.services.settings(entry.uri).weekStart, me: this.me };
  }

  getParent(node: Node): Node | undefined {
    return this.parents.get(node);
  }

  getChildren(node?: Node): Node[] {
    if (!node) {
      this.parents = new Map();
      return this.entries.flatMap((entry, k) => this.clientNodes(entry, k));
    }
    if (node.kind === 'client') {
      const today = this.services.today();
      return visibleCommitments(node.client, this.filter, this.showDone, today, this.filterContext(node.entry)).map((commitment) =>
        this.child({ kind: 'commitment', entry: node.entry, client: node.client, commitment }, node),
      );
    }
    return [];
  }

  private child<T extends Node>(node: T, parent: Node | undefined): T {
    this.parents.set(node, parent);
    return node;
  }

  private clientNodes(entry: ClientsEntry, k: number): Node[] {
    const today = this.services.today();
    const active = isFilterActive(this.filter);
    return entry.clients
      .filter((client) => !active || visibleCommitments(client, this.filter, this.showDone, today, this.filterContext(entry)).length > 0)
      .map((client) => {
        const others = this.duplicates[k]?.get(client.name);
        const alsoIn = others?.map((j) => vscode.workspace.asRelativePath(this.entries[j].uri));
        return this.child<ClientNode>({ kind: 'client', entry, client, ...(alsoIn ? { alsoIn } : {}) }, undefined);
      });
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'client') return this.clientItem(node);
    return this.commitmentItem(node);
  }

  private clientItem(node: ClientNode): vscode.TreeItem {
    const today = this.services.today();
    // The counts follow the filter: what the rows below show.
    const shown = isFilterActive(this.filter)
      ? visibleCommitments(node.client, this.filter, false, today, this.filterContext(node.entry))
      : node.client.commitments.filter((c) => isOpen(c));
    const open = shown.length;
    const overdue = overdueCount([{ ...node.client, commitments: shown }], today);
    const item = new vscode.TreeItem(node.client.name, vscode.TreeItemCollapsibleState.Expanded);
    item.id = `client:${node.entry.uri.toString()}#${node.client.name}`;
    item.iconPath = new vscode.ThemeIcon('organization', overdue > 0 ? new vscode.ThemeColor('list.errorForeground') : undefined);
    const counts = overdue > 0 ? vscode.l10n.t('{0} open, {1} overdue', open, overdue) : open === 1 ? vscode.l10n.t('1 open') : vscode.l10n.t('{0} open', open);
    // The same name in two folders' files: two groups, told apart by their folder.
    item.description = node.alsoIn ? `${counts} · ${node.entry.folder.name}` : counts;
    item.contextValue = 'client';
    const lines = [node.client.owner ? vscode.l10n.t('{0} (account owner: {1})', node.client.name, node.client.owner.name) : node.client.name];
    if (this.entries.length > 1) lines.push(vscode.l10n.t('Defined in {0}', vscode.workspace.asRelativePath(node.entry.uri)));
    if (node.alsoIn) lines.push(vscode.l10n.t('Also defined in {0}: shown apart, never merged (see the Problems panel).', node.alsoIn.join(', ')));
    item.tooltip = lines.join('\n');
    if (node.alsoIn) item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
    return item;
  }

  private commitmentItem(node: CommitmentNode): vscode.TreeItem {
    const c = node.commitment;
    const today = this.services.today();
    const urgency = urgencyOf(c, today, this.services.settings(node.entry.uri).weekStart);
    const broken = brokenDue(c);
    // At 300 px the description is cut off first: the fact leads the label ("3 d overdue · Checkout p95…").
    const dueFact = broken ? vscode.l10n.t('date invalid') : c.due ? shortDueText(relativeDueOf(c.due, today)) : vscode.l10n.t('no date');
    const fact = c.done
      ? c.doneDate ? vscode.l10n.t('done {0}', c.doneDate) : vscode.l10n.t('done')
      : c.status === 'cancelled' ? c.cancelledDate ? vscode.l10n.t('cancelled {0}', c.cancelledDate) : vscode.l10n.t('cancelled')
      : c.status === 'in-progress' ? `${vscode.l10n.t('in progress')}, ${dueFact}` : dueFact;
    const title = c.title || c.raw.trim();
    const label = `${fact} · ${title}`;
    const item = new vscode.TreeItem({ label, highlights: urgency === 'overdue' || broken ? [[0, fact.length]] : [] }, vscode.TreeItemCollapsibleState.None);
    item.id = `commitment:${node.entry.uri.toString()}#${c.id}#${c.span.startLine}`;
    // People by name (王伟 for @wang) where the client's Owner, Backup, Team or a contact matches.
    const owners = c.owners.map((o) => personOf(o, node.client)?.name ?? `@${o.replace(/^@/, '')}`).join(', ');
    item.description = owners || undefined;
    item.iconPath = broken ? ICONS.overdue : ICONS[urgency];
    const long = !isOpen(c) ? fact : c.status === 'in-progress' ? `${vscode.l10n.t('in progress')}, ${broken ? vscode.l10n.t('the due date {0} is invalid: {1}', broken.text, broken.problem) : c.due ? relativeDueText(relativeDueOf(c.due, today)) : fact}` : broken ? vscode.l10n.t('the due date {0} is invalid: {1}', broken.text, broken.problem) : c.due ? relativeDueText(relativeDueOf(c.due, today)) : fact;
    item.accessibilityInformation = { label: [title, long, owners].filter(Boolean).join(', ') };
    item.contextValue = c.done ? 'commitment.done' : c.status === 'cancelled' ? 'commitment.cancelled' : 'commitment.open';
    // Restricted Mode is read-only: no checkbox that could not do anything.
    if (this.services.isTrusted()) {
      item.checkboxState = {
        state: c.done ? vscode.TreeItemCheckboxState.Checked : vscode.TreeItemCheckboxState.Unchecked,
        tooltip: c.done ? vscode.l10n.t('Mark not done') : vscode.l10n.t('Mark done'),
      };
    }
    item.command = { command: 'clientPulse.openCommitment', title: vscode.l10n.t('Open at line'), arguments: [node] };
    return item;
  }

  async resolveTreeItem(item: vscode.TreeItem, node: Node, token: vscode.CancellationToken): Promise<vscode.TreeItem> {
    if (node.kind !== 'commitment') return item;
    const c = node.commitment;
    const md = new vscode.MarkdownString('', true);
    // Only the one command a commit link runs; no other command: link works in the tooltip.
    md.isTrusted = { enabledCommands: [CommandId.ShowCommit] };
    md.appendText(c.raw.trim());
    md.appendMarkdown('\n\n');
    const rows: string[] = [];
    rows.push(`${vscode.l10n.t('Client')}: ${c.client}`);
    const broken = brokenDue(c);
    rows.push(`${vscode.l10n.t('Due')}: ${c.due ? readerDate(c.due) : broken ? vscode.l10n.t('the due date {0} is invalid: {1}', broken.text, broken.problem) : vscode.l10n.t('no date')}`);
    if (c.promised) rows.push(`${vscode.l10n.t('First promised')}: ${readerDate(c.promised)}`);
    if (c.status === 'in-progress') rows.push(`${vscode.l10n.t('Status')}: ${vscode.l10n.t('in progress')}`);
    if (c.status === 'cancelled') rows.push(`${vscode.l10n.t('Cancelled')}: ${c.cancelledDate ? readerDate(c.cancelledDate) : vscode.l10n.t('yes')}`);
    if (c.done) rows.push(`${vscode.l10n.t('Done')}: ${c.doneDate ? readerDate(c.doneDate) : vscode.l10n.t('yes')}`);
    // People by name (王伟 for @wang) where the client's Owner, Backup or a contact matches.
    const person = (o: string) => {
      const p = personOf(o, node.client);
      return p ? `${p.name} (@${o})` : `@${o}`;
    };
    rows.push(`${vscode.l10n.t('Owner')}: ${c.owners.length > 0 ? c.owners.map(person).join(', ') : vscode.l10n.t('nobody named')}`);
    if (c.tags.length > 0) rows.push(`${vscode.l10n.t('Tags')}: ${c.tags.map((t) => `#${t}`).join(', ')}`);
    for (const row of rows) {
      md.appendText(row);
      md.appendMarkdown('  \n');
    }
    if (c.tags.length > 0) {
      if (!this.services.isTrusted()) {
        md.appendMarkdown('\n');
        md.appendText(vscode.l10n.t('Linked commits are not read in Restricted Mode.'));
      } else {
        const linked = await this.commits.linkedTo(node.entry, c, token);
        md.appendMarkdown(`\n\n**${vscode.l10n.t('Linked commits')}**\n\n`);
        if (linked.error) md.appendText(linked.error);
        else if (linked.commits.length === 0) md.appendText(vscode.l10n.t('No commit mentions {0} yet.', c.tags.map((t) => `#${t}`).join(', ')));
        // Each hash opens the commit (a read-only `git show --stat`); the date as a reader writes it.
        const folder = path.dirname(node.entry.uri.fsPath);
        for (const commit of linked.commits.slice(0, 10)) {
          md.appendMarkdown(`- [\`${commit.hash.slice(0, 7)}\`](${commitLink({ folder, hash: commit.hash })} "${vscode.l10n.t('Open the commit')}") `);
          md.appendText(`${commit.subject} — ${commit.authorName}, ${readerDate(commit.authorDate.slice(0, 10))}`);
          md.appendMarkdown('\n');
        }
        if (linked.commits.length > 10) md.appendText(vscode.l10n.t('…and {0} more', linked.commits.length - 10));
      }
    }
    item.tooltip = md;
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
