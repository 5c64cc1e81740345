/**
 * Writes of the user's files in a real extension host: a tick on a full disk (a small tmpfs
 * mounted inside the workspace, when this host may mount one) says so and changes nothing, with
 * the file closed or open in a clean editor; ticks asked at once are all written; "Save record"
 * into a symlinked `.project/updates` that leads out of the workspace is refused and says why.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';

const VIEW = 'clientPulse.test.commitmentsView';
const CHECK = 'clientPulse.test.checkCommitment';
const PANELS = 'clientPulse.test.draftPanels';
const POST = 'clientPulse.test.draftPost';
const KEY = 'update:acme retail';

interface ItemSnapshot {
  label: string;
  checked?: boolean;
  children: ItemSnapshot[];
}

interface PanelInfo {
  key: string;
  ready: boolean;
  session: { subject: string; markdown: string; draft?: { client: string } };
  notice?: { level: string; text: string };
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}${last ? ` (${String(last)})` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the harness opens a workspace folder');
  return folder.uri.fsPath;
}

async function rows(): Promise<ItemSnapshot[]> {
  const v = await vscode.commands.executeCommand<{ items: ItemSnapshot[] }>(VIEW);
  return (v?.items ?? []).flatMap((i) => i.children);
}

/** Waits until the view shows `label` as `checked`. */
async function rowIs(label: string, checked: boolean): Promise<void> {
  await waitFor(`"${label}" shown ${checked ? 'done' : 'open'}`, async () => ((await rows()).some((r) => r.label === label && r.checked === checked) ? true : undefined));
}

const CLIENTS = [
  '# Acme Retail',
  '',
  'Contact: Jane Doe <jane@acme.example>',
  '',
  '## Commitments',
  '- [ ] First thing due:2026-11-27 @alice',
  '- [ ] Second thing due:2026-12-04',
  '- [ ] Third thing due:2026-12-11',
  ...Array.from({ length: 300 }, (_, i) => `- [x] Old thing ${i} done:2026-01-01`),
  '',
].join('\n');

let count = 0;

/** A folder inside the workspace whose clients.md the setting points at. */
async function useFolder(dir: string, text: string): Promise<string> {
  const file = path.join(dir, 'clients.md');
  fs.writeFileSync(file, text);
  await vscode.workspace.getConfiguration('clientPulse').update('clientsFile', path.relative(workspaceRoot(), file).split(path.sep).join('/'), vscode.ConfigurationTarget.Workspace);
  return file;
}

/** Mounts a tmpfs at a new folder inside the workspace, or says why it cannot. */
function mountTmpfs(): string | { reason: string } {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return { reason: 'the extension host is not root, so no tmpfs can be mounted' };
  const dir = path.join(workspaceRoot(), '.project', `full-disk-${process.pid}-${++count}`);
  fs.mkdirSync(dir, { recursive: true });
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=96k', 'tmpfs', dir], { stdio: 'pipe' });
  } catch (e) {
    fs.rmdirSync(dir);
    return { reason: `mount -t tmpfs failed: ${String((e as { stderr?: Buffer }).stderr ?? e).trim()}` };
  }
  return dir;
}

function unmount(dir: string): void {
  execFileSync('umount', ['-l', dir], { stdio: 'pipe' });
  fs.rmSync(dir, { recursive: true, force: true });
}

/** Fills the disk of `dir` until a write fails. */
function fill(dir: string): void {
  const fd = fs.openSync(path.join(dir, 'filler'), 'w');
  const chunk = Buffer.alloc(1024, 0x61);
  try {
    for (;;) fs.writeSync(fd, chunk);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e;
  } finally {
    fs.closeSync(fd);
  }
}

