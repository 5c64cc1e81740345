/**
 * The `Repos:` / `仓库:` field: other repositories holding a client's work, each optionally with
 * the paths in it that are the client's (`Repos: ../api-server, ../mobile:apps/acme/|packages/acme-*`).
 * Only the text is read here; whether a repository exists and may be read is core/git/repositories.ts's.
 */
import type { Client } from './model';
import { diag, type Ctx } from './context';

/** One entry of the value, with its UTF-16 range inside the value. */
export interface RepoEntryText {
  path: string;
  paths: string[];
  start: number;
  end: number;
}

/** The value's entries: separated by `,`, `，`, `;` or `；`; a `:` after the path starts its paths (not a drive letter's `C:`). */
export function splitRepoEntries(value: string): RepoEntryText[] {
  const out: RepoEntryText[] = [];
  const re = /[^,，;；]+/gu;
  for (let m = re.exec(value); m; m = re.exec(value)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (!text) continue;
    // A Windows drive (`C:\…`, `C:/…`) is part of the path, not the start of its paths.
    const from = /^[A-Za-z]:[\\/]/u.test(text) ? 2 : 0;
    // A URL (https://…, git@host:…) is kept whole, to be reported as one.
    const url = isUrl(text);
    const colon = url ? -1 : text.slice(from).search(/[:：]/u);
    const repo = colon < 0 ? text : text.slice(0, from + colon).trim();
    const paths = colon < 0 ? [] : text.slice(from + colon + 1).split('|').map((p) => p.trim()).filter((p) => p !== '');
    out.push({ path: repo, paths, start: m.index + lead, end: m.index + lead + text.length });
  }
  return out;
}

function isUrl(text: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//iu.test(text) || /^[^/\\:]+@[^/\\:]+:/u.test(text);
}

/** Why an entry cannot name a repository, or undefined. */
export function repoEntryFault(entry: Pick<RepoEntryText, 'path' | 'paths'>, hadColon: boolean): string | undefined {
  if (entry.path === '') return 'names no repository before ":"';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/u.test(entry.path)) return 'contains a control character';
  if (isUrl(entry.path)) return 'is a URL; name a local clone (a folder) instead';
  if (entry.path === '.' || entry.path === './') return 'is the repository that holds clients.md, which is always read';
  if (hadColon && entry.paths.length === 0) return 'has ":" but no paths after it';
  if (entry.paths.some((p) => p.startsWith('..') || p.startsWith('/'))) return 'has a path outside the repository after ":" (paths are relative to its top folder)';
  return undefined;
}

/** Reads one `Repos:` field line into the client, reporting `invalid-repo` for entries that cannot be a repository. */
export function addRepos(ctx: Ctx, client: Client, value: string, line: number, valueColumn: number): void {
  for (const e of splitRepoEntries(value)) {
    const span = ctx.src.span(line, valueColumn + e.start, valueColumn + e.end);
    const text = value.slice(e.start, e.end);
    const fault = repoEntryFault(e, !isUrl(text) && /[:：]/u.test(text.replace(/^[A-Za-z]:[\\/]/u, '')));
    if (fault) {
      diag(ctx, span, 'error', 'invalid-repo', `The repository "${text}" ${fault}. Write a folder relative to the top of this repository (../api-server) or absolute, optionally with the client's paths in it after ":" (../mobile:apps/acme/).`);
      continue;
    }
    const key = e.path.replace(/[\\/]+$/u, '');
    if (client.repos.some((r) => r.path.replace(/[\\/]+$/u, '') === key)) {
      diag(ctx, span, 'warning', 'invalid-repo', `The repository "${e.path}" is listed twice for ${client.name}; the first entry is used. Put all its paths in one entry (${e.path}:a/|b/).`);
      continue;
    }
    client.repos.push({ path: e.path, paths: e.paths, span });
  }
}
