/**
 * A multi-root workspace (a .code-workspace with two folders, each with its own clients.md and git
 * repository): the Commitments tree has one group per client, whatever folder its clients file is
 * in (issue 16: a client's other repositories are named with Repos:, not by a folder group), the
 * tooltip says which file defines it, and ticking in one folder changes only that folder's file.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

interface ItemSnapshot {
  label: string;
  contextValue?: string;
  children: ItemSnapshot[];
}

async function view(predicate: (items: ItemSnapshot[]) => boolean): Promise<ItemSnapshot[]> {
  const end = Date.now() + 20_000;
  for (;;) {
    const v = await vscode.commands.executeCommand<{ items: ItemSnapshot[] }>('clientPulse.test.commitmentsView');
    if (v && predicate(v.items)) return v.items;
    if (Date.now() > end) throw new Error(`the view did not show the expected groups: ${JSON.stringify(v?.items.map((i) => i.label))}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('Multi-root workspace (extension host)', function () {
  this.timeout(60_000);

  it('one group per client, not per folder, each with its commitments', async () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.equal(folders.length, 2, 'the runner opens a workspace with two folders');
    await vscode.extensions.getExtension('client-pulse.client-pulse')?.activate();
    const items = await view((list) => list.length === 4 && list.every((i) => i.children.length > 0));
    assert.deepEqual(items.map((i) => [i.label, i.contextValue]).sort(), [['Acme Retail', 'client'], ['Globex', 'client'], ['Northwind Logistics', 'client'], ['星河教育', 'client']]);
    assert.ok(items.find((i) => i.label === 'Globex')?.children.some((c) => /Quarterly report/u.test(c.label)), 'Globex keeps its commitments');
  });

  it('ticking in the second folder changes only its clients.md', async () => {
    const [first, second] = (vscode.workspace.workspaceFolders ?? []).map((f) => path.join(f.uri.fsPath, '.project', 'clients.md'));
    const before = [fs.readFileSync(first, 'utf8'), fs.readFileSync(second, 'utf8')];
    await vscode.commands.executeCommand('clientPulse.test.checkCommitment', 'Quarterly report', true);
    const end = Date.now() + 15_000;
    while (fs.readFileSync(second, 'utf8') === before[1] && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
    const after = fs.readFileSync(second, 'utf8');
    assert.match(after, /^- \[x\] Quarterly report due:2026-11-30 @bob #report done:2026-11-20$/m);
    assert.equal(after.split('\n').filter((l, i) => l !== before[1].split('\n')[i]).length, 1, 'one line changed');
    assert.equal(fs.readFileSync(first, 'utf8'), before[0], 'the other folder is untouched');
  });
});
