/**
 * The one way the project writes the user's files (clients.md edits, update records, handover
 * notes, .eml files, a new clients file). Every write is atomic and verified:
 *
 * - the bytes go to a new temp file in the target's own folder (created with O_EXCL|O_NOFOLLOW),
 *   are flushed to disk (fsync) and read back before they take the file's name;
 * - replacing renames the temp file over the file (a reader sees the old bytes or the new ones);
 *   creating links it to the name (`link` never replaces anything, not even a dangling link);
 * - on any error the original is untouched and the temp file is removed: no partial or 0-byte file;
 * - with `within` (the workspace folder), the real paths of the target folder and file must stay
 *   inside it and outside any `.git` folder: a symlinked `.project/updates` that leads elsewhere
 *   is refused, not written through.
 *
 * Failures are a {@link WriteError}: a {@link WriteProblem} code, the paths involved, and a
 * `write.*` notice that each front words with its own translation (core/notices.ts).
 */
import { constants } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { NoticeError, wordNotice, type WriteNotice } from '../notices';
import { randomBytes } from 'node:crypto';
import { brandClass } from '../brand';

export type WriteProblem =
  /** ENOSPC / EDQUOT. */
  | 'disk-full'
  /** The file has no write permission (chmod a-w), or EACCES/EPERM on it. */
  | 'read-only'
  /** EROFS: the file system is mounted read-only. */
  | 'read-only-disk'
  /** The folder may not be written (EACCES/EPERM on the folder). */
  | 'no-permission'
  /** ENAMETOOLONG. */
  | 'name-too-long'
  /** The real path leaves `within` (through a link). */
  | 'outside-workspace'
  /** The real path is in a `.git` folder. */
  | 'inside-git'
  /** Something on the way is not a folder, or the target is not a regular file. */
  | 'not-a-folder'
  | 'not-a-file'
  /** The file changed on disk since it was read (replace with `expected`). */
  | 'changed'
  /** The file to replace does not exist. */
  | 'missing'
  /** The bytes read back are not the bytes written. */
  | 'not-verified'
  | 'failed';

/** Whether the write was to change an existing file or to create a new one (for the wording). */
export type WriteAction = 'change' | 'create';

/**
 * A failed write: a {@link NoticeError} whose notice (`write.*`) is worded by each front through
 * the one template table of core/notices.ts. The paths stay absolute here; a front that shows
 * paths relative to something builds the notice again with {@link WriteError.noticeWith}.
 */
export class WriteError extends NoticeError<WriteNotice> {
  override readonly name: string = 'WriteError';
  constructor(
    readonly problem: WriteProblem,
    readonly action: WriteAction,
    /** The file that was to be written (absolute). */
    readonly file: string,
    /** For outside-workspace / inside-git: the path on the way that leads there, and where it leads. */
    readonly via?: { path: string; real: string; within?: string },
    /** The system's own message, for 'failed'. */
    readonly detail?: string,
  ) {
    super(writeNotice({ problem, action, file, via, detail }, (p) => p));
  }

  /** The notice with every path shown by `show` (relative to the workspace, the current folder…). */
  noticeWith(show: (p: string) => string): WriteNotice {
    return writeNotice(this, show);
  }
}
brandClass(WriteError, 'WriteError');

/** The notice of a write failure, paths shown by `show`. */
export function writeNotice(
  e: Pick<WriteError, 'problem' | 'action' | 'file' | 'via' | 'detail'>,
  show: (p: string) => string,
): WriteNotice {
  const file = show(e.file);
  const change = e.action === 'change';
  switch (e.problem) {
    case 'disk-full':
      return { code: change ? 'write.disk-full.change' : 'write.disk-full.create', file };
    case 'read-only':
      return { code: change ? 'write.read-only.change' : 'write.read-only.create', file };
    case 'read-only-disk':
      return { code: change ? 'write.read-only-disk.change' : 'write.read-only-disk.create', file };
    case 'no-permission':
      return { code: 'write.no-permission', file, folder: show(path.dirname(e.file)) };
    case 'name-too-long':
      return { code: 'write.name-too-long', file, name: path.basename(e.file) };
    case 'outside-workspace':
      return {
        code: change ? 'write.outside-workspace.change' : 'write.outside-workspace.create',
        file,
        path: show(e.via?.path ?? e.file),
        real: e.via?.real ?? e.file,
        within: e.via?.within ?? '?',
      };
    case 'inside-git':
      return { code: change ? 'write.inside-git.change' : 'write.inside-git.create', file, real: e.via?.real ?? e.file };
    case 'not-a-folder':
      return { code: change ? 'write.not-a-folder.change' : 'write.not-a-folder.create', file, path: show(e.via?.path ?? path.dirname(e.file)) };
    case 'not-a-file':
      return { code: 'write.not-a-file', file };
    case 'changed':
      return { code: 'write.changed', file };
    case 'missing':
      return { code: 'write.missing', file };
    case 'not-verified':
      return { code: change ? 'write.not-verified.change' : 'write.not-verified.create', file };
    case 'failed':
      return { code: change ? 'write.failed.change' : 'write.failed.create', file, detail: e.detail ?? 'unknown error' };
  }
}

