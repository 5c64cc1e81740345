/** Runs the built CLI (`dist/cli.js`) as a real process. */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const CLI = path.join(ROOT, 'dist', 'cli.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Builds the bundles once per test run (mocha `before`, called with the mocha context). While the
 * clients parser (another feature's module) is missing, the suite is marked pending instead.
 */
let built = false;
export function buildOnce(context?: Mocha.Context): void {
  if (built) return;
  const r = spawnSync(process.execPath, ['esbuild.js'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) {
    if (context && /clients\/parse/.test(r.stdout + r.stderr)) context.skip();
    throw new Error(`node esbuild.js failed:\n${r.stdout}\n${r.stderr}`);
  }
  built = true;
}

export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string | undefined> } = {}): CliResult {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', ...options.env };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: options.cwd ?? ROOT, env: env as NodeJS.ProcessEnv, encoding: 'utf8' });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
