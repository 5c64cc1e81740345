/**
 * Routing: which clients a commit belongs to.
 *
 * A commit belongs to a client when
 * - one of its files matches one of the client's `Paths:` (a prefix such as `apps/acme/` or
 *   `apps/acme`, or a glob: `*` within a folder, `**` across folders, `?` one character; a glob
 *   also covers everything below what it matches, so `packages/loyalty-*` covers their files), or
 * - it names one of the client's `Tag:`s: `#acme` anywhere in the message, `[acme]` or a
 *   conventional scope `feat(acme): …`, or a `Client: acme` trailer (the client's name works too).
 * In a file with a single client that has no `Paths:`, every commit belongs to that client.
 *
 * Shared paths: when the `Paths:` of several clients match a file (`packages/` and
 * `packages/shared/`), the file belongs to the client whose matching entry is the most specific
 * (the longest literal part before any wildcard). A commit's path clients are the sole owners of
 * its files: a file that equally specific entries of several clients match (`packages/ui/` in
 * everyone's Paths) makes nobody its owner. A commit all of whose matched files are shared that
 * way is `shared` among those clients: it is shown to none of them unless it is evidence for a
 * commitment (it goes to that commitment's client: see activity.ts) or its message names a
 * client — one client's work in a shared package never reaches another client by a guess.
 */
import type { Client, ClientsFile } from '../clients/model';
import { hashTagsIn } from './refs';
import type { Commit } from './types';

/** A compiled `Paths:` entry. */
export type PathMatcher = (file: string) => boolean;

/** How specific a `Paths:` entry is: the length of its literal part, before any wildcard, without slashes at the ends. */
export function pathSpecificity(pattern: string): number {
  const p = pattern.trim().replace(/^\.\//u, '').replace(/^\/+/u, '');
  const wild = p.search(/[*?[]/u);
  return (wild < 0 ? p : p.slice(0, wild)).replace(/\/+$/u, '').length;
}

export function compilePath(pattern: string): PathMatcher | undefined {
  const p = pattern.trim().replace(/^\.\//u, '').replace(/^\/+/u, '');
  if (!p) return undefined;
  if (!/[*?[]/u.test(p)) {
    const exact = p.replace(/\/+$/u, '');
    const dir = `${exact}/`;
    return (file) => file === exact || file.startsWith(dir);
  }
  let re = '';
  for (let i = 0; i < p.length; i++) {
    const ch = p[i];
    if (ch === '*' && p[i + 1] === '*') {
      i++;
      if (p[i + 1] === '/') {
        i++;
        re += '(?:.*/)?';
      } else re += '.*';
    } else if (ch === '*') re += '[^/]*';
    else if (ch === '?') re += '[^/]';
    else re += ch.replace(/[.+^${}()|[\]\\]/gu, '\\$&');
  }
  const rx = new RegExp(`^${re.replace(/\/$/u, '')}(?:/.*)?$`, 'u');
  return (file) => rx.test(file);
}

function escapeRe(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

interface CompiledClient {
  name: string;
  paths: Array<{ match: PathMatcher; specificity: number }>;
  tags: string[];
  bracketTags: RegExp[];
}

export interface Routed {
  /** Names of the clients `commit` belongs to, in file order. */
  clients: string[];
  /** Those that the message names (`#tag`, `[tag]`, scope, `Client:` trailer), not only its paths. */
  named: string[];
  /**
   * When `clients` is empty: the clients whose equally specific `Paths:` entries all match the
   * commit's files (a shared package), none of them more its owner than another.
   */
  shared?: string[];
}

export interface Router {
  /** Names of the clients `commit` belongs to, in file order. */
  route(commit: Commit, scope?: string): string[];
  /** The same, saying which clients the message names. */
  routeWithReasons(commit: Commit, scope?: string): Routed;
  /** True when some client has `Paths:` (commit files are needed to route). */
  readonly needsFiles: boolean;
}

export function makeRouter(file: ClientsFile | undefined): Router {
  const clients = file?.clients ?? [];
  if (clients.length === 1 && clients[0].paths.length === 0) {
    const only = clients[0].name;
    return { route: () => [only], routeWithReasons: () => ({ clients: [only], named: [] }), needsFiles: false };
  }
  const compiled = clients.map(compileClient);
  const withPaths = compiled.filter((c) => c.paths.length > 0);
  const routeWithReasons = (commit: Commit, scope?: string): Routed => {
    const { owners: byPath, tied } = pathOwners(withPaths, commit.files);
    const named: string[] = [];
    const text = `${commit.subject}\n${commit.body}`;
    const hashTags = hashTagsIn(text);
    const clientTrailers = commit.trailers.filter((t) => /^client$/iu.test(t.key)).flatMap((t) => t.value.split(/[,，]/u).map((v) => v.trim().replace(/^#/u, '').toLowerCase()));
    const lowerScope = scope?.toLowerCase();
    for (const c of compiled) {
      const isNamed =
        c.tags.some((t) => hashTags.has(t)) ||
        c.bracketTags.some((r) => r.test(commit.subject)) ||
        (lowerScope !== undefined && c.tags.includes(lowerScope)) ||
        clientTrailers.some((v) => v === c.name.toLowerCase() || c.tags.includes(v));
      if (isNamed) named.push(c.name);
    }
    const routed = compiled.map((c) => c.name).filter((n) => byPath.has(n) || named.includes(n));
    if (routed.length === 0 && tied.size > 0) return { clients: [], named, shared: compiled.map((c) => c.name).filter((n) => tied.has(n)) };
    return { clients: routed, named };
  };
  return {
    needsFiles: withPaths.length > 0,
    route: (commit, scope) => routeWithReasons(commit, scope).clients,
    routeWithReasons,
  };
}

/**
 * The clients owning `files`: for each file, the client whose most specific matching entry is the
 * most specific of all. A file several clients match equally specifically has no owner; those
 * clients are `tied`.
 */
function pathOwners(clients: readonly CompiledClient[], files: readonly string[]): { owners: Set<string>; tied: Set<string> } {
  const owners = new Set<string>();
  const tied = new Set<string>();
  if (clients.length === 0) return { owners, tied };
  for (const f of files) {
    let best = -1;
    let winners: string[] = [];
    for (const c of clients) {
      let mine = -1;
      for (const p of c.paths) if (p.specificity > mine && p.match(f)) mine = p.specificity;
      if (mine < 0) continue;
      if (mine > best) {
        best = mine;
        winners = [c.name];
      } else if (mine === best) winners.push(c.name);
    }
    if (winners.length === 1) owners.add(winners[0]);
    else for (const w of winners) tied.add(w);
  }
  return { owners, tied };
}

function compileClient(client: Client): CompiledClient {
  const tags = client.tags.map((t) => t.trim().replace(/^#/u, '')).filter(Boolean);
  return {
    name: client.name,
    paths: client.paths.flatMap((p) => {
      const match = compilePath(p);
      return match ? [{ match, specificity: pathSpecificity(p) }] : [];
    }),
    tags: tags.map((t) => t.toLowerCase()),
    bracketTags: tags.map((t) => new RegExp(`\\[${escapeRe(t)}\\]`, 'iu')),
  };
}
