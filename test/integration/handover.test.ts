/**
 * "Client Pulse: Generate handover notes" in a real VS Code on the demo workspace: the command
 * with an argument object opens the shared document panel with the notes and saves them under
 * .project/handover/ without overwriting.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

interface HandoverResult {
  title: string;
  markdown: string;
  clients: string[];
  suggestedRecordPath: string;
  saved?: string;
}

interface PanelState {
  key: string;
  title: string;
  session: { source: { kind: string; docKind?: string; suggestedRecordPath?: string }; markdown: string };
}

function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test host opens the demo workspace');
  return folder.uri.fsPath;
}

async function activate(): Promise<void> {
  const ext = vscode.extensions.all.find((e) => e.packageJSON.name === 'client-pulse');
  assert.ok(ext, 'extension installed in the test host');
  await ext.activate();
}

describe('handover command (extension host)', function () {
  this.timeout(60000);
  before(activate);

  it('is contributed to the palette', async () => {
    const all = await vscode.commands.getCommands(true);
    assert.ok(all.includes('clientPulse.generateHandover'));
  });

  it('opens the notes for Alice in the shared panel and saves them without overwriting', async () => {
    const root = workspaceRoot();
    const first = (await vscode.commands.executeCommand('clientPulse.generateHandover', {
      from: 'alice@agency.example',
      to: 'Carol Jones <carol@agency.example>',
      save: true,
    })) as HandoverResult;
    assert.ok(first, 'the command resolves to its result');
    assert.match(first.title, /Alice Martin → Carol Jones/);
    assert.deepEqual(first.clients, ['Acme Retail', 'Northwind Logistics', '星河教育']);
    for (const text of ['Loyalty app beta on TestFlight', 'Driver app offline mode for parcel scans', '直播课回放功能', 'Payment provider retires its v1 API']) {
      assert.ok(first.markdown.includes(text), text);
    }
    assert.match(first.suggestedRecordPath, /^\.project\/handover\/\d{4}-\d{2}-\d{2}-alice-martin\.md$/);
    assert.ok(first.saved && fs.existsSync(first.saved));
    assert.equal(fs.readFileSync(first.saved, 'utf8'), first.markdown);

    const panels = (await vscode.commands.executeCommand('clientPulse.test.draftPanels')) as PanelState[];
    const panel = panels.find((p) => p.session.source.kind === 'document' && p.session.source.docKind === 'handover');
    assert.ok(panel, `a handover panel is open (${panels.map((p) => p.title).join(', ')})`);
    assert.equal(panel.session.markdown, first.markdown);

    const second = (await vscode.commands.executeCommand('clientPulse.generateHandover', { from: 'alice@agency.example', clients: ['Acme Retail'], since: '30d', save: true })) as HandoverResult;
    assert.deepEqual(second.clients, ['Acme Retail']);
    assert.notEqual(second.saved, first.saved);
    assert.match(path.basename(second.saved ?? ''), /-alice-martin-2\.md$/);
    assert.equal(fs.readFileSync(first.saved, 'utf8'), first.markdown, 'the first file is untouched');
    assert.ok(root);
  });

  it('rejects a bad successor with the reason', async () => {
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('clientPulse.generateHandover', { from: 'alice@agency.example', to: 'Carol' })),
      /expected "Name <email>"/,
    );
  });
});
