/**
 * A real VS Code workbench for tests: VS Code's own server (`server-main.js` from code-server
 * 4.139.1, VS Code 1.139) on Node 24, bound to 127.0.0.1 on a free port, in its own process group,
 * and Chromium driven by playwright-core. The extension under test is loaded as a development
 * extension (`extensionDevelopmentPath` payload; `--enable-smoke-test-driver` makes the server
 * honour it); with `testsPath`, the extension host also runs that test index (`run()`) and reports
 * its exit code through `codeAutomationExit`.
 *
 * Used by the E2E suites (test/e2e) and the integration runner (test/host/integration.ts).
 * Paths come from test/host/setup.mjs (cached in .vscode-test/); override them with
 * CLIENT_PULSE_HOST_NODE, CLIENT_PULSE_SERVER_MAIN and CHROMIUM_PATH.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { format } from 'node:util';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = path.resolve(__dirname, '..', '..');
/** The extension folder to load (default: this repository, built). */
export const EXTENSION = path.resolve(process.env.CLIENT_PULSE_EXTENSION_DIR ?? ROOT);
const CACHE = path.join(ROOT, '.vscode-test');

export interface HostPaths {
  node: string;
  serverMain: string;
  chromium: string;
}

/** The host's paths; throws naming the missing piece and the command that installs it. */
export function hostPaths(): HostPaths {
  const paths: HostPaths = {
    node: process.env.CLIENT_PULSE_HOST_NODE ?? path.join(CACHE, 'node24', 'bin', 'node'),
    serverMain: process.env.CLIENT_PULSE_SERVER_MAIN ?? path.join(CACHE, 'code-server', 'node_modules', 'code-server', 'lib', 'vscode', 'out', 'server-main.js'),
    chromium: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  };
  const needed: Array<[string, string]> = [
    ['the built extension (run `node esbuild.js`)', path.join(EXTENSION, 'dist', 'extension.js')],
    ['Node 24 (run `node test/host/setup.mjs`)', paths.node],
    ['VS Code server (run `node test/host/setup.mjs`)', paths.serverMain],
    ['Chromium (run `node test/host/setup.mjs`, or set CHROMIUM_PATH)', paths.chromium],
  ];
  for (const [what, file] of needed) {
    if (!fs.existsSync(file)) throw new Error(`missing ${what}: ${file}`);
  }
  return paths;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url: string, timeoutMs: number, server: ChildProcess): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the VS Code server exited with ${server.exitCode} before answering`);
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      /* not up yet */
    }
    if (Date.now() > end) throw new Error(`${url} did not answer within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Settings of a quiet profile: no welcome page, tips, telemetry, trust prompt or git extension. */
const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.colorTheme': 'Default Dark Modern',
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.ignoreRecommendations': true,
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'git.enabled': false,
  'window.commandCenter': false,
  'chat.commandCenter.enabled': false,
  'chat.disableAIFeatures': true,
  'files.autoSave': 'off',
  'update.mode': 'none',
};

export interface WorkbenchOptions {
  /** A scratch folder of the caller's: profile and server data go below it. */
  tmp: string;
  /** Extra environment of the server and its extension host (e.g. CLIENT_PULSE_TODAY). */
  env?: Record<string, string>;
  /** Settings on top of the quiet profile. */
  settings?: Record<string, unknown>;
  viewport?: { width: number; height: number };
  /** Browser permissions for the workbench origin (e.g. clipboard-read). */
  permissions?: string[];
  /** Workspace trust on: folders open in Restricted Mode (no prompt). Default: trust is off. */
  workspaceTrust?: boolean;
}

export interface OpenOptions {
  /** Compiled test index for the extension host to run (integration tests). */
  testsPath?: string;
}

/** A running server with one browser page; `stop()` ends the browser and the server's process group. */
export class Workbench {
  private logText = '';
  /** Messages the workbench passed to `codeAutomationLog`. */
  readonly automationLog: string[] = [];
  private exitWaiters: Array<(code: number) => void> = [];
  private exitCode: number | undefined;

