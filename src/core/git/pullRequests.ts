/**
 * Pull requests: how a change landed, read from the commit that landed it. Pure functions over a
 * commit's subject, body and parents; no git.
 *
 * Recognised shapes (each as the platform writes it by default):
 * - GitHub merge:    `Merge pull request #12 from owner/branch` + the PR title as the body's first paragraph
 * - GitLab merge:    `Merge branch 'x' into 'main'` + title + `See merge request group/project!12`
 * - Gitee merge:     `!12 title` + `Merge pull request !12 from owner/branch` (sometimes on one line)
 * - Azure DevOps:    `Merged PR 12: title`
 * - Bitbucket merge: `Merged in branch (pull request #12)` + the PR title as the body's first paragraph
 * - squash merge:    `title (#12)` (GitHub's and Gitea's default squash subject, and GitHub's
 *                    "pull request title" merge subject)
 */
import type { Commit } from './types';

export type PullRequestPlatform = 'github' | 'gitlab' | 'gitee' | 'azure' | 'bitbucket' | 'squash';

export interface PullRequestRef {
  number: number;
  /**
   * The pull request's title as written (conventional prefix included); empty when the message
   * does not carry it (a GitHub merge whose body was cleared).
   */
  title: string;
  platform: PullRequestPlatform;
  /** The source branch, when the message names it (internal detail: never shown to a client). */
  branch?: string;
  /** `#` for platforms that number pull requests with issues (GitHub, Bitbucket, Azure), `!` for GitLab and Gitee. */
  sigil: '#' | '!';
}

type Message = Pick<Commit, 'subject' | 'body'>;

