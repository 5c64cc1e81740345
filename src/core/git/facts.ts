/**
 * Repository facts a reading needs besides the log — where the repository is and which
 * ignore-revs file it configures — remembered between readings of the same folder.
 *
 * The extension reads the same folders again and again; asking git each time would cost two more
 * processes per reading (more than the reading itself for a one-week window). A remembered answer
 * is used only while nothing it depends on changed: the git directory and the repository's config
 * file (same modification times), the global config files, and no `.git` appearing between the
 * folder and the top level (a new nested repository). Shallowness and detached HEAD are read
 * from the git directory each time, so they are always current.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoInfo, runGit, type RepoInfo, type RunOptions } from './run';

interface Remembered {
  info: RepoInfo;
  ignoreRevsFile?: string;
  stamp: string;
}

const cache = new Map<string, Remembered>();
const MAX_ENTRIES = 64;

function mtime(p: string): string {
  try {
    return String(fs.statSync(p).mtimeMs);
  } catch {
    return '-';
  }
}

function globalConfigFiles(): string[] {
  const env = process.env;
  if (env.GIT_CONFIG_GLOBAL) return [env.GIT_CONFIG_GLOBAL];
  const home = env.HOME ?? os.homedir();
  const xdg = env.XDG_CONFIG_HOME || path.join(home, '.config');
  return [path.join(home, '.gitconfig'), path.join(xdg, 'git', 'config')];
}

function stampOf(info: RepoInfo): string {
  const parts = [info.gitDir, info.commonDir, path.join(info.commonDir, 'config'), path.join(info.gitDir, 'config.worktree'), ...globalConfigFiles()].map(mtime);
  parts.push(process.env.GIT_CONFIG_GLOBAL ?? '', process.env.GIT_CONFIG_NOSYSTEM ?? '', process.env.GIT_CONFIG_PARAMETERS ?? '');
  return parts.join('|');
}

/** True when a `.git` exists between `cwd` and `root` (excluded): a nested repository appeared. */
function nestedRepositoryAppeared(cwd: string, root: string): boolean {
  let dir = path.resolve(cwd);
  const top = path.resolve(root);
  for (let i = 0; i < 64 && dir !== top; i++) {
    if (fs.existsSync(path.join(dir, '.git'))) return true;
    const parent = path.dirname(dir);
    if (parent === dir) return true; // cwd is not below root any more (moved, symlinks)
    dir = parent;
  }
  return false;
}

function remembered(cwd: string): Remembered | undefined {
  const r = cache.get(cwd);
  if (!r) return undefined;
  if (stampOf(r.info) !== r.stamp || nestedRepositoryAppeared(fs.realpathSync.native(cwd), r.info.root)) {
    cache.delete(cwd);
    return undefined;
  }
  return r;
}

function shallowNow(info: RepoInfo): boolean {
  return fs.existsSync(path.join(info.commonDir, 'shallow'));
}

export interface RepoFacts {
  info: RepoInfo;
  /** `blame.ignoreRevsFile`, when configured. */
  ignoreRevsFile?: string;
}

/** The facts for `cwd`, from memory when still valid, else from git (one or two processes in parallel). */
export async function repoFacts(cwd: string, options: RunOptions = {}): Promise<RepoFacts> {
  const known = remembered(cwd);
  if (known) return { info: { ...known.info, shallow: shallowNow(known.info) }, ignoreRevsFile: known.ignoreRevsFile };
  const [info, ignoreRevsFile] = await Promise.all([repoInfo(cwd, options), configuredIgnoreRevsFile(cwd)]);
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  cache.set(cwd, { info, ignoreRevsFile, stamp: stampOf(info) });
  return { info, ignoreRevsFile };
}

/** `blame.ignoreRevsFile`, when configured; never fails (the log reports repository errors). */
async function configuredIgnoreRevsFile(cwd: string): Promise<string | undefined> {
  try {
    const { stdout, code } = await runGit(cwd, ['config', '--get', 'blame.ignoreRevsFile'], { okCodes: [1] });
    return code === 0 && stdout.trim() ? stdout.trim() : undefined;
  } catch {
    return undefined;
  }
}
