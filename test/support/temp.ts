/**
 * Temp folders for tests: all under one root made once per test run and removed when the process
 * exits, so a failed test leaves nothing behind and no test needs its own clean-up.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const TEMP_ROOT = fs.mkdtempSync(path.join(os.tmpdir(), 'cp-test-'));
process.on('exit', () => fs.rmSync(TEMP_ROOT, { recursive: true, force: true, maxRetries: 3 }));
let counter = 0;

/** A new empty folder inside the test temp root. */
export function tempDir(name = 'd'): string {
  const dir = path.join(TEMP_ROOT, `${name}-${++counter}`);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}