  private constructor(
    readonly base: string,
    private readonly server: ChildProcess,
    readonly browser: Browser,
    readonly context: BrowserContext,
    readonly page: Page,
  ) {}

  static async start(options: WorkbenchOptions): Promise<Workbench> {
    const host = hostPaths();
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const dirs = { user: path.join(options.tmp, 'vscode-user'), server: path.join(options.tmp, 'vscode-server'), extensions: path.join(options.tmp, 'vscode-extensions') };
    for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
    // The server keeps its data in --user-data-dir: its machine settings apply to every window
    // it serves (the web workbench's user settings live in the browser).
    const machine = path.join(dirs.user, 'Machine');
    fs.mkdirSync(machine, { recursive: true });
    const trust = options.workspaceTrust ? { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.untrustedFiles': 'open' } : {};
    fs.writeFileSync(path.join(machine, 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...trust, ...options.settings }, null, 2));
    const server = spawn(
      host.node,
      [
        host.serverMain,
        '--host', '127.0.0.1',
        '--port', String(port),
        '--without-connection-token',
        '--accept-server-license-terms',
        '--disable-telemetry',
        '--enable-smoke-test-driver',
        ...(options.workspaceTrust ? [] : ['--disable-workspace-trust']),
        '--user-data-dir', dirs.user,
        '--server-data-dir', dirs.server,
        '--extensions-dir', dirs.extensions,
      ],
      {
        env: { ...process.env, ...options.env, VSCODE_AGENT_FOLDER: dirs.server },
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true, // its own process group: stop() ends the extension host and watchers too
      },
    );
    endAllOnExit(server);
    let log = '';
    server.stdout?.on('data', (d: Buffer) => (log += d.toString()));
    server.stderr?.on('data', (d: Buffer) => (log += d.toString()));
    let browser: Browser | undefined;
    try {
      await waitForHttp(`${base}/version`, 60_000, server);
      browser = await chromium.launch({
        executablePath: host.chromium,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
      });
      const context = await browser.newContext({ viewport: options.viewport ?? { width: 1400, height: 860 }, deviceScaleFactor: 1 });
      if (options.permissions) await context.grantPermissions(options.permissions, { origin: base });
      const page = await context.newPage();
      const bench = new Workbench(base, server, browser, context, page);
      bench.logText = log;
      server.stdout?.on('data', (d: Buffer) => (bench.logText += d.toString()));
      server.stderr?.on('data', (d: Buffer) => (bench.logText += d.toString()));
      await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
        bench.automationLog.push(`[${type}] ${format(...(Array.isArray(args) ? args : [args]))}`);
      });
      await page.exposeFunction('codeAutomationExit', (code: number) => {
        bench.exitCode = code;
        for (const w of bench.exitWaiters.splice(0)) w(code);
      });
      return bench;
    } catch (e) {
      await browser?.close().catch(() => undefined);
      await killGroup(server);
      throw new Error(`${e instanceof Error ? e.message : String(e)}\n--- VS Code server log ---\n${log}`, { cause: e });
    }
  }

  /** The server's output so far (for failure reports). */
  log(): string {
    return this.logText;
  }

  /** The URL that opens `folder` (or a .code-workspace file) with this repository as the development extension. */
  url(folder: string, options: OpenOptions = {}): string {
    const authority = new URL(this.base).host;
    const remote = (p: string) => `vscode-remote://${authority}${p}`;
    const payload: Array<[string, string]> = [['extensionDevelopmentPath', remote(EXTENSION)], ['skipWelcome', 'true']];
    if (options.testsPath) payload.push(['extensionTestsPath', remote(options.testsPath)]);
    const target = folder.endsWith('.code-workspace') ? 'workspace' : 'folder';
    return `${this.base}/?${target}=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  }

  /** Opens `folder` and waits until the workbench has settled (the chat side bar closed). */
  async open(folder: string, options: OpenOptions = {}): Promise<void> {
    this.exitCode = undefined;
    await this.page.goto(this.url(folder, options));
    await this.page.waitForSelector('.monaco-workbench', { timeout: 90_000 });
    await this.page.waitForSelector('.statusbar', { timeout: 30_000 });
    if (options.testsPath) return;
    // Let restored editors and notifications settle; close the secondary side bar (chat).
    await this.page.waitForTimeout(2500);
    await this.page.keyboard.press('Escape');
    if (await this.page.locator('.part.auxiliarybar').isVisible()) await this.page.keyboard.press('Control+Alt+b');
  }

  /**
   * Runs the palette command `title` as a person does: focus the workbench (not a webview), F1,
   * type the title, wait for its row, Enter.
   */
  async runCommand(title: string): Promise<void> {
    await this.page.locator('.part.statusbar').click({ position: { x: 600, y: 5 } });
    await this.page.keyboard.press('F1');
    await this.page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
    await this.page.keyboard.type(title);
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
    await this.page.keyboard.press('Enter');
  }

  /** After a failed test: a screenshot and the server log beside `prefix`, and the log's tail printed. */
  async reportFailure(prefix: string): Promise<void> {
    fs.mkdirSync(path.dirname(prefix), { recursive: true });
    await this.page.screenshot({ path: `${prefix}-failed-${Date.now()}.png` }).catch(() => undefined);
    fs.writeFileSync(`${prefix}-server.log`, this.logText);
    console.log(`--- VS Code server and extension host log (last 60 lines; all in ${prefix}-server.log) ---\n${this.logText.split('\n').slice(-60).join('\n')}`);
  }

  /** Resolves with the exit code the extension host reported (the test index finished). */
  waitForExit(timeoutMs: number): Promise<number> {
    if (this.exitCode !== undefined) return Promise.resolve(this.exitCode);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the extension host did not report an exit code within ${timeoutMs / 1000} s`)), timeoutMs);
      this.exitWaiters.push((code) => {
        clearTimeout(timer);
        resolve(code);
      });
    });
  }

  /** Closes the browser and waits until the server's whole process group is gone. */
  async stop(): Promise<void> {
    await this.browser.close().catch(() => undefined);
    await killGroup(this.server);
  }
}

