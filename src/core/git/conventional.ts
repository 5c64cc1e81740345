/**
 * Conventional commits (`type(scope)!: description`, `BREAKING CHANGE:` footer) and the kind of
 * change a commit is. Also accepts a full-width colon (`feat：…`), common in Chinese messages.
 */
import type { CommitKind, Trailer } from './types';

export interface Conventional {
  /** Lower-cased type, e.g. `feat`; undefined when the subject does not follow the convention. */
  type?: string;
  scope?: string;
  breaking: boolean;
  /** The subject without the `type(scope):` prefix (the whole subject when there is none). */
  description: string;
}

const HEADER = /^([A-Za-z]+)(?:\(([^()\r\n]*)\))?(!)?[ \t]*(?::[ \t]+|：[ \t]*)(\S.*)$/su;

const BREAKING_FOOTER = /^BREAKING[ -]CHANGE[ \t]*:/mu;

export function parseConventional(subject: string, body = '', trailers: readonly Trailer[] = []): Conventional {
  const m = HEADER.exec(subject.trim());
  const breakingFooter = BREAKING_FOOTER.test(body) || trailers.some((t) => /^BREAKING[ -]CHANGE$/iu.test(t.key));
  if (!m) return { breaking: breakingFooter, description: subject.trim() };
  const scope = m[2]?.trim();
  return {
    type: m[1].toLowerCase(),
    scope: scope ? scope : undefined,
    breaking: m[3] === '!' || breakingFooter,
    description: m[4].trim(),
  };
}

const KINDS: Record<string, CommitKind> = {
  feat: 'feature',
  feature: 'feature',
  fix: 'fix',
  bugfix: 'fix',
  hotfix: 'fix',
  perf: 'perf',
  docs: 'docs',
  doc: 'docs',
  revert: 'revert',
};

/** The kind of a commit: from its conventional type, or `revert` for git's own `Revert "…"`. */
export function kindOf(conventional: Conventional, subject: string): CommitKind {
  if (conventional.type) return KINDS[conventional.type] ?? 'other';
  if (/^Revert ".*"$/su.test(subject.trim())) return 'revert';
  return 'other';
}
