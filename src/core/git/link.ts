/**
 * Linking: which commitments a commit is evidence for. A commit is evidence for a commitment when
 * - its subject or body carries one of the commitment's tags as `#tag`;
 * - it has a `Commitment: <tag>` trailer or line (several tags may be separated by commas; `#` optional);
 * - its conventional scope is one of the commitment's tags (`feat(loyalty): …` for `#loyalty`);
 * - it closes an issue whose number is written on the commitment (`Closes #12`, `fixes owner/repo#12`,
 *   `Resolves https://…/issues/12`, `关闭 #12`, `修复#12`; a `#12` anywhere counts as the tag `12`);
 * - it landed a pull request whose number is written on the commitment (`#12`, `!12`, `PR 12`):
 *   the merge or squash commit of that pull request (see pullRequests.ts), or a `!12` reference.
 *
 * The commitments are indexed once (tag or number → ids); each commit's references are read once
 * and looked up, so the cost is the size of the commit, not commits × tagged commitments.
 */
import type { ClientsFile } from '../clients/model';
import { parseConventional } from './conventional';
import { recognisePullRequest, type PullRequestRef } from './pullRequests';
import { bangNumbers, closedNumbers, commitmentNumbers, hashTagsIn } from './refs';
import type { Commit } from './types';

export interface LinkHints {
  /** The pull request the commit landed, when already recognised (saves reading it again). */
  pullRequest?: PullRequestRef | null;
  /** The conventional scope, when already parsed. */
  scope?: string | null;
}

export interface Linker {
  /** Ids of the commitments `commit` is evidence for, in file order. */
  link(commit: Commit, hints?: LinkHints): string[];
  /** The client of a commitment id. */
  clientOf(id: string): string | undefined;
}

const COMMITMENT_LINE = /^[ \t]*commitment[ \t]*[:：](.*)$/gimu;

export function makeLinker(file: ClientsFile | undefined): Linker {
  // Each id's place in the file (a later commitment of the same id wins, as in a Map built from entries) and the client at each place.
  const order = new Map<string, number>();
  const clientAt: string[] = [];
  // `t:<tag>` and `#12` / `!12` → commitment ids.
  const index = new Map<string, string[]>();
  const add = (key: string, id: string) => {
    const list = index.get(key);
    if (!list) index.set(key, [id]);
    else if (!list.includes(id)) list.push(id);
  };
  let k = 0;
  for (const client of file?.clients ?? []) {
    for (const c of client.commitments) {
      clientAt.push(c.client);
      order.set(c.id, k++);
      for (const t of c.tags) add(`t:${t.toLowerCase()}`, c.id);
      for (const n of commitmentNumbers(c.raw, c.tags)) add(n, c.id);
    }
  }
  return {
    clientOf: (id) => {
      const at = order.get(id);
      return at === undefined ? undefined : clientAt[at];
    },
    link(commit, hints = {}) {
      if (index.size === 0) return [];
      const keys = new Set<string>();
      const text = `${commit.subject}\n${commit.body}`;
      for (const t of commit.trailers) if (/^commitment$/iu.test(t.key)) addTags(keys, t.value);
      if (/commitment/iu.test(commit.body)) for (const m of commit.body.matchAll(COMMITMENT_LINE)) addTags(keys, m[1]);
      for (const tag of hashTagsIn(text)) {
        keys.add(`t:${tag}`);
        if (/^\d+$/u.test(tag)) keys.add(`#${Number(tag)}`);
      }
      for (const n of closedNumbers(text)) keys.add(`#${n}`).add(`t:${n}`);
      for (const n of bangNumbers(text)) keys.add(`!${n}`);
      const pr = hints.pullRequest === undefined ? recognisePullRequest(commit) : hints.pullRequest ?? undefined;
      if (pr) keys.add(`${pr.sigil}${pr.number}`);
      const scope = hints.scope === undefined ? scopeOf(commit, pr) : hints.scope ?? undefined;
      if (scope) for (const s of scope.split(/[,/]/u)) if (s.trim()) keys.add(`t:${s.trim().toLowerCase()}`);
      const ids = new Set<string>();
      for (const k of keys) for (const id of index.get(k) ?? []) ids.add(id);
      return [...ids].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
    },
  };
}

/** The conventional scope of a commit, or of the title of the pull request it landed. */
function scopeOf(commit: Commit, pr: PullRequestRef | undefined): string | undefined {
  return parseConventional(pr?.title || commit.subject).scope;
}

function addTags(into: Set<string>, value: string): void {
  for (const part of value.split(/[,，\s]+/u)) {
    const tag = part.trim().replace(/^#/u, '').toLowerCase();
    if (tag) into.add(`t:${tag}`);
  }
}
