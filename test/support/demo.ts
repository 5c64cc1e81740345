/** The demo workspace (scripts/demo.mjs) built in a temp folder with a fixed "today". */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { tempDir } from './temp';

export const ROOT = path.resolve(__dirname, '..', '..');
/** A Friday, the demo's cadence day. */
export const DEMO_TODAY = '2026-11-20';

/** Creates the demo agency repository at `dir` (which must not exist yet) for `today`. */
export function writeDemo(dir: string, today = DEMO_TODAY): void {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'demo.mjs'), '--out', dir, '--today', today, '--quiet'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`demo.mjs failed: ${r.stderr}`);
}

/** The demo in a new temp folder: `repo` is the agency repository, `tmp` the folder holding it. */
export function makeDemo(today = DEMO_TODAY): { tmp: string; repo: string } {
  const tmp = tempDir('demo');
  const repo = path.join(tmp, 'agency');
  writeDemo(repo, today);
  return { tmp, repo };
}
