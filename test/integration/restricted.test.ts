/**
 * Restricted Mode, in an untrusted copy of the demo repository: the sidebar shows commitments
 * without checkboxes and ticking changes nothing; the draft and the handover are written from
 * clients.md alone and say so; and no git runs at all. The runner sets GIT_TRACE to the file
 * CLIENT_PULSE_GIT_TRAP, so every git process started from the extension host leaves a line.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { runGit } from '../../src/core/git/run';

interface ItemSnapshot {
  label: string;
  checked?: boolean;
  children: ItemSnapshot[];
}

interface PanelInfo {
  key: string;
  ready: boolean;
  session: { markdown: string; subject: string; warnings: string[]; draft?: { client: string } };
  notice?: { level: string; text: string };
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function gitCalls(): string[] {
  const trap = process.env.CLIENT_PULSE_GIT_TRAP;
  assert.ok(trap, 'the runner sets CLIENT_PULSE_GIT_TRAP');
  return fs.existsSync(trap) ? fs.readFileSync(trap, 'utf8').split('\n').filter(Boolean) : [];
}

function root(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder);
  return folder.uri.fsPath;
}

describe('Restricted Mode (extension host, untrusted workspace)', function () {
  this.timeout(60_000);

  it('the workspace is untrusted and the extension is read-only', async () => {
    assert.equal(vscode.workspace.isTrusted, false, 'the runner opens this folder untrusted');
    const ext = vscode.extensions.getExtension('client-pulse.client-pulse');
    assert.ok(ext);
    await ext.activate();
    const view = await waitFor('the commitments view', async () => {
      const v = await vscode.commands.executeCommand<{ items: ItemSnapshot[] }>('clientPulse.test.commitmentsView');
      return v && v.items.length > 0 ? v : undefined;
    });
    const rows = view.items.flatMap((c) => c.children);
    assert.ok(rows.length >= 5, `open commitments are listed (${rows.length})`);
    assert.ok(rows.every((r) => r.checked === undefined), 'no checkboxes in Restricted Mode');
  });

  it('ticking and marking done change nothing on disk', async () => {
    const file = path.join(root(), '.project', 'clients.md');
    const before = fs.readFileSync(file, 'utf8');
    await vscode.commands.executeCommand('clientPulse.test.checkCommitment', 'Loyalty app beta on TestFlight').then(undefined, () => undefined);
    await new Promise((r) => setTimeout(r, 1000));
    assert.equal(fs.readFileSync(file, 'utf8'), before);
  });

  it('a draft is written from clients.md alone and says that the commits were not read', async () => {
    await vscode.commands.executeCommand('clientPulse.draftUpdate', { client: 'Acme Retail', period: 'this-week' });
    const panel = await waitFor('the Acme panel', async () =>
      ((await vscode.commands.executeCommand<PanelInfo[]>('clientPulse.test.draftPanels')) ?? []).find((p) => p.ready && p.session.draft?.client === 'Acme Retail'),
    );
    assert.ok(panel.session.warnings.some((w) => /Git history was not read/.test(w)), panel.session.warnings.join(' | '));
    assert.match(panel.session.markdown, /Loyalty app beta on TestFlight/, 'commitments from clients.md are there');
    assert.doesNotMatch(panel.session.markdown, /TestFlight build pipeline/, 'no commit made it in');
    assert.doesNotMatch(panel.session.markdown, /quiet week|no new changes shipped/, 'no claim that nothing shipped: the commits were not read');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('a Chinese client\'s draft makes no claim about shipped work either', async () => {
    await vscode.commands.executeCommand('clientPulse.draftUpdate', { client: '星河教育', period: 'this-week' });
    const panel = await waitFor('the 星河教育 panel', async () =>
      ((await vscode.commands.executeCommand<PanelInfo[]>('clientPulse.test.draftPanels')) ?? []).find((p) => p.ready && p.session.draft?.client === '星河教育'),
    );
    assert.match(panel.session.markdown, /直播课回放功能/, 'commitments from clients.md are there');
    assert.doesNotMatch(panel.session.markdown, /没有新的交付内容/);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('handover notes from clients.md alone', async () => {
    const result = await vscode.commands.executeCommand<{ markdown: string }>('clientPulse.generateHandover', { from: 'alice@agency.example', clients: ['Acme Retail'], save: false });
    assert.ok(result, 'the command returns the notes');
    assert.match(result.markdown, /Checkout p95 under 2 s on the payment step/);
    // Nothing is counted that was not read: branches and commits are "not known", never 0 or "none".
    assert.match(result.markdown, /Unmerged branches with work by Alice Martin: not known \(git history was not read\)/);
    assert.doesNotMatch(result.markdown, /Unmerged branches with work by [^:\n]+: \d/);
    assert.doesNotMatch(result.markdown, /No unmerged branches|No commits for this client|no linked commits/);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('a Save record or Save .eml posted by the page is refused by the host, with a message; nothing is written', async () => {
    const updates = path.join(root(), '.project', 'updates');
    const before = fs.existsSync(updates) ? fs.readdirSync(updates).sort() : [];
    await vscode.commands.executeCommand('clientPulse.draftUpdate', { client: 'Acme Retail', period: 'this-week' });
    const panel = await waitFor('the Acme panel', async () =>
      ((await vscode.commands.executeCommand<PanelInfo[]>('clientPulse.test.draftPanels')) ?? []).find((p) => p.ready && p.session.draft?.client === 'Acme Retail'),
    );
    for (const type of ['saveRecord', 'saveEml']) {
      const posted = await vscode.commands.executeCommand<{ accepted: boolean }>('clientPulse.test.draftPost', panel.key, { type, markdown: panel.session.markdown, subject: panel.session.subject });
      assert.equal(posted.accepted, true, 'the message itself is well-formed');
      const after = ((await vscode.commands.executeCommand<PanelInfo[]>('clientPulse.test.draftPanels')) ?? []).find((p) => p.key === panel.key);
      assert.equal(after?.notice?.level, 'error', `${type}: ${JSON.stringify(after?.notice)}`);
      assert.match(after?.notice?.text ?? '', /is off in Restricted Mode/);
    }
    assert.deepEqual(fs.existsSync(updates) ? fs.readdirSync(updates).sort() : [], before, 'no record was written');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('no git ran, from the extension or anything it started', async () => {
    assert.deepEqual(gitCalls(), []);
    // The trap works: git started the way the core starts it (its environment) is recorded.
    await runGit(root(), ['rev-parse', '--is-inside-work-tree']);
    assert.ok(gitCalls().some((l) => l.includes('rev-parse')), `the trap records the core's git (${gitCalls().join(' | ')})`);
  });
});
