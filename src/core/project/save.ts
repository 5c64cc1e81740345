/**
 * The one create-only save of the project's files (update records, handover notes, .eml files,
 * a new clients file), on top of the atomic writes of `write.ts`: a file is created exclusively
 * (an existing file, or a link at that name, is never written through or replaced), nothing
 * partial is left on failure, and with `within` it stays inside the workspace folder.
 */
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { createFile, WriteError, type WriteOptions } from './write';

export { WriteError, type WriteOptions };
import { NoticeError } from '../notices';

/**
 * Creates `file` (and its parent folders) with `content`. Resolves false, writing nothing, when
 * something exists at that name already. Throws {@link WriteError} on any failure.
 */
export async function createExclusive(file: string, content: string | Uint8Array, options: WriteOptions = {}): Promise<boolean> {
  return (await createFile(file, content, options)) !== undefined;
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
 * else is added to the taken ones and the next is tried. Resolves to the file's real path.
 */
export async function saveNew(dir: string, nameFor: (taken: ReadonlySet<string>) => string, content: string | Uint8Array, options: WriteOptions = {}): Promise<string> {
  const taken = new Set(await namesIn(dir));
  for (;;) {
    const name = nameFor(taken);
    if (taken.has(name)) throw new NoticeError({ code: 'save.no-free-name', dir, name });
    const written = await createFile(path.join(dir, name), content, options);
    if (written !== undefined) return written;
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
