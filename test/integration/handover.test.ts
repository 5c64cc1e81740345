/**
 * "Client Pulse: Generate handover notes" inside a real extension host, on the workspace the
 * harness opens (a git repository with `.project/clients.md`): the command with an argument
 * object opens the shared document panel with the notes and saves them under .project/handover/
 * without overwriting. Expectations come from the workspace's own clients.md.
 */
import * as assert from 'node:assert/strict';
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

interface PanelInfo {
  key: string;
  title: string;
  session: { source: { kind: string; docKind?: string; suggestedRecordPath?: string }; markdown: string; subject: string };
  lastAction?: { kind: string; detail: string };
}

function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the harness opens a workspace folder');
  return folder.uri.fsPath;
}

/** What the notes must contain, read from clients.md as written: names, open commitments, risks. */
function expectations(text: string): { clients: string[]; owner?: string; open: string[]; risks: string[] } {
  const clients = [...text.matchAll(/^# (.+)$/gmu)].map((m) => m[1].trim());
  const owner = /^(?:Owner|负责人)\s*[:：]\s*.*<([^>]+)>/mu.exec(text)?.[1];
  const open = [...text.matchAll(/^- \[ \] (.+)$/gmu)]
    .map((m) => m[1].split(/\s(?:due:|📅|@|#)/u)[0].trim())
    .filter((t) => t.length > 0);
  const risks = [...text.matchAll(/^- (?:high|medium|low|高|中|低)\s*[:：]\s*(.+?)(?:\s*[—;-]\s*(?:mitigation:|应对：)|$)/gimu)].map((m) => m[1].trim());
  return { clients, ...(owner ? { owner } : {}), open, risks };
}

async function panels(): Promise<PanelInfo[]> {
  return (await vscode.commands.executeCommand<PanelInfo[]>('clientPulse.test.draftPanels')) ?? [];
}

describe('handover command (extension host)', function () {
  this.timeout(60_000);
  let root: string;
  let expected: ReturnType<typeof expectations>;

  before(async () => {
    root = workspaceRoot();
    expected = expectations(fs.readFileSync(path.join(root, '.project', 'clients.md'), 'utf8'));
    const ext = vscode.extensions.all.find((e) => (e.packageJSON as { name?: string }).name === 'client-pulse');
    assert.ok(ext, 'the extension is installed in the host');
    await ext.activate();
  });

  it('is a command of the palette', async () => {
    assert.ok((await vscode.commands.getCommands(true)).includes('clientPulse.generateHandover'));
  });

  it('opens the notes in the shared panel with every client, open commitment and risk, and saves them without overwriting', async () => {
    const args = { ...(expected.owner ? { from: expected.owner } : {}), to: 'Carol Jones <carol@agency.example>', save: true };
    const first = await vscode.commands.executeCommand<HandoverResult>('clientPulse.generateHandover', args);
    assert.ok(first, 'the command resolves to its result');
    assert.match(first.title, /→ Carol Jones$/);
    assert.deepEqual(first.clients, expected.clients);
    for (const text of [...expected.open, ...expected.risks]) assert.ok(first.markdown.includes(text), `missing: ${text}`);
    assert.match(first.suggestedRecordPath, /^\.project\/handover\/\d{4}-\d{2}-\d{2}-.+\.md$/);
    assert.ok(first.saved && fs.existsSync(first.saved), 'saved');
    assert.equal(fs.readFileSync(first.saved, 'utf8'), first.markdown);

    const open = (await panels()).find((p) => p.session.source.kind === 'document' && p.session.source.docKind === 'handover');
    assert.ok(open, 'a handover panel is open');
    assert.equal(open.session.markdown, first.markdown);
    assert.equal(open.session.source.suggestedRecordPath, first.suggestedRecordPath);

    const second = await vscode.commands.executeCommand<HandoverResult>('clientPulse.generateHandover', { ...args, since: '30d' });
    assert.ok(second.saved && second.saved !== first.saved, 'a second file');
    assert.match(path.basename(second.saved), /-2\.md$/);
    assert.equal(fs.readFileSync(first.saved, 'utf8'), first.markdown, 'the first file is untouched');
    for (const f of [first.saved, second.saved]) fs.rmSync(f);
  });

  it("the panel's Save writes the lead's text at the suggested path, then beside it, never overwriting", async () => {
    const result = await vscode.commands.executeCommand<HandoverResult>('clientPulse.generateHandover', { ...(expected.owner ? { from: expected.owner } : {}) });
    const open = (await panels()).find((p) => p.session.source.kind === 'document' && p.session.source.suggestedRecordPath === result.suggestedRecordPath);
    assert.ok(open, 'the notes are open in the panel');
    const wanted = path.join(root, ...result.suggestedRecordPath.split('/'));
    assert.equal(fs.existsSync(wanted), false, 'nothing saved before Save');
    const saved: string[] = [];
    try {
      for (const body of [`${result.markdown}\nEdited by the lead.`, 'second save\n']) {
        const answer: { accepted: boolean } | undefined = await vscode.commands.executeCommand<{ accepted: boolean }>('clientPulse.test.draftPost', open.key, { type: 'saveRecord', markdown: body, subject: open.session.subject });
        assert.deepEqual(answer, { accepted: true });
        const last: PanelInfo['lastAction'] = (await panels()).find((p) => p.key === open.key)?.lastAction;
        assert.ok(last?.kind === 'save', `saved (${JSON.stringify(last)})`);
        saved.push(last.detail);
        assert.equal(fs.readFileSync(last.detail, 'utf8'), body.endsWith('\n') ? body : `${body}\n`);
      }
      assert.equal(saved[0], wanted);
      assert.equal(saved[1], wanted.replace(/\.md$/u, '-2.md'));
      assert.match(fs.readFileSync(saved[0], 'utf8'), /Edited by the lead\.\n$/u, 'the first file is untouched');
    } finally {
      for (const f of saved) fs.rmSync(f, { force: true });
    }
  });

  it('rejects a successor that is not "Name <email>", with the reason', async () => {
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('clientPulse.generateHandover', { to: 'Carol' })),
      /expected "Name <email>"/,
    );
  });
});
