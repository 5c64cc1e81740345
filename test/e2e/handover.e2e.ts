/**
 * End to end, as a person uses it: "Client Pulse: Generate handover notes" in the real VS Code
 * workbench (code-server, this folder installed as the extension) in a real Chromium, driven by
 * Playwright: palette → who leaves → who takes over → clients → window → the notes in the shared
 * panel. Takes the README screenshot (test-results/e2e/handover.png; copy it to media/).
 *
 * Needs: `node esbuild.js` (dist/), Chromium (CHROMIUM_PATH, default /usr/bin/chromium),
 * code-server's entry script (CODE_SERVER_ENTRY); CLIENT_PULSE_EXTENSION_DIR picks another
 * extension folder to install (default: this one).
 * Run: npx mocha --no-config -r tsx/cjs --extension ts --timeout 180000 test/e2e/handover.e2e.ts
 */
import * as assert from 'node:assert/strict';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';

const ROOT = path.resolve(__dirname, '..', '..');
const EXTENSION = path.resolve(process.env.CLIENT_PULSE_EXTENSION_DIR ?? ROOT);
const TODAY = '2026-11-20';
const OUT = path.join(ROOT, 'test-results', 'e2e');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

/** code-server with this extension installed and a quiet user profile; resolves to its URL. */
async function startWorkbench(tmp: string, onLog: (text: string) => void): Promise<{ url: string; server: ChildProcess }> {
  const pkg = JSON.parse(fs.readFileSync(path.join(EXTENSION, 'package.json'), 'utf8')) as { publisher: string; name: string; version: string };
  const id = `${pkg.publisher}.${pkg.name}`;
  const folder = `${id}-${pkg.version}`;
  const extensions = path.join(tmp, 'extensions');
  fs.mkdirSync(extensions, { recursive: true });
  fs.symlinkSync(EXTENSION, path.join(extensions, folder), 'dir');
  const entry = { identifier: { id }, version: pkg.version, location: { $mid: 1, path: path.join(extensions, folder), scheme: 'file' }, relativeLocation: folder, metadata: { installedTimestamp: 0, source: 'vsix' } };
  fs.writeFileSync(path.join(extensions, 'extensions.json'), JSON.stringify([entry]));
  const user = path.join(tmp, 'user');
  fs.mkdirSync(path.join(user, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(user, 'User', 'settings.json'),
    JSON.stringify({ 'workbench.startupEditor': 'none', 'workbench.tips.enabled': false, 'workbench.colorTheme': 'Default Dark Modern', 'security.workspace.trust.enabled': false, 'telemetry.telemetryLevel': 'off', 'extensions.autoUpdate': false, 'git.enabled': false, 'window.commandCenter': false, 'chat.commandCenter.enabled': false }),
  );
  const port = await freePort();
  const codeServer = process.env.CODE_SERVER_ENTRY ?? path.join(ROOT, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  const server = spawn(
    process.env.CODE_SERVER_NODE ?? process.execPath,
    [codeServer, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--user-data-dir', user, '--extensions-dir', extensions, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--locale', 'en'],
    { env: { ...process.env, CLIENT_PULSE_TODAY: TODAY, XDG_CONFIG_HOME: path.join(tmp, 'config'), XDG_DATA_HOME: path.join(tmp, 'data') }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  server.stdout?.on('data', (d: Buffer) => onLog(d.toString()));
  server.stderr?.on('data', (d: Buffer) => onLog(d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const end = Date.now() + 60_000;
  for (;;) {
    const up = await fetch(`${url}/healthz`).then((r) => r.status < 500, () => false);
    if (up) return { url, server };
    if (Date.now() > end) throw new Error(`${url} did not answer within 60 s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('Generate handover notes (end to end, real workbench and browser)', function () {
  this.timeout(240_000);
  const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  let tmp = '';
  let server: ChildProcess | undefined;
  let serverLog = '';
  let browser: Browser | undefined;
  let page: Page;
  let base = '';

  before(async () => {
    assert.ok(fs.existsSync(path.join(EXTENSION, 'dist', 'extension.js')), 'missing the built extension (run `node esbuild.js`)');
    assert.ok(fs.existsSync(chromiumPath), `missing Chromium (CHROMIUM_PATH): ${chromiumPath}`);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'client-pulse-e2e-handover-'));
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'demo.mjs'), '--out', path.join(tmp, 'agency'), '--today', TODAY, '--quiet']);
    const started = await startWorkbench(tmp, (t) => (serverLog += t));
    server = started.server;
    base = started.url;
    browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });
    page = await (await browser.newContext({ viewport: { width: 1500, height: 900 }, deviceScaleFactor: 1 })).newPage();
    fs.mkdirSync(OUT, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    if (server?.pid !== undefined && server.exitCode === null) server.kill('SIGTERM');
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') {
      await page?.screenshot({ path: path.join(OUT, `handover-failed.png`) }).catch(() => undefined);
      if (serverLog) fs.writeFileSync(path.join(OUT, 'code-server-handover.log'), serverLog);
    }
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
    await page.goto(`${base}/?folder=${encodeURIComponent(path.join(tmp, 'agency'))}`);
    await page.waitForSelector('.monaco-workbench', { timeout: 90_000 });
    await page.waitForSelector('.statusbar', { timeout: 30_000 });
    await page.waitForTimeout(2500);
    await page.keyboard.press('Escape');
    if (await page.locator('.part.sidebar').isVisible()) await page.keyboard.press('Control+b');

    await page.locator('.part.statusbar').click({ position: { x: 600, y: 5 } });
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
    await page.keyboard.type('Client Pulse: Generate handover notes');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Client Pulse: Generate handover notes' }).first().waitFor();
    await page.keyboard.press('Enter');
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
    await page.screenshot({ path: path.join(OUT, 'handover.png') });
  });
});