describe('Writes (extension host): full disk, concurrent ticks, links out of the workspace', function () {
  this.timeout(90_000);

  before(async () => {
    await vscode.commands.executeCommand('clientPulse.refresh');
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.getConfiguration('clientPulse').update('clientsFile', undefined, vscode.ConfigurationTarget.Workspace);
  });

  for (const open of [false, true]) {
    it(`a tick on a full disk (file ${open ? 'open in a clean editor' : 'closed'}) says the disk is full; clients.md keeps every byte; the row stays open`, async function () {
      const mounted = mountTmpfs();
      if (typeof mounted !== 'string') {
        console.log(`      skipped: ${mounted.reason}`);
        this.skip();
      }
      const dir = mounted as string;
      try {
        const file = await useFolder(dir, CLIENTS);
        let document: vscode.TextDocument | undefined;
        if (open) {
          document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
          await vscode.window.showTextDocument(document);
        }
        await rowIs('First thing', false);
        fill(dir);
        const error = await vscode.commands.executeCommand<string | undefined>(CHECK, 'First thing', true);
        assert.ok(error, 'the tick reports a failure');
        assert.match(error, /The disk is full; .*clients\.md was not changed\. Free some space and try again\./);
        assert.equal(fs.readFileSync(file, 'utf8'), CLIENTS, 'every byte of clients.md is as it was');
        assert.deepEqual(fs.readdirSync(dir).sort(), ['clients.md', 'filler'], 'no temp file left');
        if (document) {
          assert.equal(document.getText(), CLIENTS, 'the editor holds the text as it was');
          assert.equal(document.isDirty, false);
        }
        await rowIs('First thing', false);
        // With room again, the same tick goes through.
        fs.rmSync(path.join(dir, 'filler'));
        assert.equal(await vscode.commands.executeCommand(CHECK, 'First thing', true), undefined);
        assert.match(fs.readFileSync(file, 'utf8'), /^- \[x\] First thing due:2026-11-27 @alice .*2026-11-20/m);
        await rowIs('Second thing', false);
      } finally {
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        await vscode.workspace.getConfiguration('clientPulse').update('clientsFile', undefined, vscode.ConfigurationTarget.Workspace);
        unmount(dir);
      }
    });
  }

  it('when the disk fills up during the editor\'s own save, the check after it says so, takes the tick back and puts the file back', async function () {
    const mounted = mountTmpfs();
    if (typeof mounted !== 'string') {
      console.log(`      skipped: ${mounted.reason}`);
      this.skip();
    }
    const dir = mounted as string;
    const filling = vscode.workspace.onWillSaveTextDocument((e) => {
      if (e.document.uri.fsPath.startsWith(dir)) fill(dir);
    });
    // A file that ends 6 bytes before a page boundary: written in place, the tick needs one more page.
    const n = (((4090 - Buffer.byteLength(CLIENTS) - 8) % 4096) + 4096) % 4096;
    const padded = `${CLIENTS}<!--${'x'.repeat(n)}-->\n`;
    assert.equal(Buffer.byteLength(padded) % 4096, 4090);
    try {
      const file = await useFolder(dir, padded);
      const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
      await vscode.window.showTextDocument(document);
      await rowIs('Second thing', false);
      const error = await vscode.commands.executeCommand<string | undefined>(CHECK, 'Second thing', true);
      assert.ok(error, 'the tick reports a failure');
      assert.match(error, /clients\.md could not be saved \(is the disk full\?\): the editor's save failed half-way, so Client Pulse put the file back as it was/);
      assert.equal(document.getText(), padded, 'the tick was taken back in the editor; the text is all there');
      assert.equal(fs.readFileSync(file, 'utf8'), padded, 'the file the editor cut short holds its old bytes again');
      await rowIs('Second thing', false);
    } finally {
      filling.dispose();
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.getConfiguration('clientPulse').update('clientsFile', undefined, vscode.ConfigurationTarget.Workspace);
      unmount(dir);
    }
  });

  it('three ticks asked at once are all written, none lost', async () => {
    const dir = path.join(workspaceRoot(), '.project', `ticks-${process.pid}`);
    fs.mkdirSync(dir, { recursive: true });
    try {
      const file = await useFolder(dir, CLIENTS);
      await rowIs('Third thing', false);
      const errors = await Promise.all(['First thing', 'Second thing', 'Third thing'].map((label) => vscode.commands.executeCommand<string | undefined>(CHECK, label, true)));
      assert.deepEqual(errors, [undefined, undefined, undefined]);
      const text = fs.readFileSync(file, 'utf8');
      for (const label of ['First thing', 'Second thing', 'Third thing']) assert.match(text, new RegExp(`^- \\[x\\] ${label} `, 'm'));
      assert.equal(text.split('\n').length, CLIENTS.split('\n').length);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a large clients file (over 512 KiB) is read with a progress bar on the view, and a tick on it is written', async () => {
    const dir = path.join(workspaceRoot(), '.project', `large-${process.pid}`);
    fs.mkdirSync(dir, { recursive: true });
    try {
      const big = CLIENTS + Array.from({ length: 12_000 }, (_, i) => `- [x] Archived item number ${i} with some words in it done:2026-01-01`).join('\n') + '\n';
      assert.ok(Buffer.byteLength(big) > 512 * 1024);
      const before = await vscode.commands.executeCommand<number>('clientPulse.test.commitmentsProgress');
      const file = await useFolder(dir, big);
      await rowIs('Second thing', false);
      const after = await vscode.commands.executeCommand<number>('clientPulse.test.commitmentsProgress');
      assert.ok(after > before, `the view showed progress (${before} → ${after})`);
      assert.equal(await vscode.commands.executeCommand(CHECK, 'Second thing', true), undefined);
      assert.match(fs.readFileSync(file, 'utf8'), /^- \[x\] Second thing due:2026-12-04 .*2026-11-20/m);
      await rowIs('Third thing', false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('Save record into a symlinked .project/updates that leads out of the workspace is refused and says why', async () => {
    const updates = path.join(workspaceRoot(), '.project', 'updates');
    const aside = `${updates}.aside-${process.pid}`;
    const had = fs.existsSync(updates);
    if (had) fs.renameSync(updates, aside);
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'cp-outside-'));
    fs.symlinkSync(outside, updates);
    try {
      await vscode.commands.executeCommand('clientPulse.draftUpdate', { client: 'Acme Retail', period: 'this-week' });
      const panel = await waitFor('the Acme panel', async () => ((await vscode.commands.executeCommand<PanelInfo[]>(PANELS)) ?? []).find((p) => p.key === KEY && p.ready && p.session.draft));
      await vscode.commands.executeCommand(POST, KEY, { type: 'saveRecord', markdown: panel.session.markdown, subject: panel.session.subject });
      const after = ((await vscode.commands.executeCommand<PanelInfo[]>(PANELS)) ?? []).find((p) => p.key === KEY);
      assert.equal(after?.notice?.level, 'error', JSON.stringify(after?.notice));
      assert.match(after?.notice?.text ?? '', /was not saved: \.project\/updates leads to .*, outside the workspace folder/);
      assert.deepEqual(fs.readdirSync(outside), [], 'nothing was written where the link leads');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      fs.rmSync(updates);
      if (had) fs.renameSync(aside, updates);
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });
});
