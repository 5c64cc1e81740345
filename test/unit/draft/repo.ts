/** Real git repositories in temp folders, with fixed authors and dates (no mocks of git). */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

function env(date: string): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = { ...process.env };
  for (const k of Object.keys(e)) if (k.startsWith('GIT_')) delete e[k];
  return {
    ...e,
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Alice Martin',
    GIT_AUTHOR_EMAIL: 'alice@agency.example',
    GIT_COMMITTER_NAME: 'Alice Martin',
    GIT_COMMITTER_EMAIL: 'alice@agency.example',
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_DATE: date,
  };
}

export function git(cwd: string, args: string[], date = '2026-11-18T10:00:00+01:00'): string {
  return execFileSync('git', ['-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], { cwd, env: env(date), encoding: 'utf8' }).trim();
}

export function initRepo(dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  git(dir, ['init', '-q']);
}

/** Writes `files` (appending a line each) and commits them with `message` on `date` (YYYY-MM-DD, 10:00 +01:00). */
export function commit(dir: string, message: string, files: Record<string, string>, day: string): string {
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(dir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.appendFileSync(file, `${content}\n`);
  }
  git(dir, ['add', '--', ...Object.keys(files)]);
  git(dir, ['commit', '-q', '-m', message], `${day}T10:00:00+01:00`);
  return git(dir, ['rev-parse', 'HEAD']);
}
