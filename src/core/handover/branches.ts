/** Which client an unmerged branch belongs to, and whether it carries the departing person's work. */
import type { Client } from '../clients/model';
import { compilePath, type PathMatcher } from '../git/route';
import { isProjectFile } from './areas';
import type { DepartingPerson, UnmergedBranch } from './types';

/** The files of a client: those under its Paths, or every file when it has none (tag routing). */
export function clientFileFilter(client: Client): (file: string) => boolean {
  const matchers = client.paths.map(compilePath).filter((m): m is PathMatcher => m !== undefined);
  return (file) => !isProjectFile(file) && (matchers.length === 0 || matchers.some((m) => m(file)));
}

/**
 * How many folder levels the client's own folder of `file` has: 2 for `apps/acme/` (and for
 * `packages/loyalty-*`), 0 for a file outside the client's Paths or a client without Paths.
 */
export function clientBaseDepth(client: Client): (file: string) => number {
  const compiled = client.paths
    .map((p) => ({ match: compilePath(p), depth: p.trim().replace(/^\.\//u, '').split('/').filter(Boolean).length }))
    .filter((c): c is { match: PathMatcher; depth: number } => c.match !== undefined);
  return (file) => {
    let depth = 0;
    for (const c of compiled) if (c.depth > depth && c.match(file) && file.split('/').length > c.depth) depth = c.depth;
    return depth;
  };
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
  const matchers = client.paths.map(compilePath).filter((m): m is PathMatcher => m !== undefined);
  if (branch.files.some((f) => matchers.some((m) => m(f)))) return true;
  const tags = [...client.tags, ...client.commitments.flatMap((c) => c.tags)];
  const name = branch.name.replace(/[/_]/gu, '-');
  return tags.some((t) => mentions(name, t) || mentions(branch.subject, t));
}

/**
 * Lines of development that live on beside the default branch and are never merged into it or
 * deleted as a matter of course: `main`/`master`/`trunk`, `develop`/`dev`, `stable`, `next`,
 * `staging`/`production`, `release/*`, `releases/*`, `support/*`, `maint*`, and version lines such as
 * `v6-dev`, `6.x`, `v2`, `1.4-stable`, `*-dev`, `*-stable`. `hotfix/*` branches are short-lived and
 * are not among them.
 */
const LONG_LIVED = [
  /^(?:main|master|trunk|develop|development|dev|stable|next|staging|production|prod|gh-pages)$/u,
  /^(?:release|releases|support|maint|maintenance)(?:[/-].+)?$/u,
  /^v?\d+(?:\.(?:\d+|x))*(?:[-_.](?:dev|stable|x|lts|maint|branch))?$/u,
  /[-_](?:dev|develop|stable|lts)$/u,
];

/** True for a long-lived line (see `LONG_LIVED`); a remote branch is judged without its remote. */
export function isLongLivedBranch(branch: Pick<UnmergedBranch, 'name' | 'remote'>): boolean {
  const name = (branch.remote ? branch.name.replace(/^[^/]+\//u, '') : branch.name).toLowerCase();
  return LONG_LIVED.some((p) => p.test(name));
}

/** True when the departing person made the tip commit or any commit of the branch. */
export function hasDepartingWork(branch: UnmergedBranch, from: DepartingPerson): boolean {
  return (
    from.aliases.includes(branch.lastAuthorEmail.toLowerCase()) ||
    from.aliases.includes(branch.lastAuthorName.toLowerCase()) ||
    branch.authors.some((a) => from.aliases.includes(a.toLowerCase()))
  );
}
