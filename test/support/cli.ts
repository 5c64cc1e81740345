/** Runs the built CLI (`dist/cli.js`) as a real process. */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { ROOT } from './demo';

export { ROOT };
export const CLI = path.join(ROOT, 'dist', 'cli.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Builds the bundles once per test run (from a mocha `before`); a failed build fails the suite. */
let built = false;
export function buildOnce(): void {
  if (built) return;
  const r = spawnSync(process.execPath, ['esbuild.js'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) {
    throw new Error(`node esbuild.js failed:\n${r.stdout}\n${r.stderr}`);
  }
  built = true;
}

export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string | undefined> } = {}): CliResult {
  // English messages unless a test asks for a locale (the CLI reads LC_ALL, LC_MESSAGES, LANG).
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', LC_ALL: undefined, LC_MESSAGES: undefined, LANG: 'C.UTF-8', ...options.env };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: options.cwd ?? ROOT, env: env as NodeJS.ProcessEnv, encoding: 'utf8' });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
