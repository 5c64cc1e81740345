/**
 * The metadata tokens inside a commitment or ask (`due:`, `done:`, `asked:`, `promised:`/`原定:`,
 * `📅`, `✅`, `@owner`, `#tag`) and the list-item and checkbox markers at the start of its line.
 *
 * `promised:YYYY-MM-DD` (`原定:` / `原定：` in Chinese) keeps the date first promised to the client
 * when the due date moves: the slip stays on record until the commitment is delivered.
 */

export interface ItemToken {
  kind: 'due' | 'done' | 'asked' | 'promised' | 'owner' | 'tag';
  /** Emoji style (`📅`/`✅`) rather than `key:value`. */
  emoji: boolean;
  /** Column range of the whole token within the scanned string. */
  start: number;
  end: number;
  /** Column range of the value (date, name or tag). */
  valueStart: number;
  value: string;
}

const TOKEN_RE = /(^|[\s\u3000])(?:(?:(due|done|asked|promised):|(原定)[:：])(\S*)|(📅|✅)\uFE0F?(?:[ \t]*([0-9][\S]*))?|@([\p{L}\p{N}_.-]*[\p{L}\p{N}_])|#([\p{L}\p{N}_\-/.]*[\p{L}\p{N}_]))/gu;

/** Finds the metadata tokens of a commitment or ask in `s`. */
export function scanTokens(s: string): ItemToken[] {
  const out: ItemToken[] = [];
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(s))) {
    const start = m.index + m[1].length;
    const end = m.index + m[0].length;
    if (m[2] !== undefined || m[3] !== undefined) {
      const kind = (m[2] ?? 'promised') as 'due' | 'done' | 'asked' | 'promised';
      const value = m[4];
      out.push({ kind, emoji: false, start, end, valueStart: end - value.length, value });
    } else if (m[5] !== undefined) {
      const kind = m[5] === '📅' ? 'due' : 'done';
      const value = m[6] ?? '';
      out.push({ kind, emoji: true, start, end, valueStart: end - value.length, value });
    } else if (m[7] !== undefined) {
      out.push({ kind: 'owner', emoji: false, start, end, valueStart: start + 1, value: m[7] });
    } else if (m[8] !== undefined) {
      out.push({ kind: 'tag', emoji: false, start, end, valueStart: start + 1, value: m[8] });
    }
    if (m[0].length === 0) TOKEN_RE.lastIndex++;
    else TOKEN_RE.lastIndex = end;
  }
  return out;
}

/** `s` without `tokens` (each replaced by a space), whitespace collapsed. */
export function removeTokens(s: string, tokens: ItemToken[]): string {
  let out = '';
  let pos = 0;
  for (const t of tokens) {
    out += s.slice(pos, t.start) + ' ';
    pos = t.end;
  }
  return (out + s.slice(pos)).replace(/\s+/g, ' ').trim();
}

/** `- `, `* `, `1. ` list marker and an optional task checkbox at the start of a line. */
export const ITEM_RE = /^([ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+)(?:\[([ xX])\](?=[ \t]|$))?/;
export const ODD_CHECKBOX_RE = /^([ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+)(\[(?:[ \t]*[xX✓✔vV][ \t]*|[ \t]{2,}|)\])(?=[ \t]|$)/;
