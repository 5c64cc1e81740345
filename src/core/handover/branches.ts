/** Which client an unmerged branch belongs to, and whether it carries the departing person's work. */
import type { Client } from '../clients/model';
import type { DepartingPerson, UnmergedBranch } from './types';

/** `apps/acme/`, `apps/acme`, `packages/loyalty-*`, `**\/*.sql`: prefix or glob match of a path. */
export function pathMatches(pattern: string, file: string): boolean {
  const p = pattern.trim().replace(/^\.\//u, '');
  if (!p) return false;
  if (!/[*?[]/u.test(p)) {
    const dir = p.endsWith('/') ? p : `${p}/`;
    return file === p || file.startsWith(dir);
  }
  let re = '';
  for (let i = 0; i < p.length; i++) {
    const ch = p[i];
    if (ch === '*' && p[i + 1] === '*') {
      re += '.*';
      i++;
      if (p[i + 1] === '/') i++;
    } else if (ch === '*') re += '[^/]*';
    else if (ch === '?') re += '[^/]';
    else re += ch.replace(/[.+^${}()|[\]\\]/gu, '\\$&');
  }
  // A glob matches the file itself or any folder above it (`packages/loyalty-*` covers its files).
  return new RegExp(`^${re}(/.*)?$`, 'u').test(file);
}

function mentions(text: string, tag: string): boolean {
  const t = tag.toLowerCase().replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
  return new RegExp(`(^|[^\\p{L}\\p{N}])#?${t}($|[^\\p{L}\\p{N}])`, 'u').test(text.toLowerCase());
}

/**
 * True when the branch's changed files fall under the client's Paths, or its name or tip subject
 * mentions the client's Tag or one of its commitment tags.
 */
export function branchBelongsTo(branch: UnmergedBranch, client: Client): boolean {
  if (client.paths.some((p) => branch.files.some((f) => pathMatches(p, f)))) return true;
  const tags = [...client.tags, ...client.commitments.flatMap((c) => c.tags)];
  const name = branch.name.replace(/[/_]/gu, '-');
  return tags.some((t) => mentions(name, t) || mentions(branch.subject, t));
}

/** True when the departing person made the tip commit or any commit of the branch. */
export function hasDepartingWork(branch: UnmergedBranch, from: DepartingPerson): boolean {
  return (
    from.aliases.includes(branch.lastAuthorEmail.toLowerCase()) ||
    from.aliases.includes(branch.lastAuthorName.toLowerCase()) ||
    branch.authors.some((a) => from.aliases.includes(a.toLowerCase()))
  );
}
