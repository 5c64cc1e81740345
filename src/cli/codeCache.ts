/**
 * Loads the CLI's bundle (`dist/cli-main.js`) with V8's code cache on Node versions that have no
 * `module.enableCompileCache` (before 22.1): the first run compiles as usual and, when it exits,
 * saves the compiled code of every function that ran; later runs hand that to V8 and skip most of
 * the compiling (about 40 ms of a 100k-commit draft on Node 20, see docs/performance.md).
 *
 * Not the `v8-compile-cache` package: it saves the cache right after compiling, when only the
 * top-level code is compiled (V8 compiles functions when they first run), and rewrites its blob on
 * every run.
 *
 * The cache is code that runs, so it is kept only where no one else can write: a folder of the
 * temp folder made for this user (mode 700), used only when it is a real folder owned by the user
 * that no one else may write to; otherwise (and on Windows, which has no user ids to check) the
 * bundle loads without a cache. A cache file is named by
 * the bundle's version, size and modification time and V8's version, and V8 itself refuses data
 * made by another build. Written to a temporary name and renamed, so a run never reads half a file;
 * the files of earlier builds are removed then.
 * `CLIENT_PULSE_CODE_CACHE=0` turns it off.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';
import * as nodeModule from 'node:module';

/**
 * The folder for this user's cache files, made if missing; undefined when it is not safe to use:
 * not a real folder, not owned by the user, writable by others, or on a system without user ids
 * (Windows: a shared temp folder cannot be checked this way, so no cache there).
 */
export function cacheFolder(tmp = os.tmpdir()): string | undefined {
  if (typeof process.getuid !== 'function') return undefined;
  const uid = process.getuid();
  const dir = path.join(tmp, `client-pulse-code-cache-${uid}`);
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = fs.lstatSync(dir);
    if (!st.isDirectory() || st.uid !== uid || (st.mode & 0o022) !== 0) return undefined;
    return dir;
  } catch {
    return undefined;
  }
}

/** The cache file for `file` as it is now (its size and modification time in the name). */
function cacheFile(dir: string, file: string, version: string): string {
  const st = fs.statSync(file);
  const key = [path.basename(file, '.js'), version, process.versions.v8, process.arch, st.size, Math.floor(st.mtimeMs)].join('-');
  return path.join(dir, `${key.replace(/[^\w.-]/g, '_')}.bin`);
}

/**
 * Writes `data` to `target` through a temporary file in the same folder, then removes the cache
 * files of earlier builds of the same bundle; gives up silently.
 */
function save(target: string, data: Buffer, bundle: string): void {
  const temp = `${target}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temp, data, { mode: 0o600 });
    fs.renameSync(temp, target);
    const dir = path.dirname(target);
    const prefix = `${path.basename(bundle, '.js')}-`;
    for (const name of fs.readdirSync(dir)) {
      if (name.startsWith(prefix) && name.endsWith('.bin') && name !== path.basename(target)) fs.rmSync(path.join(dir, name), { force: true });
    }
  } catch {
    // Runs in an exit listener: nothing here may throw (the command already did its work).
    try {
      fs.rmSync(temp, { force: true });
    } catch {
      // left for the next save to replace
    }
  }
}

/**
 * Runs the CommonJS bundle `file` as `require(file)` would and returns its exports, compiled with
 * cached code when there is some; `save: false` (a run that only prints help, whose cache would
 * hold little of what a command runs) reads a cache but does not write one. Node 22.1 and later keep their own cache (in the temp folder's
 * node-compile-cache; NODE_DISABLE_COMPILE_CACHE=1 turns it off); on older Node, a plain `require`
 * when the cache cannot be used.
 */
export function requireWithCodeCache(file: string, version: string, options: { tmp?: string; save?: boolean } = {}): unknown {
  const { tmp, save: saving = true } = options;
  const req = nodeModule.createRequire(file);
  const nodeCache = (nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache;
  if (nodeCache) {
    nodeCache();
    return req(file);
  }
  const dir = process.env.CLIENT_PULSE_CODE_CACHE === '0' ? undefined : cacheFolder(tmp);
  if (!dir) return req(file);
  const target = cacheFile(dir, file, version);
  let cachedData: Buffer | undefined;
  try {
    cachedData = fs.readFileSync(target);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(nodeModule.wrap(fs.readFileSync(file, 'utf8')), { filename: file, cachedData });
  if (saving && (cachedData === undefined || script.cachedDataRejected === true)) {
    // At exit, so the cache holds the functions this run compiled, not only the top level.
    process.once('exit', () => save(target, script.createCachedData(), file));
  }
  const mod = { exports: {} as unknown };
  const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: { exports: unknown }, filename: string, dirname: string) => void;
  run.call(mod.exports, mod.exports, req, mod, file, path.dirname(file));
  return mod.exports;
}
