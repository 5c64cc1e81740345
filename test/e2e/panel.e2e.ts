/**
 * End to end, the draft panel as a person sees it in the real workbench (VS Code server + Chromium):
 *
 *   at 1280×800, 1500×900 and 1920×1080, in the dark and the light theme: the page is never taller
 *   than the panel (no page scroll), the toolbar is one row holding Save draft and Mark as sent, and
 *   source and preview scroll together;
 *   Copy is confirmed in the status area at the top (role=status);
 *   typing shows the Edited mark; Revert to generated brings the draft back (the text one click away);
 *   closing the panel keeps the edits, and opening the draft again offers them;
 *   Mark as sent clears the mark; Save as .eml in this browser workbench is a download to the
 *   user's machine, and the status says so.
 * Screenshots: test-results/e2e/panel-<theme>-<width>x<height>.png, panel-kept-edits.png, panel-saved.png.
 *
 * Needs `node esbuild.js` (dist/) and the test host (`node test/host/setup.mjs`).
 * Run: npx mocha --no-config -r tsx/cjs --extension ts --timeout 240000 test/e2e/panel.e2e.ts
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { writeDemo } from '../support/demo';
import { useWorkbench, E2E_OUT } from '../support/e2e';

const TODAY = '2026-11-20';
interface LayoutFacts {
  page: { scroll: number; client: number; bodyScroll: number; bodyClient: number };
  ids: string[];
  bottoms: number[];
  barRight: number;
  rightmost: number;
}

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1500, height: 900 },
  { width: 1920, height: 1080 },
];

/** Polls `probe` until it returns a value (not undefined), for states that have no event to wait on. */
async function until<T>(page: Page, what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await page.waitForTimeout(150);
  }
}

