/**
 * The lead's week in the draft panel (issue 13), inside a real extension host on the demo
 * repository: the internal report's recipients, blanks as a check, the proposed new date written
 * back to clients.md, and "Save draft" vs "Mark as sent".
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

const TEST_STATE = 'clientPulse.test.draftPanels';
const TEST_POST = 'clientPulse.test.draftPost';
const TEST_BLANKS = 'clientPulse.test.blanks';
const KEY = 'update:acme retail';

interface Line {
  id: string;
  text: string;
  commitmentId?: string;
  proposedDate?: string;
}
interface PanelInfo {
  key: string;
  ready: boolean;
  session: {
    subject: string;
    markdown: string;
    options: { audience: string; language: string; dropped: string[]; proposedDates?: Record<string, string> };
    draft?: {
      audience: string;
      subject: string;
      to: Array<{ name: string; email?: string }>;
      cc: string[];
      sections: Array<{ id: string; lines: Line[] }>;
    };
  };
  lastAction?: { kind: string; detail: string };
  notice?: { level: string; text: string };
}
interface BlanksInfo {
  asked: string[][];
  selected: Array<{ offset: number; length: number; text: string }>;
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

function root(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the harness opens a workspace folder');
  return folder.uri.fsPath;
}

const today = () => process.env.CLIENT_PULSE_TODAY ?? new Date().toISOString().slice(0, 10);
function shift(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
const period = () => ({ since: shift(today(), -6), until: today() });

async function blanks(answer?: 'anyway' | 'cancel' | 'fill'): Promise<BlanksInfo> {
  return (await vscode.commands.executeCommand<BlanksInfo>(TEST_BLANKS, answer)) ?? { asked: [], selected: [] };
}

describe('The lead’s week in the draft panel (extension host)', function () {
  this.timeout(60_000);
  const clientsFile = () => path.join(root(), '.project', 'clients.md');
  const updates = () => path.join(root(), '.project', 'updates');
  let original: Buffer;
  let before: Set<string>;

  beforeEach(async () => {
    original = fs.readFileSync(clientsFile());
    before = new Set(fs.existsSync(updates()) ? fs.readdirSync(updates()) : []);
    await vscode.commands.executeCommand('clientPulse.draftUpdate', { client: 'Acme Retail', period: period() });
    await acmePanel();
  });

  afterEach(async () => {
    await blanks('anyway');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.writeFileSync(clientsFile(), original);
    for (const name of fs.existsSync(updates()) ? fs.readdirSync(updates()) : []) {
      if (!before.has(name)) fs.rmSync(path.join(updates(), name), { recursive: true, force: true });
    }
  });

  it('the internal report is addressed to the Owner (Cc the Backup), never to the client’s contacts or Cc', async () => {
    const client = await acmePanel();
    assert.ok(client.session.draft?.to.some((p) => p.email?.endsWith('@acme.example')), 'the client e-mail goes to the client');
    await vscode.commands.executeCommand(TEST_POST, KEY, { type: 'regenerate', options: { audience: 'internal', language: 'en', dropped: [] } });
    const internal = await acmePanel((p) => p.session.draft?.audience === 'internal');
    assert.deepEqual(internal.session.draft?.to, [{ name: 'Alice Martin', email: 'alice@agency.example' }]);
    assert.deepEqual(internal.session.draft?.cc, ['wang.wei@agency.example']);
    assert.match(internal.session.subject, /Internal/);
  });

  it('a client e-mail carrying the internal report’s detail is refused with the reason, the first marker selected', async () => {
    const state = async (what: string, predicate: (p: PanelInfo) => boolean) =>
      waitFor(what, async () => (await panels()).find((p) => p.key === KEY && p.ready && predicate(p))).catch(async (e: Error) => {
        const now = (await panels()).find((p) => p.key === KEY);
        throw new Error(`${e.message}: ${JSON.stringify({ audience: now?.session.draft?.audience, start: now?.session.markdown.slice(0, 60), last: now?.lastAction, notice: now?.notice })}`);
      });
    await vscode.commands.executeCommand(TEST_POST, KEY, { type: 'regenerate', options: { audience: 'internal', language: 'en', dropped: [] } });
    const internal = await state('the internal report', (p) => p.session.draft?.audience === 'internal' && p.session.markdown.startsWith('Internal'));
    const internalText = internal.session.markdown;
    await vscode.commands.executeCommand(TEST_POST, KEY, { type: 'regenerate', options: { audience: 'client', language: 'en', dropped: [] } });
    const client = await state('the client e-mail', (p) => p.session.draft?.audience === 'client' && p.session.markdown.startsWith('Hi Jane'));
    const clientText = client.session.markdown;
    await vscode.env.clipboard.writeText('untouched');
    await blanks('anyway');
    // The lead pastes the internal report's text into the client e-mail and copies it.
    await vscode.commands.executeCommand(TEST_POST, KEY, { type: 'copy', format: 'markdown', markdown: internalText, subject: client.session.subject });
    const refused = await state('the refusal', (p) => p.notice?.level === 'error');
    assert.match(refused.notice?.text ?? '', /^Not sent: this e-mail to the client carries internal detail \(“[0-9a-f]{7}”/);
    assert.equal(await vscode.env.clipboard.readText(), 'untouched', 'refused: nothing copied');
    for (const type of ['openMail', 'saveEml', 'saveRecord'] as const) {
      await vscode.commands.executeCommand(TEST_POST, KEY, { type, markdown: internalText, subject: client.session.subject });
    }
    assert.deepEqual(fs.existsSync(updates()) ? fs.readdirSync(updates()).filter((n) => !before.has(n)) : [], [], 'refused: no record');
    // The generated client text goes out.
    await vscode.commands.executeCommand(TEST_POST, KEY, { type: 'copy', format: 'markdown', markdown: clientText, subject: client.session.subject });
    const copied = await state('the copy', (p) => p.lastAction?.kind === 'copy');
    assert.notEqual(copied.notice?.level, 'error', copied.notice?.text);
    assert.equal(await vscode.env.clipboard.readText(), clientText);
  });

  it('the sidebar tooltip names people (王伟, not only @wang), dates as a reader writes them, and its commit links open the commit', async () => {
    const title = 'Checkout p95 under 2 s on the payment step';
    const source = await waitFor('the tooltip with linked commits', async () => {
      const text = await vscode.commands.executeCommand<string>('clientPulse.test.commitmentTooltip', title).then((t) => t, () => undefined);
      return text?.includes('command:clientPulse.showCommit') ? text : undefined;
    });
    const plain = source.replace(/&nbsp;/g, ' ').replace(/\\([\\`*_{}[\]()#+\-.!~<>|])/g, '$1');
    assert.match(plain, /王伟 \(@wang\)/);
    assert.doesNotMatch(plain.split('Linked commits')[1] ?? '', /\b20\d\d-\d\d-\d\d\b/, 'no ISO dates in the commit list');
    const link = /\(command:clientPulse\.showCommit\?([^ )]+)/.exec(source);
    assert.ok(link, source);
    const [ref] = JSON.parse(decodeURIComponent(link[1])) as Array<{ folder: string; hash: string }>;
    assert.match(ref.hash, /^[0-9a-f]{40}$/);
    const uri = await vscode.commands.executeCommand<string>('clientPulse.showCommit', ref);
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
    assert.ok(doc, 'the commit is open');
    assert.match(doc.getText(), new RegExp(`^commit ${ref.hash}`));
    assert.match(doc.getText(), /\d+ files? changed/);
    // Anything but a commit id is refused (no option reaches git).
    assert.equal(await vscode.commands.executeCommand('clientPulse.showCommit', { folder: ref.folder, hash: '--output=/tmp/x' }), undefined);
  });

  it('blanks stop copy until filled or sent anyway; "Fill in…" selects the blank', async () => {
    const info = await acmePanel();
    const markdown = info.session.markdown;
    const at = markdown.indexOf('____');
    assert.ok(at >= 0, 'the overdue commitment has a blank for its new date');
    await vscode.env.clipboard.writeText('untouched');
    const asked = (await blanks('cancel')).asked.length;
    await vscode.commands.executeCommand(TEST_POST, KEY, { type: 'copy', format: 'markdown', markdown, subject: info.session.subject });
    const seen = await blanks();
    assert.equal(seen.asked.length, asked + 1);
    assert.ok(seen.asked.at(-1)?.includes('____'));
    assert.equal(await vscode.env.clipboard.readText(), 'untouched', 'cancelled: nothing copied');

    await blanks('fill');
    await vscode.commands.executeCommand(TEST_POST, KEY, { type: 'copy', format: 'markdown', markdown, subject: info.session.subject });
    assert.deepEqual((await blanks()).selected.at(-1), { offset: at, length: 4, text: '____' });
    assert.equal(await vscode.env.clipboard.readText(), 'untouched', 'filling in: nothing copied');

    await blanks('anyway');
    await vscode.commands.executeCommand(TEST_POST, KEY, { type: 'copy', format: 'markdown', markdown, subject: info.session.subject });
    assert.equal(await vscode.env.clipboard.readText(), markdown, 'sent anyway: copied');
    const filled = markdown.replace(/____/g, '4 Dec');
    const count = (await blanks('cancel')).asked.length;
    await vscode.commands.executeCommand(TEST_POST, KEY, { type: 'copy', format: 'markdown', markdown: filled, subject: info.session.subject });
    assert.equal((await blanks()).asked.length, count, 'no blank: no question');
    assert.equal(await vscode.env.clipboard.readText(), filled);
  });

  it('Mark as sent writes the proposed new date into clients.md, keeping the missed one as promised:', async () => {
    const info = await acmePanel();
    const overdue = info.session.draft?.sections.find((s) => s.id === 'overdue')?.lines[0];
    assert.ok(overdue?.commitmentId, 'Acme has an overdue commitment');
    const oldLine = original.toString('utf8').split('\n').find((l) => l.startsWith('- [ ] Checkout p95'));
    assert.ok(oldLine);
    const oldDue = /due:(\d{4}-\d{2}-\d{2})/.exec(oldLine)?.[1];
    const newDue = shift(today(), 7);
    await vscode.commands.executeCommand(TEST_POST, KEY, { type: 'regenerate', options: { audience: 'client', language: 'en', dropped: [], proposedDates: { [overdue.commitmentId]: newDue } } });
    const proposed = await acmePanel((p) => p.session.draft?.sections.some((s) => s.lines.some((l) => l.proposedDate === newDue)) === true);
    await vscode.commands.executeCommand(TEST_POST, KEY, { type: 'saveRecord', markdown: proposed.session.markdown, subject: proposed.session.subject });
    const text = await waitFor('the new date in clients.md', async () => {
      const now = fs.readFileSync(clientsFile(), 'utf8');
      return now.includes(`due:${newDue}`) ? now : undefined;
    });
    assert.equal(text, original.toString('utf8').replace(oldLine, oldLine.replace(`due:${oldDue}`, `due:${newDue} promised:${oldDue}`)), 'only that line changed');
    // The next draft tells the client the date moved (once the file watcher has seen the change).
    const next = await waitFor('a draft that says the date moved', async () => {
      await vscode.commands.executeCommand(TEST_POST, KEY, { type: 'regenerate', options: { audience: 'client', language: 'en', dropped: [] } });
      return (await panels()).find((p) => p.key === KEY && /date was missed; new date/.test(p.session.markdown));
    });
    assert.match(next.session.markdown, /Checkout p95 under 2 s on the payment step: the \d+ Nov date was missed; new date \d+ \w+, because ____/);
  });

  it('Save draft does not record the update as sent; the same Mark as sent twice writes one record', async () => {
    const info = await acmePanel();
    await vscode.commands.executeCommand(TEST_POST, KEY, { type: 'saveDraft', markdown: 'half done\n', subject: info.session.subject });
    // (lastAction is the panels' last action: it may still hold an earlier test's.)
    const saved = await acmePanel((p) => p.lastAction?.kind === 'saveDraft' && fs.existsSync(p.lastAction.detail) && fs.readFileSync(p.lastAction.detail, 'utf8').includes('half done'));
    assert.equal(path.dirname(saved.lastAction?.detail ?? ''), path.join(updates(), 'drafts'));
    assert.match(fs.readFileSync(saved.lastAction?.detail ?? '', 'utf8'), /^---\nclient: "Acme Retail"\nstate: draft\nsaved: /);
    assert.deepEqual(fs.readdirSync(updates()).filter((n) => !before.has(n)), ['drafts'], 'no sent record');

    const body = 'All done, nothing to fill in.\n';
    await vscode.commands.executeCommand(TEST_POST, KEY, { type: 'saveRecord', markdown: body, subject: info.session.subject });
    const first = await acmePanel((p) => p.lastAction?.kind === 'save' && fs.existsSync(p.lastAction.detail) && !before.has(path.basename(p.lastAction.detail)));
    await vscode.commands.executeCommand(TEST_POST, KEY, { type: 'saveRecord', markdown: body, subject: info.session.subject });
    const second = await acmePanel((p) => p.lastAction?.kind === 'unchanged');
    assert.equal(second.lastAction?.detail, first.lastAction?.detail);
    assert.deepEqual(fs.readdirSync(updates()).filter((n) => !before.has(n) && n !== 'drafts').length, 1, 'one record');
  });
});
