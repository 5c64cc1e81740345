/**
 * The panel keeps the lead's edits (extension host, demo repository): a draft closed with edits
 * has them kept (workspace state) and offered when it is opened again; restoring or discarding
 * forgets them; a saved text is not "edited" (nothing kept on close); an unedited draft keeps nothing.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

const TEST_STATE = 'clientPulse.test.draftPanels';
const TEST_POST = 'clientPulse.test.draftPost';
const TEST_BLANKS = 'clientPulse.test.blanks';
const KEY = 'update:acme retail';

interface PanelInfo {
  key: string;
  ready: boolean;
  session: { markdown: string; generated: string; subject: string; savedMarkdown?: string };
  keptEdits?: { markdown: string; subject: string; keptAt: string };
  lastAction?: { kind: string; detail: string };
  notice?: { level: string; text: string };
}

async function panels(): Promise<PanelInfo[]> {
  return (await vscode.commands.executeCommand<PanelInfo[]>(TEST_STATE)) ?? [];
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function openAcme(): Promise<PanelInfo> {
  await vscode.commands.executeCommand('clientPulse.draftUpdate', { client: 'Acme Retail', period: 'this-week' });
  return waitFor('the Acme Retail panel', async () => (await panels()).find((p) => p.key === KEY && p.ready));
}

async function closeAcme(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await waitFor('the Acme Retail panel to close', async () => ((await panels()).some((p) => p.key === KEY) ? undefined : true));
}

async function post(message: unknown): Promise<void> {
  const r = await vscode.commands.executeCommand<{ accepted: boolean; error?: string }>(TEST_POST, KEY, message);
  assert.equal(r.accepted, true, r.error);
}

function root(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the harness opens a workspace folder');
  return folder.uri.fsPath;
}

describe('Panel: edits survive closing (extension host)', function () {
  this.timeout(90_000);
  const updates = () => path.join(root(), '.project', 'updates');
  let existing: Set<string>;

  before(async () => {
    existing = new Set(fs.existsSync(updates()) ? fs.readdirSync(updates()) : []);
    await vscode.commands.executeCommand(TEST_BLANKS, 'anyway');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const name of fs.existsSync(updates()) ? fs.readdirSync(updates()) : []) {
      if (!existing.has(name)) fs.rmSync(path.join(updates(), name), { recursive: true, force: true });
    }
  });

  it('an unedited draft keeps nothing when closed', async () => {
    const panel = await openAcme();
    assert.equal(panel.keptEdits, undefined);
    await closeAcme();
    assert.equal((await openAcme()).keptEdits, undefined, 'nothing offered');
    await closeAcme();
  });

  it('a draft closed with edits offers them on reopening, once; restoring forgets them', async () => {
    // (The snapshot holds the live session: copy what is compared before changing it.)
    const { generated, subject } = { ...(await openAcme()).session };
    const edited = `${generated}\nP.S. Thanks for Tuesday's call.\n`;
    await post({ type: 'edited', markdown: edited, subject: `${subject} (edited)` });
    await closeAcme();
    const reopened = await openAcme();
    assert.equal(reopened.keptEdits?.markdown, edited, 'the edits are offered');
    assert.equal(reopened.keptEdits?.subject, `${subject} (edited)`);
    assert.ok(!Number.isNaN(Date.parse(reopened.keptEdits?.keptAt ?? '')), 'with the time they were kept');
    assert.equal(reopened.session.markdown, reopened.session.generated, 'the panel shows the fresh draft until the lead restores');
    await post({ type: 'keptEdits', action: 'restore' });
    await post({ type: 'edited', markdown: edited, subject });
    const restored = await waitFor('the restored text', async () => (await panels()).find((p) => p.key === KEY && p.keptEdits === undefined && p.session.markdown === edited));
    assert.equal(restored.keptEdits, undefined);
    // Still edited, so closing keeps them again; discarding forgets them.
    await closeAcme();
    assert.equal((await openAcme()).keptEdits?.markdown, edited);
    await post({ type: 'keptEdits', action: 'discard' });
    await closeAcme();
    assert.equal((await openAcme()).keptEdits, undefined, 'discarded edits are not offered again');
    await closeAcme();
  });

  it('Mark as sent clears the mark: the saved text is not kept on close', async () => {
    const panel = await openAcme();
    const edited = `${panel.session.generated}\nP.S. Recorded as sent.\n`;
    await post({ type: 'edited', markdown: edited, subject: panel.session.subject });
    await post({ type: 'saveRecord', markdown: edited, subject: panel.session.subject });
    const saved = await waitFor('the record', async () => (await panels()).find((p) => p.key === KEY && p.lastAction?.kind === 'save'));
    assert.equal(saved.session.savedMarkdown, edited);
    assert.match(fs.readFileSync(saved.lastAction?.detail ?? '', 'utf8'), /P\.S\. Recorded as sent\./);
    await closeAcme();
    assert.equal((await openAcme()).keptEdits, undefined, 'a saved text is not offered as unsaved edits');
    await closeAcme();
  });

  it('in this browser workbench, Save as .eml and a too-long mail are offered as downloads, never "opened in your mail app"', async () => {
    assert.equal(vscode.env.uiKind, vscode.UIKind.Web, 'the harness runs the browser workbench');
    const panel = await openAcme();
    const { generated, subject } = { ...panel.session };
    const files = () => (fs.existsSync(updates()) ? fs.readdirSync(updates(), { recursive: true }).map(String).sort() : []);
    const written = files();
    await post({ type: 'saveEml', markdown: generated, subject });
    let now = await waitFor('the .eml download', async () => (await panels()).find((p) => p.key === KEY && p.lastAction?.kind === 'downloadEml'));
    assert.match(now.lastAction?.detail ?? '', /^\d{4}-\d{2}-\d{2}-acme-retail\.eml$/);
    assert.match(now.notice?.text ?? '', /offered 2026-11-20-acme-retail\.eml as a download/);
    // A text too long for a mailto: link (over 1,900 characters once encoded) becomes an .eml download too.
    const long = `${generated}\n${'Detail line for a long update. '.repeat(400)}\n`;
    await post({ type: 'openMail', markdown: long, subject });
    now = await waitFor('the mail download', async () => (await panels()).find((p) => p.key === KEY && p.notice?.text.includes('too long for a mail link')));
    assert.equal(now.lastAction?.kind, 'downloadEml');
    assert.match(now.notice?.text ?? '', /offered .* as a download/);
    assert.doesNotMatch(now.notice?.text ?? '', /opened in your mail app|handed to your mail app/);
    assert.deepEqual(files(), written, 'nothing was written into .project/updates');
    await post({ type: 'edited', markdown: generated, subject });
    await closeAcme();
  });
});
