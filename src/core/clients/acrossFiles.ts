/**
 * Clients files of several folders (a multi-root workspace) read together: a client name defined
 * in more than one file is a `duplicate-client` warning on each of its headings, naming the other
 * files, since updates, the overview and the sidebar could not tell which one is meant.
 */
import type { ClientsFile, Diagnostic } from './model';

export interface NamedFile {
  /** How the file is shown to a person (a workspace-relative path). */
  name: string;
  file: ClientsFile;
}

/** The warnings of each file (same order as `files`). */
export function duplicatesAcrossFiles(files: readonly NamedFile[]): Diagnostic[][] {
  const where = new Map<string, Set<number>>();
  files.forEach((f, k) => {
    for (const c of f.file.clients) {
      const key = c.name.trim().toLowerCase();
      if (!key) continue;
      where.set(key, (where.get(key) ?? new Set()).add(k));
    }
  });
  return files.map((f, k) =>
    f.file.clients.flatMap((c): Diagnostic[] => {
      const others = [...(where.get(c.name.trim().toLowerCase()) ?? [])].filter((j) => j !== k).map((j) => files[j].name);
      if (others.length === 0) return [];
      return [{ span: c.headingSpan, severity: 'warning', code: 'duplicate-client', message: `The client "${c.name}" is also defined in ${others.join(', ')}. Keep each client in one clients file (list its other repositories with Repos:), or the drafts and the overview cannot tell which one is meant.` }];
    }),
  );
}