/** English wording of a write failure, paths shown by `show` (tests, logs). */
export function describeWriteError(e: Pick<WriteError, 'problem' | 'action' | 'file' | 'via' | 'detail'>, show: (p: string) => string): string {
  return wordNotice(writeNotice(e, show));
}

/** Writes `data` to the open temp file; tests pass one that fails (or writes less) to check the rest. */
export type WriteBytes = (handle: fs.FileHandle, data: Uint8Array) => Promise<void>;

export interface WriteOptions {
  /** The workspace folder: the file's real path must stay inside it, outside any `.git` folder. */
  within?: string;
  /** How the bytes reach the temp file (default: `handle.writeFile`). */
  write?: WriteBytes;
}

export interface ReplaceOptions extends WriteOptions {
  /** The bytes the file must still hold just before it is replaced (never clobber a change made meanwhile). */
  expected?: Uint8Array;
}

const writeAll: WriteBytes = (handle, data) => handle.writeFile(data);

function bytesOf(content: string | Uint8Array): Uint8Array {
  return typeof content === 'string' ? new TextEncoder().encode(content) : content;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}

function errno(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null ? (e as NodeJS.ErrnoException).code : undefined;
}

/** A system error as a WriteError (a WriteError passes through). */
function classify(e: unknown, action: WriteAction, file: string, onFile: boolean): WriteError {
  if (e instanceof WriteError) return e;
  switch (errno(e)) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new WriteError('disk-full', action, file);
    case 'EROFS':
      return new WriteError('read-only-disk', action, file);
    case 'EACCES':
    case 'EPERM':
      return new WriteError(onFile ? 'read-only' : 'no-permission', action, file);
    case 'ENAMETOOLONG':
      return new WriteError('name-too-long', action, file);
    case 'ENOTDIR':
      return new WriteError('not-a-folder', action, file);
    default:
      return new WriteError('failed', action, file, undefined, e instanceof Error ? e.message : String(e));
  }
}

