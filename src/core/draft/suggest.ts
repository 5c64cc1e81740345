/**
 * Suggested links: a change whose words closely match an open commitment's title but that is not
 * linked to it. Told to the lead ("looks like evidence for “…”: link it?"), never linked silently
 * and never shown to the client.
 */
import type { Commitment } from '../clients/model';
import type { ActivityItem } from '../git/types';

export interface LinkSuggestion {
  /** The draft line of the change, when it has one. */
  lineId?: string;
  /** The change: its merge or commit hash first. */
  hashes: string[];
  /** The change's words, as the internal report shows them. */
  change: string;
  commitmentId: string;
  commitmentTitle: string;
}

/** Words of a text for comparison: Latin words of 3+ letters (lower-cased, a plural `s` dropped) and Han character pairs. */
function words(text: string): Set<string> {
  const out = new Set<string>();
  const lower = text.toLowerCase().normalize('NFKC');
  for (const w of lower.match(/[\p{Script=Latin}\p{N}]{3,}/gu) ?? []) out.add(w.length > 4 ? w.replace(/s$/u, '') : w);
  for (const run of lower.match(/\p{Script=Han}+/gu) ?? []) for (let k = 0; k + 1 < run.length; k++) out.add(run.slice(k, k + 2));
  return out;
}

const STOP = new Set(['the', 'and', 'for', 'with', 'add', 'fix', 'update', 'from', 'into', 'when', 'new', 'support']);

/** How much of the commitment's title the change's words cover (0..1), with at least two shared words. */
export function closeness(change: string, title: string): number {
  const a = words(change);
  const b = new Set([...words(title)].filter((w) => !STOP.has(w)));
  if (b.size === 0) return 0;
  let shared = 0;
  for (const w of b) if (a.has(w)) shared++;
  return shared >= 2 || (shared === 1 && b.size === 1) ? shared / b.size : 0;
}

export const SUGGEST_AT = 0.6;

/**
 * Below a suggestion, still enough overlap (two shared words, a third of the title) that "no
 * progress" may be false: the status rules do not say it of that commitment (nothing is linked).
 */
export const POSSIBLE_AT = 0.3;

/** Ids of open commitments that an unlinked visible change of `items` may be evidence for. */
export function possibleEvidence(items: readonly ActivityItem[], open: readonly Commitment[]): Set<string> {
  const out = new Set<string>();
  for (const item of items) {
    if (item.hidden !== undefined || item.commitmentIds.length > 0) continue;
    const text = item.pullRequest?.title ?? item.commit.subject;
    for (const c of open) if (closeness(text, c.title) >= POSSIBLE_AT) out.add(c.id);
  }
  return out;
}

/** Unlinked visible changes that closely match one of `open` (the best match each). */
export function suggestLinks(items: readonly ActivityItem[], open: readonly Commitment[], lineOf: (hash: string) => string | undefined): LinkSuggestion[] {
  const out: LinkSuggestion[] = [];
  if (open.length === 0) return out;
  for (const item of items) {
    if (item.hidden !== undefined || item.commitmentIds.length > 0) continue;
    const text = item.pullRequest?.title ?? item.commit.subject;
    let best: { c: Commitment; score: number } | undefined;
    for (const c of open) {
      const score = closeness(text, c.title);
      if (score >= SUGGEST_AT && (!best || score > best.score)) best = { c, score };
    }
    if (!best) continue;
    const lineId = lineOf(item.commit.hash);
    out.push({ ...(lineId ? { lineId } : {}), hashes: [item.commit.hash, ...(item.branch ?? [])], change: item.internalText, commitmentId: best.c.id, commitmentTitle: best.c.title });
  }
  return out;
}
