/** Finds and reads `.project/clients.md` for CLI commands. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ClientsFileDecodeError, decodeClientsFile } from '../core/project/clientsFile';
import { RuntimeError } from './command';
import { errorText, t } from './l10n';

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
      t('no {0} found in {1} or any parent folder; create one (see "The .project/clients.md file" in the Client Pulse README) or pass a path', DEFAULT_CLIENTS_FILE, cwd),
    );
  }
  let text: string;
  try {
    if (fs.statSync(file).isDirectory()) throw new RuntimeError(t('{0} is a folder, not a clients file', file));
    text = decodeClientsFile(fs.readFileSync(file), file);
  } catch (e) {
    if (e instanceof RuntimeError) throw e;
    if (e instanceof ClientsFileDecodeError) throw new RuntimeError(errorText(e));
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new RuntimeError(t('clients file not found: {0}', file));
    throw new RuntimeError(t('cannot read {0}: {1}', file, errorText(e)));
  }
  const rel = path.relative(cwd, file);
  const displayPath = given ?? (rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file);
  return { path: file, displayPath, text };
}

/** The note that the clients file has errors (the command still runs). */
export function errorsNote(displayPath: string, errors: number): string {
  return errors === 1
    ? t('note: {0} has 1 error; run `client-pulse check` to see it', displayPath)
    : t('note: {0} has {1} errors; run `client-pulse check` to see them', displayPath, errors);
}

/** The usage error for `--client NAME` that names no client (`known`: the names, or why there are none). */
export function unknownClient(name: string, displayPath: string | undefined, known: string): string {
  return displayPath
    ? t('no client named {0} in {1} (clients: {2})', JSON.stringify(name), displayPath, known)
    : t('no client named {0} (clients: {1})', JSON.stringify(name), known);
}
