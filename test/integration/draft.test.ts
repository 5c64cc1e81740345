/**
 * The draft command inside a real extension host, on the workspace the harness opens (a real git
 * repository with `.project/clients.md` naming "Acme Retail"). Expected commits are read from the
 * repository with git itself, so the test does not hard-code hashes.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

const TEST_STATE = 'clientPulse.test.draftPanels';
const TEST_POST = 'clientPulse.test.draftPost';
const KEY = 'update:acme retail';

interface PanelInfo {
  key: string;
  ready: boolean;
  title: string;
  session: {
    source: { kind: string; client?: string; period?: { since: string; until: string } };
    subject: string;
    markdown: string;
    generated: string;
    warnings: string[];
    options: { audience: string; language: string; statusOverride?: string; dropped: string[] };
    draft?: {
      client: string;
      language: string;
      subject: string;
      greeting: string;
      status: { status: string; overridden: boolean; computed?: string };
      sections: Array<{ id: string; lines: Array<{ id: string; text: string; hashes: string[]; dropped?: boolean }> }>;
    };
  };
  lastAction?: { kind: string; detail: string };
}

async function panels(): Promise<PanelInfo[]> {
  return (await vscode.commands.executeCommand<PanelInfo[]>(TEST_STATE)) ?? [];
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function acmePanel(predicate: (p: PanelInfo) => boolean = () => true): Promise<PanelInfo> {
  return waitFor('the Acme Retail panel', async () => (await panels()).find((p) => p.key === KEY && p.ready && predicate(p)));
}

function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the harness opens a workspace folder');
  return folder.uri.fsPath;
}

function git(args: string[]): string {
  return execFileSync('git', args, { cwd: workspaceRoot(), encoding: 'utf8' });
}

function today(): string {
  const fixed = process.env.CLIENT_PULSE_TODAY;
  if (fixed) return fixed;
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function shift(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** A period long enough to hold the fixture's history. */
const period = () => ({ since: shift(today(), -42), until: today() });

function commitsTouching(dir: string): Set<string> {
  const p = period();
  const out = git(['log', '--format=%H', `--since=${p.since}T00:00:00`, `--until=${p.until}T23:59:59`, '--', dir]);
  return new Set(out.split('\n').filter(Boolean));
}

function lineHashes(info: PanelInfo, section?: string): string[] {
  return (info.session.draft?.sections ?? []).filter((s) => !section || s.id === section).flatMap((s) => s.lines.flatMap((l) => l.hashes));
}

