/**
 * End to end, as a person uses it: "Client Pulse: Generate handover notes" in the real VS Code
 * workbench (VS Code server, this folder as the development extension; test/host/workbench.ts) in
 * a real Chromium, driven by Playwright: palette → who leaves → who takes over → clients → window
 * → the notes in the shared panel. Takes the README screenshot (test-results/e2e/handover.png;
 * copy it to media/).
 *
 * Needs `node esbuild.js` (dist/) and the test host (`node test/host/setup.mjs`).
 * Run: npx mocha --no-config -r tsx/cjs --extension ts --timeout 240000 test/e2e/handover.e2e.ts
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { writeDemo } from '../support/demo';
import { useWorkbench, E2E_OUT } from '../support/e2e';

const TODAY = '2026-11-20';

describe('Generate handover notes (end to end, real workbench and browser)', function () {
  this.timeout(240_000);
  const suite = useWorkbench('handover', (tmp) => writeDemo(path.join(tmp, 'agency'), TODAY), { env: { CLIENT_PULSE_TODAY: TODAY }, viewport: { width: 1500, height: 900 } });
  let page: Page;
  before(() => {
    page = suite.page;
  });

  async function handoverFrame(): Promise<Frame> {
    const end = Date.now() + 60_000;
    while (Date.now() < end) {
      for (const frame of page.frames()) {
        try {
          if ((await frame.locator('#preview h1', { hasText: 'Handover' }).count()) > 0) return frame;
        } catch {
          /* a frame navigating away */
        }
      }
      await page.waitForTimeout(200);
    }
    throw new Error('no handover panel');
  }

  it('palette → Alice leaves → Carol takes over → all clients → 90 days → the notes in the panel', async () => {
    await suite.bench.open(path.join(suite.tmp, 'agency'));
    if (await page.locator('.part.sidebar').isVisible()) await page.keyboard.press('Control+b');

    await suite.bench.runCommand('Client Pulse: Generate handover notes');
    // 1/4 who leaves: the window's authors and the Owners/Backups of clients.md.
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Alice Martin' }).first().waitFor();
    await page.keyboard.type('Alice');
    await page.keyboard.press('Enter');
    // 2/4 successor, validated as "Name <email>".
    await page.locator('.quick-input-widget', { hasText: 'who takes over' }).waitFor();
    await page.keyboard.type('Carol');
    await page.locator('.quick-input-widget', { hasText: 'expected "Name <email>"' }).waitFor();
    await page.keyboard.type(' Jones <carol@agency.example>');
    await page.keyboard.press('Enter');
    // 3/4 clients: all ticked.
    await page.locator('.quick-input-widget', { hasText: 'clients' }).waitFor();
    await page.keyboard.press('Enter');
    // 4/4 window: 90d by default.
    await page.locator('.quick-input-widget', { hasText: 'how far back' }).waitFor();
    await page.keyboard.press('Enter');

    const frame = await handoverFrame();
    const preview = await frame.locator('#preview').innerText();
    assert.match(preview, /Handover: Alice Martin → Carol Jones/);
    for (const text of ['Loyalty app beta on TestFlight', 'Payment provider retires its v1 API', '直播课回放功能', 'Transition letter', '致客户的交接信']) {
      assert.ok(preview.includes(text), text);
    }
    await page.mouse.move(0, 0);
    await page.screenshot({ path: path.join(E2E_OUT, 'handover.png') });
  });
});
