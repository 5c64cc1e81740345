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
  paths: Array<{ match: PathMatcher; specificity: number; pattern: string }>;
  tags: string[];
  /** The tags as written, for `[tag]` patterns. */
  written: string[];
  /** `[tag]` patterns, compiled the first time a subject's brackets name one of the client's tags. */
  bracketTags?: RegExp[];
}

function bracketTagsOf(c: CompiledClient): RegExp[] {
  return (c.bracketTags ??= c.written.map((t) => new RegExp(`\\[${escapeRe(t)}\\]`, 'iu')));
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

/**
 * The whole folder names every file `pattern` matches starts with (before any wildcard): matchers
 * are anchored, so only entries whose folders are a prefix of a file's can match it.
 */
function folderPrefix(pattern: string): string {
  const p = pattern.trim().replace(/^\.\//u, '').replace(/^\/+/u, '');
  const wildAt = p.search(/[*?[]/u);
  const literal = wildAt < 0 ? p : p.slice(0, wildAt);
  const whole = wildAt < 0 ? literal.replace(/\/+$/u, '') : literal.slice(0, literal.lastIndexOf('/') + 1).replace(/\/+$/u, '');
  return whole === '' ? '' : whole.split('/').join('\0');
}

/** Case folding for the bracket-tag lookup, as the `iu` regex folds ASCII tags (ſ is an s, K a k). */
const fold = (text: string) => text.toLowerCase().replace(/ſ/gu, 's');

/**
 * Routing is indexed so its cost follows the commit, not the number of clients: tags, names and
 * `Paths:` folders are looked up in maps built once (a 50,000-line clients.md has thousands of
 * clients); the per-client checks run only for the candidates found.
 */
export function makeRouter(file: ClientsFile | undefined): Router {
  const clients = file?.clients ?? [];
  if (clients.length === 1 && clients[0].paths.length === 0) {
    const only = clients[0].name;
    return { route: () => [only], routeWithReasons: () => ({ clients: [only], named: [] }), needsFiles: false };
  }
  const compiled = clients.map(compileClient);
  const names = compiled.map((c) => c.name);
  const add = <K>(map: Map<K, number[]>, key: K, i: number) => {
    const list = map.get(key);
    if (!list) map.set(key, [i]);
    else if (list[list.length - 1] !== i) list.push(i);
  };
  const byTag = new Map<string, number[]>();
  const byName = new Map<string, number[]>();
  // Exact name → the clients of that name (a name written twice is two clients).
  const byExactName = new Map<string, number[]>();
  /** The names of the clients named in `wanted`, in file order (as filtering every client's name, without going over them all). */
  const inFileOrder = (wanted: Iterable<string>): string[] => {
    const at: number[] = [];
    for (const n of wanted) for (const i of byExactName.get(n) ?? []) at.push(i);
    return [...new Set(at)].sort((a, b) => a - b).map((i) => names[i]);
  };
  // Clients with a non-ASCII tag: their bracket patterns are always tried (Unicode case folding).
  const foldedBrackets: number[] = [];
  const byFolder: FolderIndex = { entries: new Map(), depth: 0 };
  compiled.forEach((c, i) => {
    for (const t of c.tags) add(byTag, t, i);
    add(byName, c.name.toLowerCase(), i);
    add(byExactName, c.name, i);
    if (c.tags.some((t) => /[^ -~]/u.test(t))) foldedBrackets.push(i);
    c.paths.forEach((p) => {
      const key = folderPrefix(p.pattern);
      const list = byFolder.entries.get(key);
      const entry = { client: i, match: p.match, specificity: p.specificity };
      if (list) list.push(entry);
      else byFolder.entries.set(key, [entry]);
      byFolder.depth = Math.max(byFolder.depth, key === '' ? 0 : key.split('\0').length);
    });
  });
  const withPaths = compiled.some((c) => c.paths.length > 0);
  const routeWithReasons = (commit: Commit, scope?: string): Routed => {
    const { owners: byPath, tied } = withPaths ? pathOwners(names, byFolder, commit.files) : { owners: new Set<string>(), tied: new Set<string>() };
    const text = `${commit.subject}\n${commit.body}`;
    const hashTags = hashTagsIn(text);
    const clientTrailers = commit.trailers.filter((t) => /^client$/iu.test(t.key)).flatMap((t) => t.value.split(/[,，]/u).map((v) => v.trim().replace(/^#/u, '').toLowerCase()));
    const lowerScope = scope?.toLowerCase();
    const namedIdx = new Set<number>();
    const all = (list: number[] | undefined) => {
      for (const i of list ?? []) namedIdx.add(i);
    };
    for (const t of hashTags) all(byTag.get(t));
    if (lowerScope !== undefined) all(byTag.get(lowerScope));
    for (const v of clientTrailers) {
      all(byName.get(v));
      all(byTag.get(v));
    }
    // `[tag]` in the subject: every bracketed span is a candidate, confirmed by the client's own pattern.
    const subject = commit.subject;
    const candidates = new Set<number>(foldedBrackets);
    for (let open = subject.indexOf('['); open >= 0; open = subject.indexOf('[', open + 1)) {
      for (let close = subject.indexOf(']', open + 1); close >= 0; close = subject.indexOf(']', close + 1)) {
        for (const i of byTag.get(fold(subject.slice(open + 1, close))) ?? []) candidates.add(i);
      }
    }
    for (const i of candidates) if (!namedIdx.has(i) && bracketTagsOf(compiled[i]).some((r) => r.test(subject))) namedIdx.add(i);
    const named = [...namedIdx].sort((a, b) => a - b).map((i) => names[i]);
    const routed = byPath.size === 0 && named.length === 0 ? [] : inFileOrder([...byPath, ...named]);
    if (routed.length === 0 && tied.size > 0) return { clients: [], named, shared: inFileOrder(tied) };
    return { clients: routed, named };
  };
  return {
    needsFiles: withPaths,
    route: (commit, scope) => routeWithReasons(commit, scope).clients,
    routeWithReasons,
  };
}

/**
 * The clients owning `files`: for each file, the client whose most specific matching entry is the
 * most specific of all. A file several clients match equally specifically has no owner; those
 * clients are `tied`. Only the entries whose folders are a prefix of the file's are tried.
 */
/** `Paths:` entries by the literal folder they start with (`a\0b` for `a/b/…`), and the deepest such folder. */
interface FolderIndex {
  entries: Map<string, Array<{ client: number; match: PathMatcher; specificity: number }>>;
  depth: number;
}

function pathOwners(names: readonly string[], byFolder: FolderIndex, files: readonly string[]): { owners: Set<string>; tied: Set<string> } {
  const owners = new Set<string>();
  const tied = new Set<string>();
  for (const f of files) {
    const segments = f.split('/');
    let mine: Map<number, number> | undefined;
    // The folder keys `a`, `a\0b`, … of the file, built one segment at a time, no deeper than
    // the deepest key there is.
    let folder = '';
    const last = Math.min(segments.length, byFolder.depth);
    for (let k = 0; k <= last; k++) {
      if (k > 0) folder = k === 1 ? segments[0] : `${folder}\0${segments[k - 1]}`;
      const entries = byFolder.entries.get(folder);
      if (!entries) continue;
      for (const e of entries) {
        if (e.specificity > (mine?.get(e.client) ?? -1) && e.match(f)) (mine ??= new Map()).set(e.client, e.specificity);
      }
    }
    if (!mine) continue;
    let best = -1;
    let winners: string[] = [];
    for (const [client, specificity] of [...mine].sort((a, b) => a[0] - b[0])) {
      if (specificity > best) {
        best = specificity;
        winners = [names[client]];
      } else if (specificity === best) winners.push(names[client]);
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
      return match ? [{ match, specificity: pathSpecificity(p), pattern: p }] : [];
    }),
    tags: tags.map((t) => t.toLowerCase()),
    written: tags,
  };
}
