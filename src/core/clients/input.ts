/**
 * "Add commitment" as one line, in the file's own syntax: `Checkout p95 under 2 s due:2026-12-10
 * @wang #checkout` (`📅 2026-12-10` too). Parsed with the same token scanner as clients.md, so what
 * is typed is what the file will read; completion of the word being typed (`@` owners, `#` tags,
 * `due:` dates) from what the file already knows.
 */
import type { IsoDate } from './model';
import { dateProblem } from '../calendar';
import { removeTokens, scanTokens } from './tokens';

export interface ParsedCommitmentInput {
  title: string;
  due?: IsoDate;
  owners: string[];
  tags: string[];
}

export type CommitmentInputProblem =
  | { code: 'empty-title' }
  | { code: 'multi-line' }
  /** `text` the token as typed, `value` its date part (check it with calendar's `dateFault` to word it). */
  | { code: 'invalid-date'; text: string; value: string; problem: string }
  | { code: 'duplicate-due' }
  | { code: 'not-allowed'; text: string };

export type CommitmentInput = { ok: true; value: ParsedCommitmentInput } | { ok: false; problem: CommitmentInputProblem };

/** Reads one typed line; a problem code (worded by the front) when it cannot be added as typed. */
export function parseCommitmentInput(input: string): CommitmentInput {
  if (/[\r\n\u2028\u2029]/.test(input)) return { ok: false, problem: { code: 'multi-line' } };
  const text = input.trim().replace(/^(?:[-*+][ \t]+)?(?:\[[ xX]?\][ \t]*)?/u, '');
  const tokens = scanTokens(text);
  const value: ParsedCommitmentInput = { title: removeTokens(text, tokens), owners: [], tags: [] };
  for (const t of tokens) {
    if (t.kind === 'due') {
      if (value.due !== undefined) return { ok: false, problem: { code: 'duplicate-due' } };
      const problem = t.value === '' ? 'the date is missing' : dateProblem(t.value);
      if (problem) return { ok: false, problem: { code: 'invalid-date', text: text.slice(t.start, t.end), value: t.value, problem } };
      value.due = t.value;
    } else if (t.kind === 'owner') {
      if (!value.owners.includes(t.value)) value.owners.push(t.value);
    } else if (t.kind === 'tag') {
      if (!value.tags.includes(t.value)) value.tags.push(t.value);
    } else {
      // done:/asked:/promised: make no sense on a new, open commitment.
      return { ok: false, problem: { code: 'not-allowed', text: text.slice(t.start, t.end) } };
    }
  }
  if (value.title === '') return { ok: false, problem: { code: 'empty-title' } };
  return { ok: true, value };
}

/** The word being typed at the end of `input` and what it completes to. */
export interface Completion {
  /** Offset of the word in `input`. */
  start: number;
  /** `input` with that word replaced by the completion and a space after it. */
  text: string;
  /** What is inserted (`@wang`, `#checkout`, `due:2026-12-04`). */
  insert: string;
}

export interface KnownValues {
  owners: readonly string[];
  tags: readonly string[];
  /** Dates offered after `due:` (e.g. next Friday, in a week), most useful first. */
  dates?: readonly IsoDate[];
}

/**
 * Completions of the last word of `input` when it starts a token: `@…` from known owners, `#…`
 * from known tags, `due:…` from `known.dates` (prefix match, any case; the word itself when it
 * is complete is not offered again).
 */
export function completionsFor(input: string, known: KnownValues): Completion[] {
  const m = /(^|[\s\u3000])(@|#|due:)([^\s]*)$/u.exec(input);
  if (!m) return [];
  const start = m.index + m[1].length;
  const typed = m[3].toLowerCase();
  const pool = m[2] === '@' ? known.owners : m[2] === '#' ? known.tags : (known.dates ?? []);
  const seen = new Set<string>();
  const out: Completion[] = [];
  for (const v of pool) {
    const key = v.toLowerCase();
    if (seen.has(key) || !key.startsWith(typed) || key === typed) continue;
    seen.add(key);
    const insert = `${m[2]}${v}`;
    out.push({ start, insert, text: `${input.slice(0, start)}${insert} ` });
  }
  return out;
}