/** True when `p` is `root` or inside it (both absolute, normalised). */
function isInside(p: string, root: string): boolean {
  const rel = path.relative(root, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function hasGitPart(p: string, root: string): boolean {
  return path.relative(root, p).split(path.sep).some((part) => part.toLowerCase() === '.git');
}

/** Refuses a real path outside `rootReal` or in `.git`; `shown` is the path on the way that led there. */
function checkContained(real: string, rootReal: string, within: string, shown: string, action: WriteAction, file: string): void {
  if (!isInside(real, rootReal)) throw new WriteError('outside-workspace', action, file, { path: shown, real, within });
  if (hasGitPart(real, rootReal)) throw new WriteError('inside-git', action, file, { path: shown, real });
}

/**
 * Makes sure `dir` exists and, with `within`, that its real path stays inside the workspace:
 * each part below `within` is looked at (never created through a link that leads outside) and
 * created one by one. Resolves to the folder's real path.
 */
async function prepareFolder(dir: string, action: WriteAction, file: string, within: string | undefined): Promise<string> {
  if (within === undefined) {
    await fs.mkdir(dir, { recursive: true });
    return fs.realpath(dir);
  }
  const root = path.resolve(within);
  const target = path.resolve(dir);
  if (!isInside(target, root)) throw new WriteError('outside-workspace', action, file, { path: target, real: target, within: root });
  if (hasGitPart(target, root)) throw new WriteError('inside-git', action, file, { path: target, real: target });
  const rootReal = await fs.realpath(root);
  let at = root;
  for (const part of path.relative(root, target).split(path.sep).filter(Boolean)) {
    at = path.join(at, part);
    let st = await fs.lstat(at).catch((e: unknown) => {
      if (errno(e) === 'ENOENT') return undefined;
      throw e;
    });
    if (!st) {
      await fs.mkdir(at).catch((e: unknown) => {
        if (errno(e) !== 'EEXIST') throw e;
      });
      st = await fs.lstat(at);
    }
    if (st.isSymbolicLink()) {
      const real = await fs.realpath(at).catch((e: unknown) => {
        if (errno(e) === 'ENOENT') throw new WriteError('not-a-folder', action, file, { path: at, real: at });
        throw e;
      });
      checkContained(real, rootReal, root, at, action, file);
      st = await fs.stat(at);
    }
    if (!st.isDirectory()) throw new WriteError('not-a-folder', action, file, { path: at, real: at });
  }
  const real = await fs.realpath(target);
  checkContained(real, rootReal, root, target, action, file);
  return real;
}

/**
 * Writes `data` to a new temp file in `dir` (exclusive, not following links, `mode`), flushes it
 * and reads it back. Resolves to the temp file's path; on failure nothing is left.
 */
async function writeTemp(dir: string, data: Uint8Array, mode: number, write: WriteBytes, owner?: { uid: number; gid: number }): Promise<string> {
  const temp = path.join(dir, `.client-pulse-${randomBytes(6).toString('hex')}.tmp`);
  const handle = await fs.open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, mode);
  try {
    await write(handle, data);
    await handle.chmod(mode);
    if (owner) await handle.chown(owner.uid, owner.gid).catch(() => undefined);
    await handle.sync();
    await handle.close();
    const back = await fs.readFile(temp);
    if (!sameBytes(back, data)) throw new WriteError('not-verified', 'create', temp);
    return temp;
  } catch (e) {
    await handle.close().catch(() => undefined);
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw e;
  }
}

/** Flushes a folder's entries (the rename or link) to disk, where the system allows it. */
async function syncFolder(dir: string): Promise<void> {
  const handle = await fs.open(dir, constants.O_RDONLY).catch(() => undefined);
  if (!handle) return;
  await handle.sync().catch(() => undefined);
  await handle.close().catch(() => undefined);
}

/**
 * Replaces the content of the existing file `file` with `content`, atomically. A link at `file`
 * is followed to its real file (which must be inside `within`, when given); the file keeps its
 * permissions (and, where allowed, its owner). Resolves to the real path written.
 */
export async function replaceFile(file: string, content: string | Uint8Array, options: ReplaceOptions = {}): Promise<string> {
  const data = bytesOf(content);
  const write = options.write ?? writeAll;
  let real: string;
  try {
    real = await fs.realpath(file);
  } catch (e) {
    if (errno(e) === 'ENOENT') throw new WriteError('missing', 'change', file);
    throw classify(e, 'change', file, true);
  }
  let temp: string | undefined;
  try {
    if (options.within !== undefined) {
      const root = path.resolve(options.within);
      if (!isInside(path.resolve(file), root)) throw new WriteError('outside-workspace', 'change', file, { path: file, real: file, within: root });
      checkContained(real, await fs.realpath(root), root, file, 'change', file);
    }
    const st = await fs.stat(real);
    if (!st.isFile()) throw new WriteError('not-a-file', 'change', file);
    // Mode bits first: a rename would replace a read-only file (and root may write anything).
    if ((st.mode & 0o222) === 0) throw new WriteError('read-only', 'change', file);
    await fs.access(real, constants.W_OK).catch((e: unknown) => {
      throw classify(e, 'change', file, true);
    });
    const owner = typeof process.getuid === 'function' && process.getuid() === 0 ? { uid: st.uid, gid: st.gid } : undefined;
    temp = await writeTemp(path.dirname(real), data, st.mode & 0o7777, write, owner);
    if (options.expected !== undefined && !sameBytes(await fs.readFile(real), options.expected)) throw new WriteError('changed', 'change', file);
    await fs.rename(temp, real);
    temp = undefined;
    await syncFolder(path.dirname(real));
    return real;
  } catch (e) {
    if (temp !== undefined) await fs.rm(temp, { force: true }).catch(() => undefined);
    throw classify(e instanceof WriteError && e.file !== file ? new WriteError(e.problem, 'change', file, e.via, e.detail) : e, 'change', file, false);
  }
}

/**
 * Checks that `content` could replace `file` now, without touching it: the same checks as
 * {@link replaceFile} (link targets inside `within`, write permission) and the bytes written to a
 * temp file in its folder and removed again, so a full disk is found before an editor writes the
 * file in place (VS Code's save truncates first and does not write atomically).
 */
export async function probeReplace(file: string, content: string | Uint8Array, options: WriteOptions = {}): Promise<void> {
  const data = bytesOf(content);
  try {
    const real = await fs.realpath(file);
    if (options.within !== undefined) {
      const root = path.resolve(options.within);
      if (!isInside(path.resolve(file), root)) throw new WriteError('outside-workspace', 'change', file, { path: file, real: file, within: root });
      checkContained(real, await fs.realpath(root), root, file, 'change', file);
    }
    const st = await fs.stat(real);
    if (!st.isFile()) throw new WriteError('not-a-file', 'change', file);
    if ((st.mode & 0o222) === 0) throw new WriteError('read-only', 'change', file);
    await fs.access(real, constants.W_OK).catch((e: unknown) => {
      throw classify(e, 'change', file, true);
    });
    await fs.rm(await writeTemp(path.dirname(real), data, 0o600, options.write ?? writeAll), { force: true });
  } catch (e) {
    if (errno(e) === 'ENOENT') throw new WriteError('missing', 'change', file);
    throw classify(e instanceof WriteError && e.file !== file ? new WriteError(e.problem, 'change', file, e.via, e.detail) : e, 'change', file, false);
  }
}

/**
 * Puts `original` back into `file` in place, after a write by someone else (an editor's in-place
 * save) failed half-way and left neither version: the bytes are written over the file's own blocks
 * (no new space is needed when the broken file is at least as long), cut to length, flushed and
 * read back. Never creates the file or follows a link at its name. Resolves to whether the file
 * now holds `original`; it is only for a file that is broken already.
 */
export async function restoreInPlace(file: string, original: Uint8Array): Promise<boolean> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, constants.O_RDWR | constants.O_NOFOLLOW);
  } catch {
    return false;
  }
  try {
    await handle.write(original, 0, original.length, 0);
    await handle.truncate(original.length);
    await handle.sync();
  } catch {
    return false;
  } finally {
    await handle.close().catch(() => undefined);
  }
  return sameBytes(await fs.readFile(file).catch(() => new Uint8Array()), original);
}