describe('Draft client update (extension host)', function () {
  this.timeout(60_000);

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens one panel whose draft names the client and traces its commits', async () => {
    await vscode.commands.executeCommand('clientPulse.draftUpdate', { client: 'Acme Retail', period: period() });
    const info = await acmePanel();
    const draft = info.session.draft;
    assert.ok(draft, 'the panel holds a composed draft');
    assert.equal(draft.client, 'Acme Retail');
    assert.match(draft.subject, /Acme Retail/);
    assert.match(info.session.markdown, /Acme Retail|Jane/);
    assert.deepEqual(info.session.source.period, period());

    const done = lineHashes(info, 'done');
    assert.ok(done.length > 0, 'work done in the period is listed with its commits');
    const acme = commitsTouching('apps/acme/');
    const others = new Set([...commitsTouching('apps/northwind/'), ...commitsTouching('apps/xinghe/')].filter((h) => !acme.has(h)));
    for (const hash of done) {
      assert.match(git(['cat-file', '-t', hash]), /^commit/, `${hash} is a commit of the repository`);
      assert.ok(!others.has(hash), `${hash} belongs to another client only`);
    }
    assert.ok(done.some((h) => acme.has(h)), 'at least one listed commit changed apps/acme/');

    // Running the command again for the same client reveals the same panel.
    await vscode.commands.executeCommand('clientPulse.draftUpdate', { client: 'Acme Retail', period: 'this-week' });
    const again = await acmePanel((p) => p.session.source.period?.since !== period().since);
    assert.equal((await panels()).filter((p) => p.key === KEY).length, 1);
    assert.equal(again.key, KEY);
  });

  it('regenerates on status override, language and dropped lines; rejects unknown messages', async () => {
    await vscode.commands.executeCommand('clientPulse.draftUpdate', { client: 'Acme Retail', period: period() });
    const first = await acmePanel();
    const lineId = first.session.draft?.sections.find((s) => s.id === 'done')?.lines[0]?.id;
    assert.ok(lineId);

    const result = await vscode.commands.executeCommand<{ accepted: boolean; error?: string }>(TEST_POST, KEY, {
      type: 'regenerate',
      options: { audience: 'client', language: 'zh-CN', statusOverride: 'off-track', dropped: [lineId] },
    });
    assert.deepEqual(result, { accepted: true });
    const zh = await acmePanel((p) => p.session.options.language === 'zh-CN');
    assert.equal(zh.session.draft?.language, 'zh-CN');
    assert.match(zh.session.subject, /【Acme Retail】/);
    assert.equal(zh.session.draft?.status.status, 'off-track');
    assert.equal(zh.session.draft?.status.overridden, true);
    const dropped = zh.session.draft?.sections.flatMap((s) => s.lines).find((l) => l.id === lineId);
    assert.equal(dropped?.dropped, true);
    assert.ok(!zh.session.markdown.includes(dropped?.text ?? '\u0000'), 'a dropped line is left out of the text');

    const rejected = await vscode.commands.executeCommand<{ accepted: boolean; error?: string }>(TEST_POST, KEY, { type: 'runCommand', command: 'workbench.action.terminal.new' });
    assert.equal(rejected?.accepted, false);
    assert.match(rejected?.error ?? '', /unknown message type/);
    const after = await acmePanel();
    assert.equal(after.session.markdown, zh.session.markdown, 'a rejected message changes nothing');
  });

  it('copies plain text and markdown through the host clipboard', async () => {
    await vscode.commands.executeCommand('clientPulse.draftUpdate', { client: 'Acme Retail', period: period() });
    const info = await acmePanel();
    const markdown = `${info.session.markdown}\n**Edited** by the lead.\n`;
    await vscode.commands.executeCommand(TEST_POST, KEY, { type: 'copy', format: 'markdown', markdown, subject: info.session.subject });
    assert.equal(await vscode.env.clipboard.readText(), markdown);
    await vscode.commands.executeCommand(TEST_POST, KEY, { type: 'copy', format: 'text', markdown, subject: info.session.subject });
    const text = await vscode.env.clipboard.readText();
    assert.match(text, /Edited by the lead\./);
    assert.ok(!text.includes('**'), 'plain text has no markdown markers');
  });

  it('names the mistakes in the client’s part of clients.md first among the panel’s warnings', async () => {
    const file = path.join(workspaceRoot(), '.project', 'clients.md');
    const before = fs.readFileSync(file, 'utf8');
    const northwind = before.indexOf('# Northwind');
    assert.ok(northwind > 0, 'the demo has Northwind after Acme Retail');
    const edited = `${before.slice(0, northwind).replace(/^Cadence:(.*)$/mu, 'Cadense:$1')}${before.slice(northwind)}`;
    assert.notEqual(edited, before, 'Acme Retail has a Cadence: line to misspell');
    try {
      fs.writeFileSync(file, edited);
      // The store reads the file again when it changes; each round opens a fresh panel.
      const info = await waitFor('a draft that names the misspelt field', async () => {
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        await vscode.commands.executeCommand('clientPulse.draftUpdate', { client: 'Acme Retail', period: period() });
        const p = await acmePanel();
        return p.session.warnings.some((w) => w.includes('Cadense')) ? p : undefined;
      });
      assert.match(info.session.warnings[0], /^The part of clients\.md for Acme Retail has problems that this draft reads as written, .*\(they are in the Problems panel\):$/u);
      assert.match(info.session.warnings[1], /^line \d+: Unknown field "Cadense" — did you mean "Cadence"\?/u);
      assert.equal(info.session.warnings.filter((w) => w.includes('Cadense')).length, 1, 'named once');
    } finally {
      fs.writeFileSync(file, before);
    }
    // Fixed: the warning goes away.
    await waitFor('a draft without it', async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.commands.executeCommand('clientPulse.draftUpdate', { client: 'Acme Retail', period: period() });
      const p = await acmePanel();
      return p.session.warnings.some((w) => w.includes('Cadense')) ? undefined : p;
    });
  });

  it('saves records as new files, never overwriting', async () => {
    await vscode.commands.executeCommand('clientPulse.draftUpdate', { client: 'Acme Retail', period: period() });
    const info = await acmePanel();
    const updates = path.join(workspaceRoot(), '.project', 'updates');
    const before = new Set(fs.existsSync(updates) ? fs.readdirSync(updates) : []);
    const created: string[] = [];
    try {
      for (const body of ['first save\n', 'second save\n']) {
        await vscode.commands.executeCommand(TEST_POST, KEY, { type: 'saveRecord', markdown: body, subject: info.session.subject });
        const now = fs.readdirSync(updates).filter((n) => !before.has(n) && !created.includes(n));
        assert.equal(now.length, 1, `one new record per save (${now.join(', ')})`);
        created.push(now[0]);
        const text = fs.readFileSync(path.join(updates, now[0]), 'utf8');
        assert.match(text, /^---\nclient: "Acme Retail"\n/);
        assert.ok(text.includes(body.trim()));
      }
      assert.match(created[0], new RegExp(`^${today()}-acme-retail(-\\d+)?\\.md$`));
      assert.notEqual(created[0], created[1]);
      for (const name of before) assert.ok(fs.existsSync(path.join(updates, name)), `${name} kept`);
    } finally {
      for (const name of created) fs.rmSync(path.join(updates, name), { force: true });
    }
  });
});
