/**
 * The one create-only save of the project's files (update records, handover notes, .eml files,
 * a new clients file): a file is created exclusively (`wx`: an existing file, or a link at that
 * name, is never written through or replaced), and a failed write removes the file it created, so
 * no empty or partial file is left behind.
 */
import * as fs from 'node:fs/promises';
import * as path from 'node:path';

/**
 * Creates `file` (and its parent folders) with `content`. Resolves false, writing nothing, when
 * something exists at that name already.
 */
export async function createExclusive(file: string, content: string | Uint8Array): Promise<boolean> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, 'wx');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
  try {
    await handle.writeFile(content);
    await handle.sync();
  } catch (e) {
    await handle.close().catch(() => undefined);
    await fs.rm(file, { force: true }).catch(() => undefined);
    throw e;
  }
  await handle.close();
  return true;
}

/** The names in `dir`; none when the folder does not exist yet. */
export async function namesIn(dir: string): Promise<string[]> {
  try {
    return await fs.readdir(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
}

/**
 * Saves `content` as a new file in `dir` (created if needed), named by `nameFor` from the names
 * already taken (e.g. `2026-11-20-acme.md`, then `-2`, `-3`…); a name taken meanwhile by someone
 * else is added to the taken ones and the next is tried. Resolves to the file's path.
 */
export async function saveNew(dir: string, nameFor: (taken: ReadonlySet<string>) => string, content: string | Uint8Array): Promise<string> {
  const taken = new Set(await namesIn(dir));
  for (;;) {
    const name = nameFor(taken);
    if (taken.has(name)) throw new Error(`no free file name in ${dir} (${name} is taken)`);
    const file = path.join(dir, name);
    if (await createExclusive(file, content)) return file;
    taken.add(name);
  }
}

/** `handover.md` → `handover-2.md`, `handover-3.md`…: the first of `wanted` and its numbered forms not in `taken` (case-insensitive). */
export function firstFreeName(wanted: string, taken: ReadonlySet<string>): string {
  const lower = new Set([...taken].map((n) => n.toLowerCase()));
  if (!lower.has(wanted.toLowerCase())) return wanted;
  const dot = wanted.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [wanted.slice(0, dot), wanted.slice(dot)] : [wanted, ''];
  for (let n = 2; ; n++) {
    const name = `${stem}-${n}${ext}`;
    if (!lower.has(name.toLowerCase())) return name;
  }
}
