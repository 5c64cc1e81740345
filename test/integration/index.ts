/**
 * Entry point the extension host loads (`extensionTestsPath`): runs every compiled
 * `*.test.js` beside this file with mocha (tdd-less BDD: describe/it) and resolves when all pass.
 * The same `run()` serves the browser host (code-server payload) and `@vscode/test-electron`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60000, grep: process.env.CLIENT_PULSE_GREP });
  const only = process.env.CLIENT_PULSE_SUITE; // e.g. "draft" runs draft.test.js alone
  for (const file of fs.readdirSync(__dirname).sort()) {
    if (!file.endsWith('.test.js')) continue;
    if (only && file !== `${only}.test.js`) continue;
    mocha.addFile(path.join(__dirname, file));
  }
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} integration test(s) failed`)) : resolve()));
  });
}
