/**
 * Repository facts a reading needs besides the log — where the repository is, which ignore-revs
 * file it configures, and who the user is (`user.name`, `user.email`: a draft's signature, "mine")
 * — remembered between readings of the same folder. Two processes in parallel with the log: one
 * `git rev-parse` and one `git config --get-regexp` for the three keys.
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
import { CONFIG_ARGS, CONFIG_KEYS } from './argv';
import { repoInfo, runGit, type RepoInfo, type RunOptions } from './run';

interface Remembered extends RepoFacts {
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
  /** The configured `user.name` and `user.email` (after includes, local over global). */
  user: { name?: string; email?: string };
}

/** The facts for `cwd`, from memory when still valid, else from git (one or two processes in parallel). */
export async function repoFacts(cwd: string, options: RunOptions = {}): Promise<RepoFacts> {
  const known = remembered(cwd);
  if (known) return { info: { ...known.info, shallow: shallowNow(known.info) }, ignoreRevsFile: known.ignoreRevsFile, user: known.user };
  const [info, config] = await Promise.all([repoInfo(cwd, options), configuredKeys(cwd)]);
  const facts: RepoFacts = { info, ...(config.ignoreRevsFile ? { ignoreRevsFile: config.ignoreRevsFile } : {}), user: config.user };
  const stamp = stampOf(info);
  // Remembered for the top level too: a draft asks for the user of the repository it just read.
  for (const key of new Set([cwd, info.root])) {
    if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
    cache.set(key, { ...facts, stamp });
  }
  return facts;
}

/** The configured `user.name` and `user.email` of `cwd`; from memory when nothing changed since the last reading. */
export async function currentUser(cwd: string): Promise<{ name?: string; email?: string }> {
  try {
    return { ...(await repoFacts(cwd)).user };
  } catch {
    // Outside a repository: the global configuration still names the user.
    return (await configuredKeys(cwd)).user;
  }
}


/**
 * `blame.ignoreRevsFile`, `user.name` and `user.email` in one `git config --get-regexp -z` (the last
 * value of a key wins, as with `--get`); never fails (the log reports repository errors).
 */
async function configuredKeys(cwd: string): Promise<{ ignoreRevsFile?: string; user: { name?: string; email?: string } }> {
  const found = new Map<string, string>();
  try {
    const { stdout, code } = await runGit(cwd, CONFIG_ARGS, { okCodes: [1] });
    if (code === 0) {
      for (const entry of stdout.split('\0')) {
        const nl = entry.indexOf('\n');
        const key = (nl < 0 ? entry : entry.slice(0, nl)).toLowerCase();
        if (CONFIG_KEYS.test(key)) found.set(key, nl < 0 ? '' : entry.slice(nl + 1));
      }
    }
  } catch {
    // Not a repository, git missing: the log says so.
  }
  const value = (key: string) => {
    const v = found.get(key);
    return v === undefined || v === '' ? undefined : v;
  };
  const ignore = value('blame.ignorerevsfile')?.trim();
  return { ...(ignore ? { ignoreRevsFile: ignore } : {}), user: { name: value('user.name'), email: value('user.email') } };
}
