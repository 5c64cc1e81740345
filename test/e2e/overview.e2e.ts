/**
 * End to end: "Client Pulse: Clients overview" in the real workbench and browser — from the
 * palette, one row per client of the demo (Acme's work also in a second repository named by
 * Repos:), status with its reason, commitments, asks, last and next update, the trend; clicking a
 * client's name opens its draft. Screenshots: test-results/e2e/overview.png (dark theme).
 *
 * Needs `node esbuild.js` (dist/) and the test host (`node test/host/setup.mjs`).
 * Run: npx mocha --no-config -r tsx/cjs --extension ts --timeout 240000 test/e2e/overview.e2e.ts
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { writeDemo } from '../support/demo';
import { useWorkbench, E2E_OUT } from '../support/e2e';
import { commit, initRepo } from '../support/git';

const TODAY = '2026-11-20';

describe('Clients overview (end to end, real workbench and browser)', function () {
  this.timeout(240_000);
  const suite = useWorkbench(
    'overview',
    (tmp) => {
      const agency = path.join(tmp, 'agency');
      writeDemo(agency, TODAY);
      const mobile = path.join(tmp, 'mobile');
      initRepo(mobile);
      commit(mobile, 'feat: loyalty card screen in the mobile app #loyalty', { 'apps/acme/card.ts': 'x' }, '2026-11-19');
      const file = path.join(agency, '.project', 'clients.md');
      const text = fs.readFileSync(file, 'utf8');
      fs.writeFileSync(file, text.replace(/^(Paths: .*)$/mu, '$1\nRepos: ../mobile:apps/acme/, ../missing'));
    },
    { env: { CLIENT_PULSE_TODAY: TODAY }, viewport: { width: 1500, height: 900 } },
  );
  let page: Page;
  before(() => {
    page = suite.page;
  });

  async function frameWith(selector: string, text: string): Promise<Frame> {
    const end = Date.now() + 90_000;
    while (Date.now() < end) {
      for (const frame of page.frames()) {
        try {
          if ((await frame.locator(selector, { hasText: text }).count()) > 0) return frame;
        } catch {
          /* a frame navigating away */
        }
      }
      await page.waitForTimeout(200);
    }
    throw new Error(`no frame with ${selector} "${text}"`);
  }

  it('palette → one row per client with status, reason, counts and trend; a name opens the draft', async () => {
    await suite.bench.open(path.join(suite.tmp, 'agency'));
    await suite.bench.runCommand('Client Pulse: Clients overview');

    const frame = await frameWith('h1', 'Clients overview');
    const rows = frame.locator('tbody tr');
    assert.deepEqual(await rows.locator('th').allInnerTexts(), ['Acme Retail', 'Northwind Logistics', '星河教育']);
    const acme = await rows.nth(0).innerText();
    assert.match(acme, /at risk/u);
    assert.match(acme, /Checkout p95 under 2 s on the payment step.*past its due date/u);
    assert.match(acme, /2026-11-13/u, 'last update sent');
    assert.match(acme, /oldest 12 d/u);
    assert.equal(await rows.nth(0).locator('.spark .bar').count(), 1, 'one saved status');
    const notes = await frame.locator('ul.notes').innerText();
    assert.match(notes, /\.\.\/missing in Repos: of Acme Retail was not found/u);
    await page.mouse.move(0, 0);
    await page.screenshot({ path: path.join(E2E_OUT, 'overview.png') });

    // The missing repository is also a warning on its entry in the Problems panel (status bar count).
    await page.locator('.part.statusbar [aria-label*="Warnings: 1"], .part.statusbar [aria-label*="1 Warning"]').first().waitFor({ timeout: 30_000 });
    await rows.nth(0).locator('th a').click();
    const draft = await frameWith('#preview', 'loyalty card screen');
    assert.ok((await draft.locator('#preview').innerText()).length > 0);
    await page.screenshot({ path: path.join(E2E_OUT, 'overview-draft.png') });
  });
});
