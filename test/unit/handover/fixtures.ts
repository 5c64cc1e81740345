/** Real git repositories in temp folders for handover tests, and the demo workspace. */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..', '..');

const ENV_BASE = (() => {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('GIT_')) env[k] = v;
  return { ...env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', LC_ALL: 'C' };
})();

export function git(cwd: string, args: string[], extra: Record<string, string> = {}): string {
  return execFileSync('git', ['-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], {
    cwd,
    env: { ...ENV_BASE, ...extra },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim();
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `cp-handover-${prefix}-`));
}

export interface Who {
  name: string;
  email: string;
}

/** A repository built commit by commit, with fixed author and committer dates. */
export class TestRepo {
  readonly root: string;
  constructor(prefix = 'repo') {
    this.root = tempDir(prefix);
    git(this.root, ['init', '-q', '-b', 'main']);
  }

  write(rel: string, text: string): void {
    const file = path.join(this.root, ...rel.split('/'));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }

  /** Writes the files and commits them as `who` at `date` (YYYY-MM-DD, 10:00 UTC). */
  commit(who: Who, date: string, message: string, files: Record<string, string>): string {
    for (const [rel, text] of Object.entries(files)) this.write(rel, text);
    git(this.root, ['add', '--', ...Object.keys(files)]);
    const when = `${date}T10:00:00+00:00`;
    git(this.root, ['commit', '-q', '-m', message], {
      GIT_AUTHOR_NAME: who.name,
      GIT_AUTHOR_EMAIL: who.email,
      GIT_AUTHOR_DATE: when,
      GIT_COMMITTER_NAME: who.name,
      GIT_COMMITTER_EMAIL: who.email,
      GIT_COMMITTER_DATE: when,
    });
    return git(this.root, ['rev-parse', 'HEAD']);
  }

  checkout(args: string[]): void {
    git(this.root, ['checkout', '-q', ...args]);
  }

  remove(): void {
    fs.rmSync(this.root, { recursive: true, force: true });
  }
}

/** Creates the demo workspace with scripts/demo.mjs for a fixed "today"; returns its folder. */
export function makeDemo(today: string): string {
  const out = path.join(tempDir('demo'), 'agency');
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'demo.mjs'), '--out', out, '--today', today, '--quiet'], {
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`demo generator failed: ${r.stderr}`);
  return out;
}

export function lines(n: number, word = 'line'): string {
  return Array.from({ length: n }, (_, i) => `${word} ${i}`).join('\n') + '\n';
}