const GITHUB = /^Merge pull request #(\d+) from (\S+)/u;
const GITEE_BODY = /^Merge pull request !(\d+) from (\S+)/mu;
const GITEE_SUBJECT = /^!(\d+)\s+(.*?)(?:\s+Merge pull request !\d+ from \S+\s*)?$/su;
const GITLAB = /^Merge branch '([^']+)' into '[^']+'$/u;
const GITLAB_REF = /^See merge request \S*!(\d+)\s*$/mu;
const AZURE = /^Merged PR (\d+):\s*(.*)$/su;
const BITBUCKET = /^Merged in (\S+) \(pull request #(\d+)\)/u;
const SQUASH = /^(.*\S)\s*\(#(\d+)\)$/su;

/** The first paragraph of a body, its lines joined; empty when the body starts with a trailer block or a bullet list of commits. */
function firstParagraph(body: string): string {
  const para = body.split(/\n[ \t]*\n/u)[0] ?? '';
  const lines = para.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  if (lines.length === 0) return '';
  // Not a title: a trailer block (`Approved-by: …`), a list of squashed commits (`* fix …`), a `See merge request` line.
  if (lines.every((l) => /^[A-Za-z][A-Za-z0-9-]*:\s/u.test(l))) return '';
  if (/^[*-]\s/u.test(lines[0]) || /^See merge request\b/u.test(lines[0])) return '';
  return lines.join(' ');
}

/** The pull request a commit landed, or undefined when its message is not one of the shapes above. */
export function recognisePullRequest(commit: Message): PullRequestRef | undefined {
  const subject = commit.subject.trim();
  const body = commit.body;
  let m = GITHUB.exec(subject);
  if (m) return { number: Number(m[1]), title: firstParagraph(body), platform: 'github', branch: m[2], sigil: '#' };
  m = GITEE_SUBJECT.exec(subject);
  if (m) {
    const inBody = GITEE_BODY.exec(body) ?? /Merge pull request !\d+ from (\S+)/u.exec(subject);
    return { number: Number(m[1]), title: m[2].trim(), platform: 'gitee', ...(inBody ? { branch: inBody[inBody.length - 1] } : {}), sigil: '!' };
  }
  m = GITEE_BODY.exec(subject);
  if (m) return { number: Number(m[1]), title: firstParagraph(body), platform: 'gitee', branch: m[2], sigil: '!' };
  m = GITLAB.exec(subject);
  if (m) {
    const ref = GITLAB_REF.exec(body);
    if (ref) return { number: Number(ref[1]), title: firstParagraph(body), platform: 'gitlab', branch: m[1], sigil: '!' };
    return undefined;
  }
  m = AZURE.exec(subject);
  if (m) return { number: Number(m[1]), title: m[2].trim(), platform: 'azure', sigil: '#' };
  m = BITBUCKET.exec(subject);
  if (m) return { number: Number(m[2]), title: firstParagraph(body), platform: 'bitbucket', branch: m[1], sigil: '#' };
  m = SQUASH.exec(subject);
  if (m && !/^Merge\b/u.test(subject)) return { number: Number(m[2]), title: m[1].trim(), platform: 'squash', sigil: '#' };
  return undefined;
}

/**
 * The branch commits of each pull-request merge: the commits reachable from the merge's second
 * parent but not from its first, among `commits` (a period's commits; history outside it is not
 * walked). A merge inside another pull request's branch (a PR into a feature branch) belongs to
 * the outer one, with its branch commits. Returns merge hash → branch commit hashes (newest first
 * as given), and branch commit hash → the merge it belongs to.
 *
 * Cost: one pass to number the commits by generation, then per merge a walk of its branch and of
 * the first parent's history back to the branch's oldest generation only.
 */
export function branchCommits(commits: readonly Pick<Commit, 'hash' | 'parents'>[], merges: ReadonlySet<string>): { members: Map<string, string[]>; partOf: Map<string, string> } {
  const members = new Map<string, string[]>();
  const partOf = new Map<string, string>();
  if (merges.size === 0) return { members, partOf };
  const byHash = new Map(commits.map((c) => [c.hash, c]));
  const gen = generations(commits, byHash);
  const order = new Map(commits.map((c, k) => [c.hash, k]));
  // Outer merges first (a descendant has a higher generation): an inner merge is then already
  // claimed, with its branch, by the pull request it was merged into.
  const sorted = [...merges].filter((h) => byHash.has(h)).sort((a, b) => (gen.get(b) ?? 0) - (gen.get(a) ?? 0));
  for (const hash of sorted) {
    if (partOf.has(hash)) continue;
    const merge = byHash.get(hash)!;
    if (merge.parents.length < 2) continue;
    const side = reach(merge.parents.slice(1), byHash, () => true);
    if (side.size === 0) continue;
    const floor = Math.min(...[...side].map((h) => gen.get(h) ?? 0));
    const main = reach([merge.parents[0]], byHash, (h) => (gen.get(h) ?? 0) >= floor);
    const own = [...side].filter((h) => !main.has(h) && !partOf.has(h) && h !== hash);
    own.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
    for (const h of own) partOf.set(h, hash);
    members.set(hash, own);
  }
  return { members, partOf };
}

/** Commits reachable from `starts` within the known set, walking only where `keep` says so. */
function reach(starts: readonly string[], byHash: ReadonlyMap<string, Pick<Commit, 'parents'>>, keep: (hash: string) => boolean): Set<string> {
  const seen = new Set<string>();
  const stack = starts.filter((h) => byHash.has(h) && keep(h));
  while (stack.length) {
    const h = stack.pop()!;
    if (seen.has(h)) continue;
    seen.add(h);
    for (const p of byHash.get(h)!.parents) if (!seen.has(p) && byHash.has(p) && keep(p)) stack.push(p);
  }
  return seen;
}

/** 1 + the highest generation of a commit's parents within the set (0 outside it); iterative. */
function generations(commits: readonly Pick<Commit, 'hash' | 'parents'>[], byHash: ReadonlyMap<string, Pick<Commit, 'hash' | 'parents'>>): Map<string, number> {
  const gen = new Map<string, number>();
  for (const c of commits) {
    if (gen.has(c.hash)) continue;
    const stack: Array<{ hash: string; next: number }> = [{ hash: c.hash, next: 0 }];
    while (stack.length) {
      const top = stack[stack.length - 1];
      const parents = byHash.get(top.hash)!.parents;
      if (top.next < parents.length) {
        const p = parents[top.next++];
        if (byHash.has(p) && !gen.has(p)) stack.push({ hash: p, next: 0 });
        continue;
      }
      let g = 1;
      for (const p of parents) g = Math.max(g, (gen.get(p) ?? 0) + 1);
      gen.set(top.hash, g);
      stack.pop();
    }
  }
  return gen;
}
