/**
 * Clients files of several folders (a multi-root workspace) read together: a client name defined
 * in more than one file is a `duplicate-client` warning on each of its headings, naming the other
 * files, since updates, the overview and the sidebar could not tell which one is meant. The
 * sidebar keeps such clients apart (one group per file, never merged) and marks them with
 * `otherFilesOf`.
 */
import type { ClientsFile, Diagnostic } from './model';

export interface NamedFile {
  /** How the file is shown to a person (a workspace-relative path). */
  name: string;
  file: ClientsFile;
}

/** The key two client names are the same client by (case and outer spaces ignored). */
function keyOf(name: string): string {
  return name.trim().toLowerCase();
}

/** For each file (same order as `files`), each client's name → the indices of the other files defining it. */
export function otherFilesOf(files: ReadonlyArray<Pick<NamedFile, 'file'>>): Array<Map<string, number[]>> {
  const where = new Map<string, Set<number>>();
  files.forEach((f, k) => {
    for (const c of f.file.clients) {
      const key = keyOf(c.name);
      if (key) where.set(key, (where.get(key) ?? new Set()).add(k));
    }
  });
  return files.map((f, k) => {
    const out = new Map<string, number[]>();
    for (const c of f.file.clients) {
      const others = [...(where.get(keyOf(c.name)) ?? [])].filter((j) => j !== k);
      if (others.length > 0) out.set(c.name, others);
    }
    return out;
  });
}

/** The warnings of each file (same order as `files`). */
export function duplicatesAcrossFiles(files: readonly NamedFile[]): Diagnostic[][] {
  const others = otherFilesOf(files);
  return files.map((f, k) =>
    f.file.clients.flatMap((c): Diagnostic[] => {
      const in_ = others[k].get(c.name);
      if (!in_) return [];
      const names = in_.map((j) => files[j].name);
      return [{ span: c.headingSpan, severity: 'warning', code: 'duplicate-client', message: `The client "${c.name}" is also defined in ${names.join(', ')}. Keep each client in one clients file (list its other repositories with Repos:), or the drafts and the overview cannot tell which one is meant.` }];
    }),
  );
}
