/**
 * Internal detail in text meant for the client: what only the team's text holds. Before a client
 * e-mail is copied, mailed, saved as `.eml` or recorded as sent, its text (as the lead left it) is
 * checked for
 * - short commit hashes of the period (`a1b2c3d`, or any 7–40 hex characters in backticks, the
 *   internal report's way of writing them), unless the lead asked for footnotes;
 * - ticket keys from the period's commit messages (`PAY-12`) that the lead did not write in
 *   clients.md themselves (those they chose for the client);
 * - the internal report's "… more commits not shown to the client" line (either language).
 * Each front refuses the export with the reason (the notice `export.internal-detail`).
 */
import type { ExportNotice } from '../notices';

export type InternalMarkerKind = 'hash' | 'ticket' | 'hidden-line';

export interface InternalMarker {
  kind: InternalMarkerKind;
  /** The text found. */
  text: string;
  /** 0-based line in the text, and the UTF-16 offset and length of what was found. */
  line: number;
  offset: number;
  length: number;
}

/** What only the team's text holds, recorded by the composer on the draft (`Draft.internalDetail`). */
export interface InternalDetail {
  /** Full hashes of the period's commits of this client. */
  hashes: string[];
  /** Ticket keys in those commits' messages that the client's clients.md text does not contain. */
  ticketKeys: string[];
  /** The client asked for commit footnotes: hashes are meant to be in the text. */
  hashesAllowed?: boolean;
}

const HEX_WORD = /(?<![\p{L}\p{N}_-])[0-9a-f]{7,40}(?![\p{L}\p{N}_-])/giu;
const BACKTICKED_HEX = /`([0-9a-f]{7,40})`/giu;
const HIDDEN_LINE = /\b\d+ more commits? not shown to the client\b|另有\s*\d+\s*个提交未向客户展示/gu;

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/** True when `word` starts one of `sorted` (ascending): the first entry not below it is the only candidate. */
function isPrefixOfOne(sorted: readonly string[], word: string): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < word) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo].startsWith(word);
}

/** The internal markers in `text`, in the order they appear. */
export function findInternalMarkers(text: string, detail: InternalDetail): InternalMarker[] {
  const found: InternalMarker[] = [];
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const lineOf = (offset: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const add = (kind: InternalMarkerKind, offset: number, value: string): void => {
    if (found.some((f) => offset < f.offset + f.length && f.offset < offset + value.length)) return;
    found.push({ kind, text: value, line: lineOf(offset), offset, length: value.length });
  };
  for (const m of text.matchAll(HIDDEN_LINE)) add('hidden-line', m.index, m[0]);
  if (!detail.hashesAllowed) {
    const known = detail.hashes.map((h) => h.toLowerCase()).sort();
    for (const m of text.matchAll(BACKTICKED_HEX)) if (/\d/u.test(m[1]) && /[a-f]/iu.test(m[1])) add('hash', m.index + 1, m[1]);
    for (const m of text.matchAll(HEX_WORD)) {
      if (isPrefixOfOne(known, m[0].toLowerCase())) add('hash', m.index, m[0]);
    }
  }
  // A key's regex runs only over a text that holds the key at all (a 300-commit period has hundreds of keys).
  for (const key of new Set(detail.ticketKeys)) {
    if (!text.includes(key)) continue;
    for (const m of text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}_-])${escape(key)}(?![\\p{L}\\p{N}_])`, 'gu'))) add('ticket', m.index, m[0]);
  }
  return found.sort((a, b) => a.offset - b.offset);
}

/** The notice that refuses a client export carrying `markers` (none: undefined). */
export function internalDetailNotice(markers: readonly InternalMarker[]): ExportNotice | undefined {
  if (markers.length === 0) return undefined;
  const found = [...new Set(markers.map((m) => `“${m.text}”`))].slice(0, 6);
  const lines = [...new Set(markers.map((m) => m.line + 1))];
  return { code: 'export.internal-detail', found, lines };
}
