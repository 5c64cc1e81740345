/**
 * The Commitments sidebar, ticking, diagnostics and the welcome state inside a real extension
 * host. Each test points `clientPulse.clientsFile` at a fixture file of its own inside the
 * harness's workspace, and restores the setting afterwards.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

const VIEW = 'clientPulse.test.commitmentsView';
const CHECK = 'clientPulse.test.checkCommitment';
const CONTEXT = 'clientPulse.test.contextKeys';

interface ItemSnapshot {
  label: string;
  shown: string;
  highlights?: [number, number][];
  aria?: string;
  description?: string;
  contextValue?: string;
  checked?: boolean;
  icon?: string;
  color?: string;
  line?: number;
  children: ItemSnapshot[];
}
interface ViewSnapshot {
  badge?: number;
  message?: string;
  selected: string[];
  items: ItemSnapshot[];
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

async function waitFor<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 15_000): Promise<T> {
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

let fixtureCount = 0;

/** Writes `text` as a fresh clients file and points the setting at it. */
async function useFixture(text: string | Buffer): Promise<{ file: string; uri: vscode.Uri }> {
  fixtureCount++;
  const rel = `.project/shell-test-${process.pid}-${fixtureCount}/clients.md`;
  const file = path.join(workspaceRoot(), rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  await vscode.workspace.getConfiguration('clientPulse').update('clientsFile', rel, vscode.ConfigurationTarget.Workspace);
  return { file, uri: vscode.Uri.file(file) };
}

async function view(): Promise<ViewSnapshot> {
  const v = await vscode.commands.executeCommand<ViewSnapshot>(VIEW);
  assert.ok(v, 'the test command answers (extension in test mode)');
  return v;
}

/** Waits until the view shows a commitment labelled `label` in the state `checked`. */
async function viewWith(label: string, checked?: boolean): Promise<ViewSnapshot> {
  return waitFor(`the view to show "${label}"`, async () => {
    const v = await view();
    const found = v.items.flatMap((i) => [i, ...i.children]).find((i) => i.label === label && (checked === undefined || i.checked === checked));
    return found ? v : undefined;
  });
}

const T = today();
const d = (n: number) => shift(T, n);

function fixture(eol: string): string {
  return [
    '# Acme Retail',
    '',
    'Acme runs grocery stores.',
    '',
    'Cadence: weekly Fri',
    '',
    '## Commitments',
    '- [ ] Undated thing @alice',
    `- [ ] Later thing due:${d(20)} @bob #later`,
    `- [x] Finished thing due:${d(-10)} done:${d(-11)}`,
    `- [ ] Overdue thing due:${d(-3)} @alice #late  `,
    `- [ ] Soon thing 📅 ${d(1)}`,
    '',
    '# Beta Co',
    '',
    '## Commitments',
    `- [ ] Beta overdue due:${d(-1)}`,
    '',
  ].join(eol);
}

describe('Commitments sidebar (extension host)', function () {
  this.timeout(60_000);

  before(async () => {
    // Any command of ours activates the extension.
    await vscode.commands.executeCommand('clientPulse.refresh');
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  after(async () => {
    await vscode.workspace.getConfiguration('clientPulse').update('clientsFile', undefined, vscode.ConfigurationTarget.Workspace);
    for (const name of fs.readdirSync(path.join(workspaceRoot(), '.project'))) {
      if (name.startsWith(`shell-test-${process.pid}-`)) fs.rmSync(path.join(workspaceRoot(), '.project', name), { recursive: true, force: true });
    }
  });

  it('lists each client’s open commitments, overdue first then by due date, with a badge of the overdue ones', async () => {
    await useFixture(fixture('\n'));
    const v = await viewWith('Beta overdue');
    assert.deepEqual(
      v.items.map((i) => [i.label, i.contextValue, i.children.map((c) => c.label)]),
      [
        ['Acme Retail', 'client', ['Overdue thing', 'Soon thing', 'Later thing', 'Undated thing']],
        ['Beta Co', 'client', ['Beta overdue']],
      ],
    );
    assert.equal(v.badge, 2);
    const acme = v.items[0].children;
    assert.deepEqual(
      acme.map((c) => [c.icon, c.checked, c.contextValue, c.line]),
      [
        ['error', false, 'commitment.open', 10],
        [acme[1].icon, false, 'commitment.open', 11],
        ['calendar', false, 'commitment.open', 8],
        ['circle-outline', false, 'commitment.open', 7],
      ],
    );
    assert.ok(['clock', 'calendar'].includes(acme[1].icon ?? ''), 'tomorrow is this week (clock) or, on the last day of the week, later');
    // The fact leads the row (the description is cut off first at 300 px), highlighted when overdue.
    assert.equal(acme[0].shown, `3 d overdue · ${acme[0].label}`);
    assert.deepEqual(acme[0].highlights, [[0, '3 d overdue'.length]]);
    assert.equal(acme[0].description, '@alice');
    assert.match(acme[0].aria ?? '', /overdue 3 days, @alice$/);
    assert.match(acme[1].shown, /^due tomorrow · /);
    assert.match(acme[3].shown, /^no date · /);
    assert.equal(acme[3].description, '@alice');
  });

  it('resolves a markdown tooltip with the full text, due date, owner and the linked-commits section', async () => {
    await useFixture(fixture('\n'));
    await viewWith('Overdue thing');
    const source = await vscode.commands.executeCommand<string>('clientPulse.test.commitmentTooltip', 'Overdue thing');
    assert.equal(typeof source, 'string');
    // Text from the file is escaped in the markdown source (`2026\-11\-17`, `\#late`; spaces
    // become `&nbsp;` in VS Code 1.9x and later).
    const tooltip = source.replace(/&nbsp;/g, ' ').replace(/\\([\\`*_{}[\]()#+\-.!~<>|])/g, '$1');
    assert.match(tooltip, /Overdue thing/);
    // Dates as the reader writes them (VS Code's display language), not YYYY-MM-DD.
    const reader = new Intl.DateTimeFormat(vscode.env.language, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${d(-3)}T00:00:00Z`));
    assert.ok(tooltip.includes(`Due: ${reader}`), tooltip);
    assert.match(tooltip, /@alice/);
    assert.match(tooltip, /#late/);
    // The harness's workspace is trusted and a git repository: the linked commits are looked up.
    assert.match(tooltip, vscode.workspace.isTrusted ? /Linked commits/ : /Restricted Mode/);
  });

  it('shows done commitments after the open ones when asked', async () => {
    await useFixture(fixture('\n'));
    await viewWith('Beta overdue');
    await vscode.commands.executeCommand('clientPulse.toggleDone');
    try {
      const v = await waitFor('done items', async () => {
        const s = await view();
        return s.items[0]?.children.some((c) => c.label === 'Finished thing') ? s : undefined;
      });
      const acme = v.items[0].children;
      assert.equal(acme.at(-1)?.label, 'Finished thing');
      assert.equal(acme.at(-1)?.checked, true);
      assert.equal(acme.at(-1)?.contextValue, 'commitment.done');
    } finally {
      await vscode.commands.executeCommand('clientPulse.toggleDone');
    }
  });

  it('filters by owner and clears the filter', async () => {
    await useFixture(fixture('\n'));
    await viewWith('Beta overdue');
    await vscode.commands.executeCommand('clientPulse.filter', { owner: 'alice' });
    const v = await waitFor('the filtered view', async () => {
      const s = await view();
      return s.items.length === 1 ? s : undefined;
    });
    assert.deepEqual(v.items[0].children.map((c) => c.label), ['Overdue thing', 'Undated thing']);
    assert.match(v.message ?? '', /@alice/);
    await vscode.commands.executeCommand('clientPulse.filter', {});
    await waitFor('the unfiltered view', async () => ((await view()).items.length === 2 ? true : undefined));
  });

  for (const [name, eol] of [
    ['LF', '\n'],
    ['CRLF', '\r\n'],
  ] as const) {
    it(`ticking a closed ${name} file changes exactly that line on disk, and unticking restores every byte`, async () => {
      const original = fixture(eol);
      const { file } = await useFixture(original);
      await viewWith('Overdue thing', false);
      await vscode.commands.executeCommand(CHECK, 'Overdue thing', true);
      const ticked = fs.readFileSync(file, 'utf8');
      // Only the ticked line differs; every other line (and every line break) is as it was.
      const a = original.split(eol);
      const b = ticked.split(eol);
      assert.equal(b.length, a.length);
      const changed = a.map((line, i) => (line === b[i] ? -1 : i)).filter((i) => i >= 0);
      assert.deepEqual(changed, [10]);
      assert.match(b[10], new RegExp(`^- \\[x\\] Overdue thing due:${d(-3)} @alice #late.*done:${T}`));
      assert.equal(ticked.split('\r\n').length - 1, eol === '\r\n' ? a.length - 1 : 0, 'line breaks kept');

      await viewWith('Beta overdue');
      await vscode.commands.executeCommand(CHECK, 'Soon thing', true);
      await vscode.commands.executeCommand('clientPulse.toggleDone');
      try {
        await viewWith('Overdue thing', true);
        await vscode.commands.executeCommand(CHECK, 'Overdue thing', false);
        await vscode.commands.executeCommand(CHECK, 'Soon thing', false);
      } finally {
        await vscode.commands.executeCommand('clientPulse.toggleDone');
      }
      assert.equal(fs.readFileSync(file, 'utf8'), original, 'done then undone restores the exact bytes');
    });
  }

  it('ticking with unsaved edits in the open document edits the document (undoable) and keeps the user’s changes', async () => {
    const original = fixture('\n');
    const { file, uri } = await useFixture(original);
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((b) => b.insert(new vscode.Position(2, 0), 'Unsaved note from the lead.\n'));
    assert.ok(document.isDirty);
    const edited = document.getText();
    await viewWith('Overdue thing', false);
    await vscode.commands.executeCommand(CHECK, 'Overdue thing', true);

    const line = document.lineAt(11).text;
    assert.match(line, new RegExp(`^- \\[x\\] Overdue thing due:${d(-3)} @alice #late.*done:${T}`));
    assert.equal(document.getText().replace(line, edited.split('\n')[11]), edited, 'nothing else changed in the document');
    assert.ok(document.isDirty, 'the user’s unsaved work stays unsaved');
    assert.equal(fs.readFileSync(file, 'utf8'), original, 'the file on disk is untouched until the user saves');

    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), edited, 'one undo takes the tick back');
  });

  it('ticking in a clean open document saves it', async () => {
    const original = fixture('\n');
    const { file, uri } = await useFixture(original);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    await viewWith('Soon thing', false);
    await vscode.commands.executeCommand(CHECK, 'Soon thing', true);
    assert.equal(document.isDirty, false);
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    assert.match(lines[11], new RegExp(`^- \\[x\\] Soon thing 📅 ${d(1)}.*(done:|✅ )${T}`));
    assert.deepEqual(lines.filter((_, i) => i !== 11), original.split('\n').filter((_, i) => i !== 11));
  });

  it('reports problems as diagnostics with the right ranges, and follows typing', async () => {
    const text = ['# Acme Retail', '', '## Commitments', '- [ ] Impossible date due:2026-13-45', '- [ ] Fine due:2026-12-01', ''].join('\n');
    const { uri } = await useFixture(text);
    const diagnostics = await waitFor('diagnostics', () => {
      const list = vscode.languages.getDiagnostics(uri);
      return list.length > 0 ? list : undefined;
    });
    const bad = diagnostics.find((x) => x.range.start.line === 3);
    assert.ok(bad, `a diagnostic on line 4 (got ${diagnostics.map((x) => `${x.range.start.line}:${x.code}`).join(', ')})`);
    assert.equal(bad.source, 'Client Pulse');
    assert.equal(bad.severity, vscode.DiagnosticSeverity.Error);
    const document = await vscode.workspace.openTextDocument(uri);
    assert.match(document.getText(bad.range), /2026-13-45/);

    // Typing a second mistake (unsaved) shows up without saving.
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((b) => b.insert(new vscode.Position(4, 0), '- [ ] Also wrong due:2026-02-30\n'));
    const after = await waitFor('a diagnostic for the typed line', () => {
      const list = vscode.languages.getDiagnostics(uri);
      return list.some((x) => x.range.start.line === 4) ? list : undefined;
    });
    assert.match(document.getText(after.find((x) => x.range.start.line === 4)?.range), /2026-02-30/);
  });

  it('shows the welcome content when there is no clients file, and creates one from the template', async () => {
    const rel = `.project/shell-test-${process.pid}-none/clients.md`;
    await vscode.workspace.getConfiguration('clientPulse').update('clientsFile', rel, vscode.ConfigurationTarget.Workspace);
    const keys = await waitFor('hasClientsFile false', async () => {
      const k = await vscode.commands.executeCommand<{ hasClientsFile?: boolean }>(CONTEXT);
      return k?.hasClientsFile === false ? k : undefined;
    });
    assert.equal(keys.hasClientsFile, false);
    assert.deepEqual((await view()).items, []);

    await vscode.commands.executeCommand('clientPulse.createClientsFile');
    const file = path.join(workspaceRoot(), rel);
    assert.ok(fs.existsSync(file), 'the clients file is created');
    const created = fs.readFileSync(file, 'utf8');
    assert.match(created, /^# /m, 'the template has an example client');
    await waitFor('hasClientsFile true', async () => ((await vscode.commands.executeCommand<{ hasClientsFile?: boolean }>(CONTEXT))?.hasClientsFile ? true : undefined));

    // Running it again never overwrites.
    fs.appendFileSync(file, '\n<!-- mine -->\n');
    await vscode.commands.executeCommand('clientPulse.createClientsFile');
    assert.match(fs.readFileSync(file, 'utf8'), /<!-- mine -->\n$/);
  });

  it('adds a commitment under the right client', async () => {
    const { file } = await useFixture(fixture('\n'));
    await viewWith('Beta overdue');
    const added = await vscode.commands.executeCommand<boolean>('clientPulse.addCommitment', { client: 'beta co', text: 'Send the invoice', due: d(5), owner: 'alice', tag: 'invoice' });
    assert.equal(added, true);
    const text = fs.readFileSync(file, 'utf8');
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.includes('Send the invoice'));
    assert.ok(at > lines.indexOf('# Beta Co'), 'added in Beta Co');
    assert.match(lines[at], new RegExp(`^- \\[ \\] Send the invoice.*due:${d(5)}`));
    assert.match(lines[at], /@alice/);
    assert.match(lines[at], /#invoice/);
    assert.equal(text.replace(`${lines[at]}\n`, ''), fixture('\n'), 'one line added, nothing else changed');
    await viewWith('Send the invoice', false);
  });

  it('reveals and selects the row it added (several owners and tags from the one-line input)', async () => {
    await useFixture(fixture('\n'));
    await viewWith('Beta overdue');
    const added = await vscode.commands.executeCommand<boolean>('clientPulse.addCommitment', { client: 'Acme Retail', text: 'Opening hours on pins', due: d(2), owners: ['alice', 'bob'], tags: ['hours', 'map'] });
    assert.equal(added, true);
    const v = await waitFor('the new row selected', async () => {
      const snap = await view();
      return snap.selected.includes('Opening hours on pins') ? snap : undefined;
    });
    const row = v.items[0].children.find((c) => c.label === 'Opening hours on pins');
    assert.equal(row?.description, '@alice, @bob');
  });

  it('a broken date is an error on its row, not "no date"; client counts follow the filter; overdue / this week filters', async () => {
    await useFixture(fixture('\n').replace('- [ ] Undated thing @alice', '- [ ] Broken thing due:2026-13-45 @alice'));
    const v = await viewWith('Broken thing');
    const broken = v.items[0].children.find((c) => c.label === 'Broken thing');
    assert.equal(broken?.shown, 'date invalid · Broken thing');
    assert.equal(broken?.icon, 'error');
    assert.match(broken?.aria ?? '', /due:2026-13-45 is invalid/);
    try {
      await vscode.commands.executeCommand('clientPulse.filter', { due: 'overdue' });
      const overdue = await waitFor('the overdue filter', async () => {
        const snap = await view();
        return snap.message?.includes('overdue') ? snap : undefined;
      });
      assert.deepEqual(overdue.items.map((i) => [i.label, i.description, i.children.map((c) => c.label)]), [
        ['Acme Retail', '1 open, 1 overdue', ['Overdue thing']],
        ['Beta Co', '1 open, 1 overdue', ['Beta overdue']],
      ]);
      await vscode.commands.executeCommand('clientPulse.filter', { due: 'thisWeek', client: 'Acme Retail' });
      const week = await waitFor('the this-week filter', async () => {
        const snap = await view();
        return snap.message?.includes('due this week') ? snap : undefined;
      });
      assert.deepEqual(week.items.map((i) => i.label), ['Acme Retail']);
      assert.ok(week.items[0].children.some((c) => c.label === 'Overdue thing'), 'overdue is due by this week');
      assert.ok(!week.items[0].children.some((c) => c.label === 'Later thing'));
    } finally {
      await vscode.commands.executeCommand('clientPulse.filter', {});
    }
  });

  it('Undo after a tick gives back the exact bytes', async () => {
    const { file } = await useFixture(fixture('\r\n'));
    await viewWith('Overdue thing', false);
    const before = fs.readFileSync(file);
    await vscode.commands.executeCommand(CHECK, 'Overdue thing', true);
    await waitFor('the tick on disk', () => (fs.readFileSync(file, 'utf8').includes('- [x] Overdue thing') ? true : undefined));
    await vscode.commands.executeCommand('clientPulse.test.undoTick');
    await waitFor('the exact bytes back', () => (fs.readFileSync(file).equals(before) ? true : undefined));
  });

  it('Change due date on an overdue commitment keeps the missed promise in the line', async () => {
    const { file } = await useFixture(fixture('\n'));
    await viewWith('Overdue thing');
    await vscode.commands.executeCommand('clientPulse.test.changeDueDate', 'Overdue thing', d(9));
    const line = await waitFor('the new date on disk', () => fs.readFileSync(file, 'utf8').split('\n').find((l) => l.includes(`due:${d(9)}`)));
    assert.equal(line, `- [ ] Overdue thing due:${d(9)} promised:${d(-3)} @alice #late  `);
  });
});
