/**
 * `npm run test:electron`: the same integration index, in VS Code desktop (Electron) downloaded by
 * `@vscode/test-electron`. Needs internet (to download VS Code) and a display (or xvfb-run); the
 * offline machines of CI use test/host/integration.ts instead. Exits non-zero when any run fails.
 */
import { runTests } from '@vscode/test-electron';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { compileSuites, gitTrap, INDEX, prepareRuns, TODAY } from './suites';
import { EXTENSION } from './workbench';

async function main(): Promise<number> {
  await compileSuites();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'client-pulse-electron-'));
  let failed = 0;
  try {
    for (const run of prepareRuns(tmp, process.env.CLIENT_PULSE_SUITE)) {
      console.log(`[electron] ${path.basename(run.folder)}: ${run.suites}`);
      try {
        await runTests({
          extensionDevelopmentPath: EXTENSION,
          extensionTestsPath: INDEX,
          launchArgs: [run.folder, '--disable-extensions', ...(run.untrusted ? [] : ['--disable-workspace-trust']), '--user-data-dir', path.join(tmp, `user-${path.basename(run.folder)}`)],
          extensionTestsEnv: {
            CLIENT_PULSE_TODAY: TODAY,
            CLIENT_PULSE_SUITE: run.suites,
            ...(run.untrusted ? gitTrap(path.join(tmp, `trap-${path.basename(run.folder)}`)) : {}),
            ...(process.env.CLIENT_PULSE_GREP ? { CLIENT_PULSE_GREP: process.env.CLIENT_PULSE_GREP } : {}),
          },
        });
      } catch (e) {
        failed++;
        console.error(`[electron] ${path.basename(run.folder)} failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  }
  return failed === 0 ? 0 : 1;
}

main().then((code) => process.exit(code), (e: unknown) => {
  console.error(e);
  process.exit(1);
});
