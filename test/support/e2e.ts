/**
 * The set-up every E2E suite shares: a scratch folder with the suite's workspaces, a real
 * workbench (VS Code server + Chromium) started on it, a screenshot and the server log on each
 * failed test, and everything stopped and removed afterwards (`KEEP_E2E_TMP=1` keeps the folder).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT, Workbench, type WorkbenchOptions } from '../host/workbench';

/** Where E2E screenshots go (git-ignored; the README's images are copied from here). */
export const E2E_OUT = path.join(ROOT, 'test-results', 'e2e');

export interface E2ESuite {
  /** The scratch folder (valid from the suite's first hook on). */
  readonly tmp: string;
  readonly bench: Workbench;
  readonly page: Page;
}

/**
 * Call inside a `describe`: registers its hooks. `prepare(tmp)` writes the workspaces before the
 * workbench starts; failures are reported as `test-results/e2e/<name>-…`.
 */
export function useWorkbench(name: string, prepare: (tmp: string) => void, options: Omit<WorkbenchOptions, 'tmp'> = {}): E2ESuite {
  let tmp = '';
  let bench: Workbench | undefined;
  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), `client-pulse-e2e-${name}-`));
    prepare(tmp);
    bench = await Workbench.start({ tmp, ...options });
    fs.mkdirSync(E2E_OUT, { recursive: true });
  });
  after(async () => {
    await bench?.stop();
    if (tmp && !process.env.KEEP_E2E_TMP) fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await bench?.reportFailure(path.join(E2E_OUT, name));
  });
  const started = (): Workbench => {
    if (!bench) throw new Error('the workbench has not started');
    return bench;
  };
  return {
    get tmp() { return tmp; },
    get bench() { return started(); },
    get page() { return started().page; },
  };
}