/**
 * Creates `file` (and its folders) with `content`, atomically and exclusively: resolves to the
 * real path written, or undefined (writing nothing) when something already has that name — a
 * file, a folder or a link, dangling or not. New files get mode 0666 less the umask.
 */
export async function createFile(file: string, content: string | Uint8Array, options: WriteOptions = {}): Promise<string | undefined> {
  const data = bytesOf(content);
  const write = options.write ?? writeAll;
  let temp: string | undefined;
  try {
    const dir = await prepareFolder(path.dirname(path.resolve(file)), 'create', file, options.within);
    const final = path.join(dir, path.basename(file));
    const exists = await fs.lstat(final).then(() => true, (e: unknown) => {
      if (errno(e) === 'ENOENT') return false;
      throw e;
    });
    if (exists) return undefined;
    const umask = process.umask();
    temp = await writeTemp(dir, data, 0o666 & ~umask, write);
    try {
      await fs.link(temp, final);
    } catch (e) {
      if (errno(e) === 'EEXIST') return undefined;
      // A file system without hard links: create the name itself exclusively, without following links.
      if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EMLINK'].includes(errno(e) ?? '')) throw e;
      if (!(await createInPlace(final, data, 0o666 & ~umask, write))) return undefined;
    }
    await syncFolder(dir);
    return final;
  } catch (e) {
    throw classify(e instanceof WriteError && e.file !== file ? new WriteError(e.problem, 'create', file, e.via, e.detail) : e, 'create', file, false);
  } finally {
    if (temp !== undefined) await fs.rm(temp, { force: true }).catch(() => undefined);
  }
}

/** The fallback of {@link createFile}: O_EXCL|O_NOFOLLOW on the name; a failed write removes it. */
async function createInPlace(file: string, data: Uint8Array, mode: number, write: WriteBytes): Promise<boolean> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, mode);
  } catch (e) {
    if (errno(e) === 'EEXIST' || errno(e) === 'ELOOP') return false;
    throw e;
  }
  try {
    await write(handle, data);
    await handle.sync();
    await handle.close();
    if (!sameBytes(await fs.readFile(file), data)) throw new WriteError('not-verified', 'create', file);
    return true;
  } catch (e) {
    await handle.close().catch(() => undefined);
    await fs.rm(file, { force: true }).catch(() => undefined);
    throw e;
  }
}

/**
 * Writes `file` whether or not it exists (an output the user named, e.g. `draft --out`):
 * atomically replaced when it exists, created otherwise. Resolves to the real path written.
 */
export async function writeFile(file: string, content: string | Uint8Array, options: WriteOptions = {}): Promise<string> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const exists = await fs.stat(file).then(() => true, () => false);
    if (exists) return replaceFile(file, content, options);
    const created = await createFile(file, content, options);
    if (created !== undefined) return created;
  }
  // Something at that name that is neither a file nor nothing (a dangling link): left alone.
  throw new WriteError('not-a-file', 'create', file);
}
