/**
 * Entry point the extension host loads (`extensionTestsPath`): runs every compiled
 * `*.test.js` beside this file with mocha (BDD: describe/it) and resolves when all pass.
 * The same `run()` serves the browser host (test/host/integration.ts) and `@vscode/test-electron`
 * (test/host/electron.ts, `npm run test:electron`). Each result is one console.log line starting with
 * `CLIENT_PULSE ` (the extension host forwards the console to the runner, among the workbench's
 * own messages); the last is `CLIENT_PULSE RESULT {"passes":N,"failures":N,"pending":N}`.
 * CLIENT_PULSE_SUITE=<name>[,<name>] runs <name>.test.js only; CLIENT_PULSE_GREP filters titles.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

const PREFIX = 'CLIENT_PULSE ';

function say(text: string): void {
  for (const line of text.split('\n')) console.log(`${PREFIX}${line}`);
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60000, grep: process.env.CLIENT_PULSE_GREP, reporter: Mocha.reporters.Base });
  const only = process.env.CLIENT_PULSE_SUITE?.split(',');
  for (const file of fs.readdirSync(__dirname).sort()) {
    if (!file.endsWith('.test.js')) continue;
    if (only && !only.includes(file.slice(0, -'.test.js'.length))) continue;
    mocha.addFile(path.join(__dirname, file));
  }
  return new Promise((resolve, reject) => {
    const counts = { passes: 0, failures: 0, pending: 0 };
    const runner = mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} integration test(s) failed`)) : resolve()));
    runner.on('pass', (t) => {
      counts.passes++;
      say(`  ✔ ${t.fullTitle()} (${t.duration ?? 0} ms)`);
    });
    runner.on('pending', (t) => {
      counts.pending++;
      say(`  - ${t.fullTitle()} (pending)`);
    });
    runner.on('fail', (t, err: Error) => {
      counts.failures++;
      say(`  ✘ ${t.fullTitle()}\n    ${String(err?.stack ?? err).split('\n').join('\n    ')}`);
    });
    runner.on('end', () => say(`RESULT ${JSON.stringify(counts)}`));
  });
}
