/**
 * Noise: commits a client does not need to read. They stay in the activity with `hidden` set so
 * a user can bring them back. Every rule can be switched off through `NoiseOptions`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REVERT_SUBJECT } from './conventional';
import { fileNoiseReason } from './file-noise';
import type { Commit, HiddenReason, NoiseOptions } from './types';
import { NoticeError } from '../notices';

/** What a user pattern is for (the error names it). */
export type PatternKind = 'hide pattern' | 'ticket key pattern' | 'redaction pattern';

const PATTERN_NOTICE = {
  'hide pattern': 'pattern.bad-hide',
  'ticket key pattern': 'pattern.bad-ticket-key',
  'redaction pattern': 'pattern.bad-redaction',
} as const;

export const DEFAULT_NOISE: NoiseOptions = {
  hideMerges: true,
  botAuthors: ['dependabot', 'renovate', 'github-actions', '[bot]'],
  hiddenTypes: ['chore', 'ci', 'build', 'test', 'style', 'refactor'],
  hideReverted: true,
  useBlameIgnoreRevs: true,
};

/** The options with defaults filled in. `hidePatterns` (regular expressions on the subject) is optional. */
export function noiseOptions(partial: Partial<NoiseOptions> | undefined): NoiseOptions {
  return { ...DEFAULT_NOISE, ...stripUndefined(partial ?? {}) };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

const REVERTS = /This reverts commit ([0-9a-f]{7,64})/gu;

/** Hashes a revert commit says it reverts (`This reverts commit <hash>.`). */
export function revertedHashes(commit: Commit): string[] {
  return [...commit.body.matchAll(REVERTS)].map((m) => m[1]);
}

/**
 * Pairs of a commit and its revert inside the same list (newest first, as git gives them): both
 * hashes are returned so both can be hidden. The revert names its target with git's
 * `This reverts commit <hash>.`; without one (squash merges, hand-written reverts), a
 * `Revert "<subject>"` (also with a squash merge's `(#N)`) pairs with the nearest older commit of exactly that subject. A revert whose
 * target is outside the list stays visible (it changed something).
 */
export function revertedPairs(commits: readonly Commit[]): Set<string> {
  const byHash = new Map(commits.map((c) => [c.hash, c]));
  const byPrefix = (h: string) => byHash.get(h) ?? (h.length < 40 ? commits.find((c) => c.hash.startsWith(h)) : undefined);
  const out = new Set<string>();
  let bySubject: Map<string, number[]> | undefined;
  commits.forEach((c, index) => {
    if (out.has(c.hash)) return;
    const hashes = c.body.includes('This reverts commit') ? revertedHashes(c) : [];
    let target: Commit | undefined;
    for (const h of hashes) target ??= byPrefix(h);
    if (!target && hashes.length === 0) {
      const m = REVERT_SUBJECT.exec(c.subject);
      if (m) {
        bySubject ??= indexBySubject(commits);
        const older = (bySubject.get(m[1]) ?? []).find((k) => k > index && !out.has(commits[k].hash));
        if (older !== undefined) target = commits[older];
      }
    }
    if (target && !out.has(target.hash)) {
      out.add(c.hash);
      out.add(target.hash);
    }
  });
  return out;
}

function indexBySubject(commits: readonly Commit[]): Map<string, number[]> {
  const map = new Map<string, number[]>();
  commits.forEach((c, k) => {
    const list = map.get(c.subject);
    if (list) list.push(k);
    else map.set(c.subject, [k]);
  });
  return map;
}

/**
 * Revisions listed in the repository's ignore-revs file (`blame.ignoreRevsFile`, relative to the
 * top level, else `.git-blame-ignore-revs`): full or abbreviated hashes, `#` comments allowed.
 * A missing or unreadable file gives an empty list.
 */
export function readIgnoreRevs(root: string, configured?: string): string[] {
  const file = path.resolve(root, configured || '.git-blame-ignore-revs');
  let text: string;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile() || stat.size > 4 * 1024 * 1024) return [];
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const line of text.split(/\r?\n/u)) {
    const m = /^\s*([0-9a-fA-F]{7,64})\b/u.exec(line.replace(/#.*$/u, ''));
    if (m) out.push(m[1].toLowerCase());
  }
  return out;
}

export interface NoiseContext {
  options: NoiseOptions & { hidePatterns?: string[] };
  /** Hashes of commits and reverts that cancel out within the period. */
  reverted: Set<string>;
  /** Hashes (full or abbreviated) from `.git-blame-ignore-revs`. */
  ignoreRevs: string[];
  /** Compiled `hidePatterns`. */
  patterns: RegExp[];
}

/** Compiles user patterns (case-insensitive unless `flags` say otherwise); a bad pattern is an error that names it. */
export function compilePatterns(sources: readonly string[] | undefined, what: PatternKind, flags = 'giu'): RegExp[] {
  return (sources ?? [])
    .filter((s) => s.trim() !== '')
    .map((s) => {
      try {
        return new RegExp(s, flags);
      } catch (e) {
        const reason = e instanceof Error ? e.message : String(e);
        throw new NoticeError({ code: PATTERN_NOTICE[what], value: JSON.stringify(s), reason }, { cause: e });
      }
    });
}

/** True when the author's name or e-mail contains one of `botAuthors` (case-insensitive). */
export function isBotAuthor(name: string, email: string, botAuthors: readonly string[]): boolean {
  const who = `${name}\n${email}`.toLowerCase();
  return botAuthors.some((b) => b !== '' && who.includes(b.toLowerCase()));
}

/** Why `commit` is noise for a client, or undefined when a client should see it. */
export function noiseReason(commit: Commit, type: string | undefined, ctx: NoiseContext): HiddenReason | undefined {
  const o = ctx.options;
  if (o.hideMerges && commit.parents.length > 1) return 'merge';
  if (isBotAuthor(commit.authorName, commit.authorEmail, o.botAuthors)) return 'bot';
  if (o.useBlameIgnoreRevs && ctx.ignoreRevs.some((h) => commit.hash.startsWith(h))) return 'ignored-rev';
  if (o.hideReverted && ctx.reverted.has(commit.hash)) return 'reverted';
  if (o.hideByFiles !== false) {
    const byFiles = fileNoiseReason(commit.files, o.hideFilePatterns);
    if (byFiles) return byFiles;
  }
  if (type !== undefined && o.hiddenTypes.some((t) => t.toLowerCase() === type)) return 'type';
  for (const p of ctx.patterns) {
    p.lastIndex = 0;
    if (p.test(commit.subject)) return 'pattern';
  }
  return undefined;
}
