/** Finds and reads `.project/clients.md` for CLI commands. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ClientsFileDecodeError, decodeClientsFile } from '../core/project/clientsFile';
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
    text = decodeClientsFile(fs.readFileSync(file), file);
  } catch (e) {
    if (e instanceof RuntimeError) throw e;
    if (e instanceof ClientsFileDecodeError) throw new RuntimeError(e.message);
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new RuntimeError(`clients file not found: ${file}`);
    throw new RuntimeError(`cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const rel = path.relative(cwd, file);
  const displayPath = given ?? (rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file);
  return { path: file, displayPath, text };
}
