/**
 * Linking: which commitments a commit is evidence for. A commit is evidence for a commitment
 * when its subject or body carries one of the commitment's tags as `#tag`, or when it has a
 * `Commitment: <tag>` trailer (several tags may be separated by commas; `#` is optional). A
 * `Commitment:` line anywhere in the body counts too, so a message with text after it still links.
 */
import type { ClientsFile, Commitment } from '../clients/model';
import { hashTagRegExp } from './route';
import type { Commit } from './types';

export interface Linker {
  /** Ids of the commitments `commit` is evidence for, in file order. */
  link(commit: Commit): string[];
  /** The client of a commitment id. */
  clientOf(id: string): string | undefined;
}

interface CompiledCommitment {
  id: string;
  client: string;
  tags: string[];
  patterns: RegExp[];
}

const COMMITMENT_LINE = /^[ \t]*commitment[ \t]*[:：](.*)$/gimu;

export function makeLinker(file: ClientsFile | undefined): Linker {
  const all: Commitment[] = file?.clients.flatMap((c) => c.commitments) ?? [];
  const compiled: CompiledCommitment[] = all
    .filter((c) => c.tags.length > 0)
    .map((c) => ({ id: c.id, client: c.client, tags: c.tags.map((t) => t.toLowerCase()), patterns: c.tags.map(hashTagRegExp) }));
  const clients = new Map(all.map((c) => [c.id, c.client]));
  return {
    clientOf: (id) => clients.get(id),
    link(commit) {
      if (compiled.length === 0) return [];
      const named = new Set<string>();
      for (const t of commit.trailers) if (/^commitment$/iu.test(t.key)) addTags(named, t.value);
      for (const m of commit.body.matchAll(COMMITMENT_LINE)) addTags(named, m[1]);
      const text = `${commit.subject}\n${commit.body}`;
      const hasHash = text.includes('#');
      return compiled.filter((c) => c.tags.some((t) => named.has(t)) || (hasHash && c.patterns.some((r) => r.test(text)))).map((c) => c.id);
    },
  };
}

function addTags(into: Set<string>, value: string): void {
  for (const part of value.split(/[,，\s]+/u)) {
    const tag = part.trim().replace(/^#/u, '').toLowerCase();
    if (tag) into.add(tag);
  }
}
