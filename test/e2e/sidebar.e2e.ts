/**
 * End to end, as a person uses it: the real VS Code workbench (VS Code server, this folder as the
 * development extension; test/host/workbench.ts) in a real Chromium, driven by Playwright.
 *
 *   demo workspace → the Client Pulse activity-bar container → the Commitments tree in order with
 *   the overdue badge → tick a commitment's checkbox → the line changes on disk (and only it);
 *   the cadence reminder in the status bar; a workspace without a clients file shows the welcome
 *   view with "Create clients file".
 *   Screenshots: test-results/e2e/sidebar*.png (the README's media/sidebar.png is copied from them).
 *
 * Needs `node esbuild.js` (dist/) and the test host (`node test/host/setup.mjs`).
 * Run: npx mocha --no-config -r tsx/cjs --extension ts --timeout 240000 test/e2e/sidebar.e2e.ts
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { writeDemo } from '../support/demo';
import { useWorkbench, E2E_OUT } from '../support/e2e';

const TODAY = '2026-11-20'; // a Friday: the demo's dates are relative to it
const TICKED = 'Loyalty app beta on TestFlight';

async function waitForFile(file: string, predicate: (text: string) => boolean, timeoutMs: number): Promise<string> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
    if (text !== undefined && predicate(text)) return text;
    if (Date.now() > end) throw new Error(`${file} did not change as expected within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('Commitments sidebar (end to end, real workbench and browser)', function () {
  this.timeout(240_000);

  const suite = useWorkbench('sidebar', (tmp) => {
    writeDemo(path.join(tmp, 'demo'), TODAY);
    // The Space test's own copy: the tests before it tick rows of the demo and leave its editor dirty.
    writeDemo(path.join(tmp, 'keys'), TODAY);
    fs.mkdirSync(path.join(tmp, 'empty'));
    fs.writeFileSync(path.join(tmp, 'empty', 'README.md'), '# A project without a clients file\n');
  }, { env: { CLIENT_PULSE_TODAY: TODAY } });
  let page: Page;
  before(() => {
    page = suite.page;
  });

  async function openWorkspace(name: string): Promise<void> {
    await suite.bench.open(path.join(suite.tmp, name));
  }

  /** Clicks the Client Pulse icon in the activity bar and returns the view's pane body. */
  async function openContainer(): Promise<void> {
    // The action item, not its label: the overdue badge sits on the label and takes the click
    // (a person clicking the badge opens the container all the same).
    const icon = page.locator('.activitybar .action-item', { has: page.locator('[aria-label^="Client Pulse"]') }).first();
    await icon.waitFor({ state: 'visible', timeout: 30_000 });
    // One view in the container: its header is folded into the side bar's title. A window that
    // restored the container already shows it, and a click on its icon would close it.
    const title = page.locator('.part.sidebar .composite.title', { hasText: /Client Pulse/i }).first();
    if (!(await title.isVisible())) await icon.click();
    await title.waitFor({ timeout: 30_000 });
  }

  function row(label: string) {
    return page.locator('.part.sidebar .monaco-list-row', { hasText: label }).first();
  }

  it('shows the commitments in order with the overdue badge, and ticking one changes only its line on disk', async () => {
    const clients = path.join(suite.tmp, 'demo', '.project', 'clients.md');
    const original = fs.readFileSync(clients, 'utf8');
    await openWorkspace('demo');
    await openContainer();
    await row(TICKED).waitFor({ timeout: 30_000 });

    // Acme's open commitments: overdue first, then by due date.
    const labels = await page.locator('.part.sidebar .monaco-list-row').evaluateAll((rows) => rows.map((r) => (r.getAttribute('aria-label') ?? r.textContent ?? '').trim()));
    const order = ['Checkout p95 under 2 s', 'Loyalty app beta', 'Opening hours on the store map', 'Payment provider v2 migration'].map((t) => labels.findIndex((l) => l.includes(t)));
    assert.ok(order.every((i) => i >= 0), `every open Acme commitment is shown (rows: ${labels.join(' | ')})`);
    assert.deepEqual([...order].sort((a, b) => a - b), order, 'overdue first, then by due date');
    assert.ok(!labels.some((l) => l.includes('Store locator redesign')), 'done commitments are hidden');
    assert.match(labels[order[0]], /overdue 3 days/);

    // The badge on the container counts the overdue commitments (Acme 1, Northwind 1, 星河 1).
    const badge = page.locator('.activitybar .action-item', { has: page.locator('[aria-label^="Client Pulse"]') }).locator('.badge-content').first();
    await badge.waitFor({ timeout: 10_000 }).catch(() => undefined);
    if (await badge.isVisible()) {
      // The badge is drawn before its number: wait for a number, then check it.
      await badge.filter({ hasText: /\d/ }).waitFor({ timeout: 10_000 });
      assert.equal((await badge.textContent())?.trim(), '3');
    }

    // The cadence reminder.
    const status = page.locator('.statusbar-item', { hasText: /Next update|Update overdue/ }).first();
    await status.waitFor({ timeout: 15_000 });

    // For the README: a wider side bar next to the file itself, with a commitment's tooltip.
    const sash = await page.locator('.part.sidebar').boundingBox();
    if (sash) {
      await page.mouse.move(sash.x + sash.width + 1, sash.y + 300);
      await page.mouse.down();
      await page.mouse.move(sash.x + sash.width + 170, sash.y + 300, { steps: 8 });
      await page.mouse.up();
    }
    await page.keyboard.press('Control+p');
    await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
    await page.keyboard.type('.project/clients.md');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'clients.md' }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.editor-instance .view-lines', { hasText: 'Acme Retail' }).first().waitFor({ timeout: 15_000 });
    await page.screenshot({ path: path.join(E2E_OUT, 'sidebar.png') });
    await page.mouse.move(900, 700);

    // Tick the box as a person does.
    const target = row(TICKED);
    await target.hover();
    const box = target.locator('.custom-view-tree-node-item-checkbox, .monaco-checkbox, input[type="checkbox"]').first();
    await box.click();
    // Once in a few loaded runs the click showed the row's hover but did not toggle the box (the file
    // and the box unchanged): click again only in that state, then the file must change.
    const firstTry = await waitForFile(clients, (t) => t !== original, 8_000).catch(() => undefined);
    if (firstTry === undefined && (await box.getAttribute('aria-checked')) !== 'true' && fs.readFileSync(clients, 'utf8') === original) {
      await target.hover();
      await box.click();
    }
    const changed = firstTry ?? (await waitForFile(clients, (t) => t !== original, 20_000));
    const before = original.split('\n');
    const after = changed.split('\n');
    assert.equal(after.length, before.length);
    const diff = before.map((l, i) => (l === after[i] ? -1 : i)).filter((i) => i >= 0);
    assert.equal(diff.length, 1, 'exactly one line changed');
    assert.match(after[diff[0]], new RegExp(`^- \\[x\\] ${TICKED} due:2026-11-24 @alice #loyalty.*done:${TODAY}`));

    // The row goes away (done commitments are hidden) and the file stays valid.
    await row(TICKED).waitFor({ state: 'detached', timeout: 15_000 });
    await page.screenshot({ path: path.join(E2E_OUT, 'sidebar-ticked.png') });

    // The cadence reminder drafts that client's update when clicked.
    const reminder = page.locator('.statusbar-item', { hasText: /Next update: Acme Retail|Update overdue: Acme Retail/ }).first();
    // The client is already chosen: the draft command asks only for the period (step 2 of 2).
    // The item is redrawn when the file changes (just now): a click that lands on the old element
    // is lost, and a person clicks again.
    const periodPicker = page.locator('.quick-input-widget', { hasText: /period/i }).first();
    for (let attempt = 1; ; attempt++) {
      await reminder.click();
      try {
        await periodPicker.waitFor({ timeout: 10_000 });
        break;
      } catch (e) {
        if (attempt === 3) throw e;
      }
    }
    assert.match((await page.locator('.quick-input-widget .quick-input-title').first().textContent()) ?? '', /2\/2/);
    await page.keyboard.press('Escape');
  });

  it('with unsaved typing in clients.md, a tick goes into the editor and reaches the disk on save', async () => {
    const clients = path.join(suite.tmp, 'demo', '.project', 'clients.md');
    const original = fs.readFileSync(clients, 'utf8');
    await openWorkspace('demo');
    await openContainer();
    await page.keyboard.press('Control+p');
    await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
    await page.keyboard.type('.project/clients.md');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'clients.md' }).first().waitFor();
    await page.keyboard.press('Enter');
    const editor = page.locator('.editor-instance .monaco-editor').first();
    await editor.locator('.view-lines', { hasText: 'Acme Retail' }).waitFor({ timeout: 15_000 });
    // Type a note at the end of line 1 without saving.
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('End');
    await page.keyboard.type(' (key account)');
    await editor.locator('.view-lines', { hasText: 'Acme Retail (key account)' }).waitFor({ timeout: 10_000 });
    await page.waitForTimeout(1500);
    assert.equal(fs.readFileSync(clients, 'utf8'), original, 'the typing is not saved (auto save off)');

    const target = row('Route planner CSV import');
    await target.waitFor({ timeout: 15_000 });
    await target.hover();
    await target.locator('.custom-view-tree-node-item-checkbox, .monaco-checkbox, input[type="checkbox"]').first().click();
    // The tree follows the unsaved document: the ticked row goes (done ones are hidden).
    await row('Route planner CSV import').waitFor({ state: 'detached', timeout: 15_000 });
    assert.equal(fs.readFileSync(clients, 'utf8'), original, 'nothing reaches the disk before the user saves');

    await editor.locator('.view-lines').click({ position: { x: 200, y: 10 } });
    await page.keyboard.press('Control+s');
    const saved = await waitForFile(clients, (t) => t !== original, 15_000);
    const before = original.split('\n');
    const after = saved.split('\n');
    const diff = before.map((l, i) => (l === after[i] ? -1 : i)).filter((i) => i >= 0);
    assert.equal(after[0], '# Acme Retail (key account)');
    assert.equal(diff.length, 2, `the typed line and the ticked line changed, nothing else (changed: ${diff.join(', ')})`);
    assert.match(after[diff[1]], new RegExp(`^- \\[x\\] Route planner CSV import due:2026-11-26 @priya #csv-import.*done:${TODAY}`));
  });

  it('reports a mistake typed into clients.md in the Problems panel before saving', async () => {
    await openWorkspace('demo');
    await page.keyboard.press('Control+p');
    await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
    await page.keyboard.type('.project/clients.md');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'clients.md' }).first().waitFor();
    await page.keyboard.press('Enter');
    const editor = page.locator('.editor-instance .monaco-editor').first();
    await editor.locator('.view-lines', { hasText: 'Acme Retail' }).waitFor({ timeout: 15_000 });
    const problems = page.locator('#status\\.problems, .statusbar-item[id="status.problems"]').first();
    await problems.waitFor({ timeout: 15_000 });
    // The item reads "⊗ <errors> ⚠ <warnings>".
    const errorsOf = async () => Number(/(\d+)/.exec((await problems.textContent()) ?? '')?.[1] ?? NaN);
    const before = await errorsOf();
    // An impossible date on the first commitment (line 18), typed and not saved.
    await page.keyboard.press('Control+g');
    await page.keyboard.type('18');
    await page.keyboard.press('Enter');
    await page.keyboard.press('End');
    await page.keyboard.type(' done:2026-02-30');
    const end = Date.now() + 15_000;
    while ((await errorsOf()) <= before && Date.now() < end) await page.waitForTimeout(200);
    assert.ok((await errorsOf()) > before, `the Problems count rose from ${before}`);
    await page.keyboard.press('Control+Shift+m');
    await page.locator('.markers-panel .monaco-list-row', { hasText: /2026-02-30|date/i }).first().waitFor({ timeout: 10_000 });
    await page.screenshot({ path: path.join(E2E_OUT, 'sidebar-problems.png') });
  });

  it('at 300 px the fact leads each row, whole: "3 d overdue · …", "due in 9 d · …"', async () => {
    await openWorkspace('demo');
    await openContainer();
    await row('Checkout p95 under 2 s').waitFor({ timeout: 30_000 });
    // Drag the side bar's edge to 300 px, as a person does.
    const bar = await page.locator('.part.sidebar').boundingBox();
    assert.ok(bar);
    await page.mouse.move(bar.x + bar.width + 1, bar.y + 300);
    await page.mouse.down();
    await page.mouse.move(bar.x + 300, bar.y + 300, { steps: 8 });
    await page.mouse.up();
    const width = async () => (await page.locator('.part.sidebar').boundingBox())?.width ?? 0;
    const end = Date.now() + 10_000;
    while (Math.abs((await width()) - 300) > 12 && Date.now() < end) await page.waitForTimeout(100);
    assert.ok(Math.abs((await width()) - 300) <= 12, `the side bar is about 300 px (${await width()})`);
    await page.screenshot({ path: path.join(E2E_OUT, 'sidebar-300.png') });
    // Each row's fact is drawn in full inside the side bar; the title may be cut after it.
    const overdue = row('Checkout p95 under 2 s');
    const label = overdue.locator('.label-name').first();
    assert.match((await label.textContent()) ?? '', /^3 d overdue · Checkout p95/);
    const fact = overdue.locator('.label-name .highlight').first();
    const box = await fact.boundingBox();
    const rowBox = await overdue.boundingBox();
    assert.ok(box && rowBox && box.x + box.width <= rowBox.x + rowBox.width, 'the overdue fact is inside the row');
    assert.equal((await fact.textContent())?.trim(), '3 d overdue');
    const later = row('Opening hours on the store map pins');
    assert.match((await later.locator('.label-name').first().textContent()) ?? '', /^due in 9 d · Opening hours/);
  });

  it('Space on the focused row ticks its box (and does not open the file)', async () => {
    const clients = path.join(suite.tmp, 'keys', '.project', 'clients.md');
    const original = fs.readFileSync(clients, 'utf8');
    const target = 'Payment provider v2 migration';
    await openWorkspace('keys');
    await openContainer();
    await row(target).waitFor({ timeout: 30_000 });
    await page.keyboard.press('Escape');
    const tabs = () => page.locator('.tabs-container .tab', { hasText: 'clients.md' }).count();
    const tabsBefore = await tabs();
    // Into the tree with the keyboard, then down to the row, as a person does. The palette may take
    // Enter before its list shows the command, and the tree may draw itself again just after it got
    // the focus (the store's first reading): when the tree has no focused row (a state), ask again.
    const treeFocused = page.locator('.part.sidebar .monaco-list:focus-within').first();
    const focused = page.locator('.part.sidebar .monaco-list-row.focused');
    for (let attempt = 1; ; attempt++) {
      try {
        await page.keyboard.press('Control+Shift+p');
        await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
        await page.keyboard.type('Focus on Commitments View');
        await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: /Focus on Commitments View/ }).first().waitFor();
        await page.keyboard.press('Enter');
        await treeFocused.waitFor({ timeout: 10_000 });
        // A tree focused for the first time has no focused row until a key moves it.
        if ((await focused.count()) === 0) await page.keyboard.press('ArrowDown');
        await focused.first().waitFor({ timeout: 5_000 });
        break;
      } catch (e) {
        if (attempt >= 4) throw e;
        await page.keyboard.press('Escape');
      }
    }
    for (let i = 0; i < 30 && !((await focused.first().textContent()) ?? '').includes(target); i++) {
      const was = (await focused.first().getAttribute('data-index')) ?? '';
      await page.keyboard.press('ArrowDown');
      // Wait for the focus to move (a state, not a time).
      await page.locator(`.part.sidebar .monaco-list-row.focused:not([data-index="${was}"])`).first().waitFor({ timeout: 10_000 });
    }
    assert.match((await focused.first().textContent()) ?? '', new RegExp(target));
    await page.keyboard.press('Space');
    const changed = await waitForFile(clients, (t) => t !== original, 20_000);
    const before = original.split('\n');
    const after = changed.split('\n');
    const diff = before.map((l, i) => (l === after[i] ? -1 : i)).filter((i) => i >= 0);
    assert.equal(diff.length, 1, 'exactly one line changed');
    assert.match(after[diff[0]], new RegExp(`^- \\[x\\] ${target}.*(done:|✅ )${TODAY}`));
    // The Undo offer, and no editor opened by the key.
    // (A toast, or in the notification centre once the toast has been hidden.)
    await page.keyboard.press('Control+Shift+p');
    await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
    await page.keyboard.type('Notifications: Show Notifications');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: /Show Notifications/ }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.notifications-center .notification-list-item, .notifications-toasts .notification-toast', { hasText: /Marked .* done/ }).first().waitFor({ timeout: 15_000 });
    await page.screenshot({ path: path.join(E2E_OUT, 'sidebar-space.png') });
    assert.equal(await tabs(), tabsBefore, 'Space did not open clients.md');
    await page.keyboard.press('Escape');
  });

  it('shows the welcome view with "Create clients file" in a workspace without a clients file', async () => {
    await openWorkspace('empty');
    await openContainer();
    const button = page.locator('.part.sidebar .welcome-view-content a, .part.sidebar .welcome-view-content .monaco-button', { hasText: 'Create clients file' }).first();
    await button.waitFor({ timeout: 30_000 });
    await page.screenshot({ path: path.join(E2E_OUT, 'sidebar-welcome.png') });
    await button.click();
    const created = path.join(suite.tmp, 'empty', '.project', 'clients.md');
    const text = await waitForFile(created, (t) => t.length > 0, 20_000);
    assert.match(text, /^# /m, 'the template names an example client');
    // The welcome content gives way to the tree of the new file.
    await button.waitFor({ state: 'detached', timeout: 15_000 });
    await page.locator('.part.sidebar .monaco-list-row').first().waitFor({ timeout: 15_000 });
  });
});
