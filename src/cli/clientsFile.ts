/** Finds and reads `.project/clients.md` for CLI commands. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RuntimeError } from './command';

export const DEFAULT_CLIENTS_FILE = path.join('.project', 'clients.md');

/**
 * Walks up from `cwd` to the filesystem root and returns the first `.project/clients.md` found,
 * or undefined.
 */
export function findClientsFile(cwd: string): string | undefined {
  let dir = path.resolve(cwd);
  for (;;) {
    const candidate = path.join(dir, DEFAULT_CLIENTS_FILE);
    if (isFile(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

export interface LoadedClientsFile {
  /** Absolute path. */
  path: string;
  /** Path as shown to the user: as given on the command line; when found, relative to cwd when inside it, else absolute. */
  displayPath: string;
  text: string;
}

/**
 * The file's text when it is UTF-8 (with or without a BOM). Another encoding would be read as
 * garbled text (Latin-1 `Café` as `Caf�`), so it is refused with what to do instead.
 */
function decodeUtf8(bytes: Buffer, file: string): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new RuntimeError(`${file} is UTF-16; save it as UTF-8 (in VS Code: "Change File Encoding" → "Save with Encoding" → UTF-8)`);
  }
  try {
    // ignoreBOM keeps a BOM in the text, as the parser's offsets expect.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    // The first replacement character of a lenient decoding is where the bytes stop being UTF-8.
    const lenient = bytes.toString('utf8');
    const line = lenient.slice(0, Math.max(0, lenient.indexOf('\uFFFD'))).split('\n').length;
    throw new RuntimeError(`${file} is not valid UTF-8 (first at line ${line}); save it as UTF-8 (in VS Code: "Reopen with Encoding" with the file's encoding, then "Save with Encoding" → UTF-8)`);
  }
}

/**
 * Reads the clients file given on the command line (relative to `cwd`) or, when `given` is
 * undefined, the one found by walking up from `cwd`. Throws `RuntimeError` with an actionable
 * message when there is none or it cannot be read.
 */
export function loadClientsFile(cwd: string, given: string | undefined): LoadedClientsFile {
  const file = given !== undefined ? path.resolve(cwd, given) : findClientsFile(cwd);
  if (file === undefined) {
    throw new RuntimeError(
      `no ${DEFAULT_CLIENTS_FILE} found in ${cwd} or any parent folder; create one (see "The .project/clients.md file" in the Client Pulse README) or pass a path`,
    );
  }
  let text: string;
  try {
    if (fs.statSync(file).isDirectory()) throw new RuntimeError(`${file} is a folder, not a clients file`);
    text = decodeUtf8(fs.readFileSync(file), file);
  } catch (e) {
    if (e instanceof RuntimeError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new RuntimeError(`clients file not found: ${file}`);
    throw new RuntimeError(`cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const rel = path.relative(cwd, file);
  const displayPath = given ?? (rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file);
  return { path: file, displayPath, text };
}