/**
 * Servers still running: ended when this process exits or is interrupted (Ctrl-C, a CI timeout),
 * because a detached process group does not get the terminal's signals.
 */
const live = new Set<ChildProcess>();
let hooked = false;
function endAllOnExit(child: ChildProcess): void {
  live.add(child);
  if (hooked) return;
  hooked = true;
  const endAll = () => {
    for (const c of live) {
      try {
        if (c.pid !== undefined) process.kill(-c.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
  };
  process.once('exit', endAll);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(sig, () => {
      endAll();
      process.exit(128 + ({ SIGINT: 2, SIGTERM: 15, SIGHUP: 1 } as const)[sig]);
    });
  }
}

/**
 * Ends a detached child's whole process group: SIGTERM, SIGKILL after 3 s, and resolves once no
 * process of the group is left (the extension host and watchers can outlive the server).
 */
export async function killGroup(child: ChildProcess): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) return;
  const signal = (sig: NodeJS.Signals | 0): boolean => {
    try {
      process.kill(-pid, sig);
      return true;
    } catch {
      return false; // no process of the group is left
    }
  };
  signal('SIGTERM');
  const start = Date.now();
  let killed = false;
  while (signal(0) && Date.now() - start < 10_000) {
    if (!killed && Date.now() - start > 3000) killed = signal('SIGKILL');
    await new Promise((r) => setTimeout(r, 100));
  }
  if (signal(0)) signal('SIGKILL');
  // Its pipes would keep this process alive.
  child.stdout?.destroy();
  child.stderr?.destroy();
  live.delete(child);
}
