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
 */
import type { Client, ClientsFile } from '../clients/model';
import type { Commit } from './types';

/** A compiled `Paths:` entry. */
export type PathMatcher = (file: string) => boolean;

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

/** Matches `#tag` as a whole token (case-insensitive), in any script. */
export function hashTagRegExp(tag: string): RegExp {
  return new RegExp(`(?:^|[^\\p{L}\\p{N}_&/#])#${escapeRe(tag)}(?![\\p{L}\\p{N}_-])`, 'iu');
}

interface CompiledClient {
  name: string;
  paths: PathMatcher[];
  tags: string[];
  hashTags: RegExp[];
  bracketTags: RegExp[];
}

export interface Router {
  /** Names of the clients `commit` belongs to, in file order. */
  route(commit: Commit, scope?: string): string[];
  /** True when some client has `Paths:` (commit files are needed to route). */
  readonly needsFiles: boolean;
}

export function makeRouter(file: ClientsFile | undefined): Router {
  const clients = file?.clients ?? [];
  if (clients.length === 1 && clients[0].paths.length === 0) {
    const only = clients[0].name;
    return { route: () => [only], needsFiles: false };
  }
  const compiled = clients.map(compileClient);
  return {
    needsFiles: compiled.some((c) => c.paths.length > 0),
    route(commit, scope) {
      const out: string[] = [];
      const text = `${commit.subject}\n${commit.body}`;
      const clientTrailers = commit.trailers.filter((t) => /^client$/iu.test(t.key)).flatMap((t) => t.value.split(/[,，]/u).map((v) => v.trim().replace(/^#/u, '').toLowerCase()));
      const lowerScope = scope?.toLowerCase();
      for (const c of compiled) {
        if (c.paths.length > 0 && commit.files.some((f) => c.paths.some((m) => m(f)))) {
          out.push(c.name);
          continue;
        }
        const named =
          c.hashTags.some((r) => r.test(text)) ||
          c.bracketTags.some((r) => r.test(commit.subject)) ||
          (lowerScope !== undefined && c.tags.includes(lowerScope)) ||
          clientTrailers.some((v) => v === c.name.toLowerCase() || c.tags.includes(v));
        if (named) out.push(c.name);
      }
      return out;
    },
  };
}

function compileClient(client: Client): CompiledClient {
  const tags = client.tags.map((t) => t.trim().replace(/^#/u, '')).filter(Boolean);
  return {
    name: client.name,
    paths: client.paths.map(compilePath).filter((m): m is PathMatcher => m !== undefined),
    tags: tags.map((t) => t.toLowerCase()),
    hashTags: tags.map(hashTagRegExp),
    bracketTags: tags.map((t) => new RegExp(`\\[${escapeRe(t)}\\]`, 'iu')),
  };
}