describe('Draft panel: fits, confirms, keeps edits (end to end, real workbench and browser)', function () {
  this.timeout(300_000);

  const suite = useWorkbench('panel', (tmp) => writeDemo(path.join(tmp, 'demo'), TODAY), {
    env: { CLIENT_PULSE_TODAY: TODAY },
    viewport: SIZES[0],
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  let page: Page;

  before(async () => {
    page = suite.page;
    await suite.bench.open(path.join(suite.tmp, 'demo'));
    if (await page.locator('.part.sidebar').isVisible()) await page.keyboard.press('Control+b');
  });

  /**
   * F1 → a command, retried while the extension host is still registering commands, and when the
   * palette closed before its row could be clicked (a panel taking the focus closes it; seen under load).
   */
  async function palette(command: string, row: string | RegExp = command): Promise<void> {
    const item = page.locator('.quick-input-list .monaco-list-row', { hasText: row }).first();
    for (let attempt = 1; ; attempt++) {
      await page.locator('.part.statusbar').click({ position: { x: 600, y: 5 } });
      await page.keyboard.press('F1');
      await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
      await page.keyboard.type(command);
      try {
        await item.waitFor({ timeout: 5_000 });
        // The row itself, not whichever row the palette put first (a recently used one).
        await item.click({ timeout: 5_000 });
        return;
      } catch (e) {
        await page.keyboard.press('Escape');
        if (attempt === 8) throw e;
      }
    }
  }

  async function openDraft(client: string): Promise<Frame> {
    // A fresh panel each time: a panel left open by the test before is given the new draft a moment after
    // it is found, and would replace what this test types next (seen under load).
    const open = page.locator('.tabs-container .tab', { hasText: `Update: ${client}` });
    if (await open.count()) {
      await open.first().click();
      await palette('View: Close Editor');
      await open.first().waitFor({ state: 'detached' });
    }
    await palette('Client Pulse: Draft client update');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: client }).first().waitFor();
    await page.keyboard.type(client);
    await page.keyboard.press('Enter');
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: /^This week/ }).first();
    await row.waitFor();
    await row.click();
    const frame = await until(page, `the panel of ${client}`, async () => {
      for (const f of page.frames()) {
        if ((await f.locator('#preview h2').count()) && (await f.locator('#title').innerText()).includes(client)) return f;
      }
      return undefined;
    });
    return frame;
  }

  /** Clicks `selector`; when the blanks check asks first, goes on with "Send anyway" / "Save anyway". */
  async function clickPastBlanks(frame: Frame, selector: string, done: () => Promise<boolean>): Promise<void> {
    await frame.locator(selector).click();
    const dialog = page.locator('.monaco-dialog-box', { hasText: /blank/ }).first();
    await until(page, `the result of ${selector}`, async () => {
      if (await dialog.isVisible()) {
        await dialog.locator('.monaco-button', { hasText: /anyway/ }).first().click();
        await dialog.waitFor({ state: 'hidden' });
      }
      return (await done()) ? true : undefined;
    });
  }

  /** The page's size once the workbench has laid the webview out for the new viewport (two equal reads). */
  async function settledSize(frame: Frame, minWidth: number): Promise<{ width: number; height: number }> {
    let last = '';
    return until(page, 'the panel to take the new size', async () => {
      const size = await frame.evaluate<{ width: number; height: number }>('({ width: innerWidth, height: innerHeight })');
      const key = JSON.stringify(size);
      const stable = key === last && size.width >= minWidth;
      last = key;
      return stable ? size : undefined;
    });
  }

  /** What the page's layout is, read in the page (a string: the test's tsconfig has no DOM types). */
  async function layoutFacts(frame: Frame): Promise<LayoutFacts> {
    return frame.evaluate<LayoutFacts>(`(() => {
      const doc = document.documentElement;
      const body = document.body;
      const bar = document.querySelector('.toolbar');
      const controls = [...bar.querySelectorAll(':scope > .field, .actions > .field, .actions > vscode-button, .actions > .more > vscode-button')];
      return {
        page: { scroll: doc.scrollHeight, client: doc.clientHeight, bodyScroll: body.scrollHeight, bodyClient: body.clientHeight },
        ids: controls.map((c) => c.id || (c.querySelector('[id]') || {}).id || c.className),
        bottoms: controls.map((c) => Math.round(c.getBoundingClientRect().bottom)),
        barRight: Math.round(bar.getBoundingClientRect().right),
        rightmost: Math.round(Math.max(...controls.map((c) => c.getBoundingClientRect().right))),
      };
    })()`);
  }

  async function checkSizes(frame: Frame, theme: 'dark' | 'light'): Promise<void> {
    for (const size of SIZES) {
      await page.setViewportSize(size);
      const inner = await settledSize(frame, size.width - 200);
      const facts = await layoutFacts(frame);
      const where = `${theme} ${size.width}×${size.height} (panel ${inner.width}×${inner.height})`;
      assert.ok(facts.page.scroll <= facts.page.client, `${where}: no page scroll (${JSON.stringify(facts.page)})`);
      assert.ok(facts.page.bodyScroll <= facts.page.bodyClient, `${where}: the body fits (${JSON.stringify(facts.page)})`);
      assert.ok(facts.ids.includes('save-draft') && facts.ids.includes('save-record'), `${where}: Save draft and Mark as sent are on the toolbar (${facts.ids.join(', ')})`);
      assert.equal(new Set(facts.bottoms).size, 1, `${where}: one toolbar row (${facts.ids.map((id, i) => `${id}@${facts.bottoms[i]}`).join(', ')})`);
      assert.ok(facts.rightmost <= facts.barRight, `${where}: nothing sticks out of the toolbar`);
      await page.mouse.move(0, 0);
      await page.screenshot({ path: path.join(E2E_OUT, `panel-${theme}-${size.width}x${size.height}.png`) });
    }
    // 1280 px with the side bar open (the Commitments view beside the draft): still one row, no page scroll.
    await page.setViewportSize(SIZES[0]);
    await settledSize(frame, SIZES[0].width - 200);
    await page.locator('.part.statusbar').click({ position: { x: 600, y: 5 } });
    await page.keyboard.press('Control+b');
    await page.locator('.part.sidebar').waitFor({ state: 'visible' });
    const narrow = await until(page, 'the panel beside the side bar', async () => {
      const size = await frame.evaluate<{ width: number; height: number }>('({ width: innerWidth, height: innerHeight })');
      return size.width < SIZES[0].width - 250 ? size : undefined;
    });
    await settledSize(frame, 0);
    const facts = await layoutFacts(frame);
    const where = `${theme} 1280×800 with the side bar (panel ${narrow.width}×${narrow.height})`;
    assert.ok(facts.page.scroll <= facts.page.client, `${where}: no page scroll (${JSON.stringify(facts.page)})`);
    assert.equal(new Set(facts.bottoms).size, 1, `${where}: one toolbar row (${facts.ids.map((id, i) => `${id}@${facts.bottoms[i]}`).join(', ')})`);
    assert.ok(facts.rightmost <= facts.barRight, `${where}: nothing sticks out of the toolbar (${facts.rightmost} > ${facts.barRight})`);
    // The Status and Audience selects show their whole choice ("Computed (At risk)", "Client e-mail"), not a cut-off one.
    for (const [id, pattern] of [['status', '\\('], ['audience', 'mail']]) {
      const face = await frame.evaluate<{ scroll: number; client: number; text: string } | null>(`(() => {
        const el = document.getElementById('${id}');
        const nodes = el && el.shadowRoot ? [...el.shadowRoot.querySelectorAll('*')] : [];
        const face = nodes.filter((n) => n.children.length === 0 && /${pattern}/.test(n.textContent || '') && n.getBoundingClientRect().width > 0).pop();
        return face ? { scroll: face.scrollWidth, client: face.clientWidth, text: face.textContent } : null;
      })()`);
      assert.ok(face && face.scroll <= face.client + 1, `${where}: the ${id} choice is shown whole (${JSON.stringify(face)})`);
    }
    await page.mouse.move(0, 0);
    await page.screenshot({ path: path.join(E2E_OUT, `panel-${theme}-1280x800-sidebar.png`) });
    await page.locator('.part.statusbar').click({ position: { x: 600, y: 5 } });
    await page.keyboard.press('Control+b');
    await page.locator('.part.sidebar').waitFor({ state: 'hidden' });
    await settledSize(frame, SIZES[0].width - 200);
  }

  it('fits the panel at 1280×800, 1500×900 and 1920×1080 (dark theme), one toolbar row, source and preview in sync', async () => {
    const frame = await openDraft('Acme Retail');
    assert.equal(await frame.evaluate<boolean>(`document.body.classList.contains('vscode-dark')`), true, 'the dark theme');
    await checkSizes(frame, 'dark');
    // Make the text long enough to scroll, then scroll the source: the preview follows.
    const source = frame.locator('#source');
    const long = `${await source.inputValue()}\n${Array.from({ length: 80 }, (_, i) => `- Note ${i + 1} for the scroll test`).join('\n')}\n`;
    await source.fill(long);
    await frame.locator('#preview', { hasText: 'Note 80 for the scroll test' }).waitFor();
    await frame.evaluate(`(() => {
      const el = document.getElementById('source');
      el.scrollTop = (el.scrollHeight - el.clientHeight) / 2;
    })()`);
    const fraction = await until(page, 'the preview to follow the source', () =>
      frame.evaluate<number | undefined>(`(() => {
        const p = document.getElementById('preview');
        const f = p.scrollTop / (p.scrollHeight - p.clientHeight);
        return f > 0.4 && f < 0.6 ? f : undefined;
      })()`),
    );
    assert.ok(fraction > 0.4 && fraction < 0.6, `the preview is halfway too (${fraction})`);
    // Back to the generated draft for the next test.
    await frame.locator('#revert').click();
    await frame.locator('#edited').waitFor({ state: 'hidden' });
  });

  it('Copy is confirmed in the status area at the top; typing shows Edited, and Revert brings the draft back', async () => {
    const frame = await openDraft('Acme Retail');
    await clickPastBlanks(frame, '#copy', async () => (await frame.locator('#toast', { hasText: 'Copied as plain text.' }).count()) > 0);
    const toast = frame.locator('#toast');
    assert.equal(await toast.getAttribute('role'), 'status');
    const box = await toast.boundingBox();
    const viewport = await frame.evaluate<number>('innerHeight');
    assert.ok(box && box.height > 0 && box.y < viewport * 0.15, `the confirmation is at the top of the panel (${JSON.stringify(box)} of ${viewport})`);
    assert.equal(await toast.isVisible(), true);

    assert.equal(await frame.locator('#edited').isVisible(), false, 'not edited yet');
    const source = frame.locator('#source');
    const generated = await source.inputValue();
    await source.focus();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\nP.S. The demo is on Thursday.');
    await frame.locator('#edited').waitFor({ state: 'visible' });
    await frame.locator('#revert').click();
    await frame.locator('#edited').waitFor({ state: 'hidden' });
    assert.equal(await source.inputValue(), generated, 'the generated draft is back');
    await frame.locator('#restore-text').click();
    await frame.locator('#edited').waitFor({ state: 'visible' });
    assert.match(await source.inputValue(), /P\.S\. The demo is on Thursday\.$/);
  });

  it('closing the panel keeps the edits; opening the draft again offers them; Mark as sent clears the mark', async () => {
    let frame = await openDraft('Acme Retail');
    const source = frame.locator('#source');
    if (!(await source.inputValue()).includes('P.S. The demo is on Thursday.')) {
      await source.fill(`${await source.inputValue()}\nP.S. The demo is on Thursday.`);
    }
    await frame.locator('#edited').waitFor({ state: 'visible' });
    // The host hears about edits after a short pause: wait until it has this text before closing.
    await frame.locator('#preview', { hasText: 'The demo is on Thursday' }).waitFor();
    await frame.locator('body:not([data-synced="false"])').waitFor();
    await palette('View: Close Editor');
    await page.locator('.tabs-container .tab', { hasText: 'Update: Acme Retail' }).waitFor({ state: 'detached' });

    frame = await openDraft('Acme Retail');
    const kept = frame.locator('#kept-edits');
    await kept.waitFor({ state: 'visible' });
    assert.equal((await frame.locator('#source').inputValue()).includes('P.S. The demo is on Thursday.'), false, 'a fresh draft, the edits offered');
    await page.mouse.move(0, 0);
    await page.screenshot({ path: path.join(E2E_OUT, 'panel-kept-edits.png') });
    await frame.locator('#restore-kept').click();
    await kept.waitFor({ state: 'hidden' });
    await frame.locator('#edited').waitFor({ state: 'visible' });
    assert.match(await frame.locator('#source').inputValue(), /P\.S\. The demo is on Thursday\.$/);

    await clickPastBlanks(frame, '#save-record', async () => (await frame.locator('#toast', { hasText: /Saved .*updates/ }).count()) > 0);
    await frame.locator('#edited').waitFor({ state: 'hidden' });
    const updates = path.join(suite.tmp, 'demo', '.project', 'updates');
    const records = fs.readdirSync(updates).filter((f) => f.endsWith('.md'));
    assert.ok(records.some((f) => fs.readFileSync(path.join(updates, f), 'utf8').includes('P.S. The demo is on Thursday.')), `the record holds the edits (${records.join(', ')})`);
    await page.mouse.move(0, 0);
    await page.screenshot({ path: path.join(E2E_OUT, 'panel-saved.png') });
  });

  it('a saved text brings no "Restore my text" when the draft is composed again; restoring after a Status change brings the status back too; the period can be changed', async () => {
    const frame = await openDraft('Acme Retail');
    const source = frame.locator('#source');
    const choose = (id: string, value: string) =>
      frame.locator(`#${id}`).evaluate((el, v) => {
        const select = el as unknown as { value: string; dispatchEvent(e: unknown): boolean };
        select.value = v;
        select.dispatchEvent(new (globalThis as unknown as { Event: new (t: string) => unknown }).Event('change'));
      }, value);
    const pill = frame.locator('#status-pill');
    const computed = (await pill.innerText()).trim();
    // Edit, save the draft as it is, then choose another status: nothing to restore (the text is saved).
    await source.fill(`${await source.inputValue()}\nP.S. Saved before the status change.`);
    await frame.locator('#edited').waitFor({ state: 'visible' });
    await frame.locator('#save-draft').click();
    await frame.locator('#toast', { hasText: /Draft saved as/ }).waitFor({ timeout: 30_000 });
    await choose('status', 'off-track');
    await frame.locator('#status-pill', { hasText: 'Off track' }).waitFor({ timeout: 30_000 });
    assert.equal(await frame.locator('#banner').isVisible(), false, 'a saved text: no "Restore my text"');
    // Edit under "Off track", then choose "On track": the banner offers the text back …
    await source.fill(`${await source.inputValue()}\nP.S. Written while Off track.`);
    await frame.locator('#preview', { hasText: 'Written while Off track' }).waitFor();
    await choose('status', 'on-track');
    await frame.locator('#status-pill', { hasText: 'On track' }).waitFor({ timeout: 30_000 });
    await frame.locator('#restore-text').waitFor({ state: 'visible' });
    // … and restoring it brings "Off track" back with it: the pill, the select and the text agree.
    await frame.locator('#restore-text').click();
    await frame.locator('#status-pill', { hasText: 'Off track' }).waitFor({ timeout: 30_000 });
    await until(page, 'the restored text', async () => ((await source.inputValue()).endsWith('P.S. Written while Off track.') ? true : undefined));
    assert.match(await source.inputValue(), /Overall status: Off track/);
    assert.equal(await frame.locator('#status').evaluate((el) => (el as unknown as { value: string }).value), 'off-track');
    assert.equal(await frame.locator('#banner').isVisible(), false);
    await page.mouse.move(0, 0);
    await page.screenshot({ path: path.join(E2E_OUT, 'panel-restored-status.png') });
    await choose('status', 'auto');
    await frame.locator('#status-pill', { hasText: computed }).waitFor({ timeout: 30_000 });

    // Another period from the panel: the workbench asks which, and the same panel shows it.
    await frame.locator('#change-period').click();
    const lastWeek = page.locator('.quick-input-list .monaco-list-row', { hasText: /^Last week/ }).first();
    await lastWeek.waitFor({ timeout: 20_000 });
    await lastWeek.click();
    await frame.locator('.meta', { hasText: '2026-11-09 – 2026-11-15' }).waitFor({ timeout: 30_000 });
    assert.equal(await page.locator('.tabs-container .tab', { hasText: 'Update: Acme Retail' }).count(), 1, 'one panel for the client');
    await page.mouse.move(0, 0);
    await page.screenshot({ path: path.join(E2E_OUT, 'panel-period-changed.png') });
  });

  it('Save as .eml, in this browser workbench, is a download to the user\'s machine, and the status says so', async () => {
    const frame = await openDraft('Acme Retail');
    await frame.locator('#more-actions').click();
    await frame.locator('#save-eml').waitFor({ state: 'visible' });
    const downloaded = page.waitForEvent('download', { timeout: 60_000 });
    await frame.locator('#save-eml').click();
    const dialog = page.locator('.monaco-dialog-box', { hasText: /blank/ }).first();
    await dialog.waitFor({ timeout: 20_000 });
    await dialog.locator('.monaco-button', { hasText: /anyway/ }).first().click();
    const download = await downloaded;
    assert.match(download.suggestedFilename(), /^2026-11-20-acme-retail\.eml$/);
    const file = await download.path();
    assert.ok(file, 'the browser saved the download');
    const eml = fs.readFileSync(file, 'utf8');
    assert.match(eml, /^Subject: /m);
    assert.match(eml, /jane\.doe@acme\.example/);
    await frame.locator('#toast', { hasText: 'as a download' }).waitFor();
    assert.doesNotMatch(await frame.locator('#toast').innerText(), /opened in your mail app/);
  });

  it('fits the panel at every size in the light theme too', async () => {
    await palette('Preferences: Color Theme', /^Preferences: Color Theme/);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Dark Modern' }).first().waitFor();
    await page.keyboard.type('Light Modern');
    const light = page.locator('.quick-input-list .monaco-list-row', { hasText: /Light Modern/ }).first();
    await light.waitFor();
    await light.click();
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    const frame = await openDraft('Acme Retail');
    await until(page, 'the light theme in the panel', async () => ((await frame.evaluate<boolean>(`document.body.classList.contains('vscode-light')`)) ? true : undefined));
    await checkSizes(frame, 'light');
  });
});
