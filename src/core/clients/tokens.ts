/**
 * The metadata tokens inside a commitment or ask (`due:`, `done:`, `asked:`, `promised:`/`原定:`,
 * Obsidian Tasks' date emoji `📅`/`📆`/`🗓` `✅` `❌` `⏳` `🛫` `➕`, `@owner`, `#tag`) and the
 * list-item and checkbox markers at the start of its line.
 *
 * A date emoji is a token only when a date follows it (`📅 2026-12-01`): `📅` used as a word stays
 * text. A key glued to its colon (`due:`, `due:tomorrow`) is always a marker, so a mistyped date is
 * reported rather than kept as text. `(due:2026-12-01)` counts with its parentheses, a full stop after a
 * date is not part of it, and nothing inside a code span (`` `@alice` ``) is a token.
 *
 * `promised:YYYY-MM-DD` (`原定:` / `原定：` in Chinese) keeps the date first promised to the client
 * when the due date moves: the slip stays on record until the commitment is delivered.
 */

export type DateKind = 'due' | 'done' | 'asked' | 'promised' | 'cancelled' | 'scheduled' | 'start' | 'created';

export interface ItemToken {
  kind: DateKind | 'owner' | 'tag';
  /** Emoji style (`📅`/`✅`…) rather than `key:value`. */
  emoji: boolean;
  /** The marker as written (`due:`, `📆`, `@`, `#` …). */
  marker: string;
  /** Column range of the whole token within the scanned string. */
  start: number;
  end: number;
  /** Column range of the value (date, name or tag). */
  valueStart: number;
  value: string;
}

/** Obsidian Tasks' date emoji and what each dates. */
const EMOJI_KINDS: Record<string, DateKind> = {
  '📅': 'due', '📆': 'due', '🗓': 'due', '✅': 'done', '❌': 'cancelled', '⏳': 'scheduled', '🛫': 'start', '➕': 'created',
};

const TOKEN_RE = /(^|[\s\u3000])(\(?)(?:(?:(due|done|asked|promised):|(原定)[:：])(\S*)|(📅|📆|🗓|✅|❌|⏳|🛫|➕)\uFE0F?[ \t]*(\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}\S*)|@([\p{L}\p{N}_.-]*[\p{L}\p{N}_])|#([\p{L}\p{N}_\-/.]*[\p{L}\p{N}_]))/gu;

/** Punctuation that ends a sentence or clause after a date: not part of the date. */
const TRAILING_PUNCT = /[.,;:!?。，；：！？、]+$/u;

/** The `[start, end)` ranges of the code spans of `s` (CommonMark: a backtick run closed by one of equal length). */
export function codeSpans(s: string): [number, number][] {
  const out: [number, number][] = [];
  const runs = /`+/g;
  let m: RegExpExecArray | null;
  const all: [number, number][] = [];
  while ((m = runs.exec(s))) all.push([m.index, m[0].length]);
  let i = 0;
  while (i < all.length) {
    const [at, len] = all[i];
    let j = i + 1;
    while (j < all.length && all[j][1] !== len) j++;
    if (j < all.length) {
      out.push([at, all[j][0] + len]);
      i = j + 1;
    } else i++;
  }
  return out;
}

/** Finds the metadata tokens of a commitment or ask in `s`. */
export function scanTokens(s: string): ItemToken[] {
  const out: ItemToken[] = [];
  const code = s.includes('`') ? codeSpans(s) : [];
  const inCode = (at: number): boolean => code.some(([a, b]) => at >= a && at < b);
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(s))) {
    const start = m.index + m[1].length;
    let end = m.index + m[0].length;
    const paren = m[2] === '(';
    let tok: ItemToken | undefined;
    if (m[5] !== undefined || m[7] !== undefined) {
      let value = m[5] ?? m[7];
      let from = start;
      const close = paren ? value.indexOf(')') : -1;
      if (close >= 0) {
        // `(due:2026-12-04)`: the parentheses belong to the token.
        end = end - value.length + close + 1;
        value = value.slice(0, close);
      } else if (paren) from = start + 1;
      const punct = TRAILING_PUNCT.exec(value);
      const valueEnd = (close >= 0 ? end - 1 : end) - (punct ? punct[0].length : 0);
      if (punct) {
        value = value.slice(0, punct.index);
        if (close < 0) end -= punct[0].length;
      }
      if (value !== '' || m[6] === undefined) {
        const emoji = m[6] !== undefined;
        const kind: DateKind = emoji ? EMOJI_KINDS[m[6]] : ((m[3] ?? 'promised') as DateKind);
        const marker = emoji ? m[6] : m[3] !== undefined ? `${m[3]}:` : s.slice(start + m[2].length, start + m[2].length + 3);
        tok = { kind, emoji, marker, start: from, end, valueStart: valueEnd - value.length, value };
      }
    } else if (!paren && m[8] !== undefined) {
      tok = { kind: 'owner', emoji: false, marker: '@', start, end, valueStart: start + 1, value: m[8] };
    } else if (!paren && m[9] !== undefined) {
      tok = { kind: 'tag', emoji: false, marker: '#', start, end, valueStart: start + 1, value: m[9] };
    }
    if (tok && !inCode(tok.start)) out.push(tok);
    TOKEN_RE.lastIndex = tok ? Math.max(tok.end, m.index + 1) : m.index + m[1].length + 1;
  }
  return out;
}

/** `s` without `tokens` (each replaced by a space), whitespace collapsed; punctuation right after a token keeps its place. */
export function removeTokens(s: string, tokens: ItemToken[]): string {
  let out = '';
  let pos = 0;
  for (const t of tokens) {
    out += s.slice(pos, t.start) + ' ';
    pos = t.end;
  }
  out += s.slice(pos);
  return out.replace(/\s+/g, ' ').replace(/ ([.,;:!?。，；：！？、)）]+)(?=\s|$)/gu, '$1').trim();
}

/**
 * The title of a commitment: the text without its tokens, except that a tag inside the sentence
 * (`Deploy to #prod-eu.`, `Fix #login page`) keeps its word there (`Deploy to prod-eu.`).
 */
export function titleOf(s: string, tokens: ItemToken[]): string {
  const kept = inOrder(tokens) ? keptTagsInOrder(s, tokens) : keptTags(s, tokens);
  let out = '';
  let pos = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    out += s.slice(pos, t.start) + (kept[i] ? t.value : ' ');
    pos = t.end;
  }
  out += s.slice(pos);
  // The two replacements of removeTokens, each only when it has something to change (most titles have neither).
  const spaced = SPACES_TO_COLLAPSE.test(out) ? out.replace(/\s+/g, ' ') : out;
  return (SPACE_BEFORE_PUNCT.test(spaced) ? spaced.replace(/ ([.,;:!?。，；：！？、)）]+)(?=\s|$)/gu, '$1') : spaced).trim();
}

/** White space that `\s+` → one space changes: two in a row, or one that is not a space. */
const SPACES_TO_COLLAPSE = /\s\s|[^\S ]/;
/** A space before the punctuation that is moved back onto the word before it. */
const SPACE_BEFORE_PUNCT = / [.,;:!?。，；：！？、)）]/;

/** Whether each token starts at or after the end of the one before (as `scanTokens` finds them). */
function inOrder(tokens: readonly ItemToken[]): boolean {
  let end = 0;
  for (const t of tokens) {
    if (t.start < end || t.end < t.start) return false;
    end = t.end;
  }
  return true;
}

/**
 * For tokens in order: which are tags with text before and after them. The text between tokens is
 * looked at once: a tag has text before it when a gap before it has some, after it when a gap after it has.
 */
function keptTagsInOrder(s: string, tokens: readonly ItemToken[]): boolean[] {
  const n = tokens.length;
  // gapText[k]: the gap before token k (k = n: after the last) holds more than white space.
  const gapText: boolean[] = new Array<boolean>(n + 1);
  for (let k = 0; k <= n; k++) gapText[k] = hasText(s, k === 0 ? 0 : tokens[k - 1].end, k === n ? s.length : tokens[k].start);
  const after: boolean[] = new Array<boolean>(n + 1);
  after[n] = gapText[n];
  for (let k = n - 1; k >= 0; k--) after[k] = gapText[k] || after[k + 1];
  const kept: boolean[] = new Array<boolean>(n);
  let before = false;
  for (let i = 0; i < n; i++) {
    before ||= gapText[i];
    kept[i] = tokens[i].kind === 'tag' && before && after[i + 1];
  }
  return kept;
}

/** Any tokens: which are tags with text (not tokens) before and after them (a token given twice is kept only if both are). */
function keptTags(s: string, tokens: readonly ItemToken[]): boolean[] {
  const removed = new Set<ItemToken>();
  tokens.forEach((t, i) => {
    const inSentence = t.kind === 'tag'
      && tokenFree(s.slice(0, t.start), tokens.slice(0, i), 0)
      && tokenFree(s.slice(t.end), tokens.slice(i + 1), t.end);
    if (!inSentence) removed.add(t);
  });
  return tokens.map((t) => !removed.has(t));
}

/** Whether `s` has a character between `from` and `to` that `trim` would keep (not white space). */
function hasText(s: string, from: number, to: number): boolean {
  for (let i = from, end = Math.min(to, s.length); i < end; i++) if (!isWhiteSpace(s.charCodeAt(i))) return true;
  return false;
}

/** The characters `String.prototype.trim` and `\s` take for white space (ECMAScript WhiteSpace and LineTerminator). */
function isWhiteSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Whether `part` (starting at `base` in the scanned string) has text that is not one of `tokens`. */
function tokenFree(part: string, tokens: readonly ItemToken[], base: number): boolean {
  let pos = 0;
  for (const t of tokens) {
    if (part.slice(pos, t.start - base).trim() !== '') return true;
    pos = t.end - base;
  }
  return part.slice(pos).trim() !== '';
}

/** An optional blockquote prefix (`> `), a `- `, `* `, `1. ` list marker and an optional task checkbox (any one status character) at the start of a line. */
export const ITEM_RE = /^((?:[ \t]*>)*[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+)(?:\[([^\][\r\n\t\uD800-\uDFFF])\](?=[ \t]|$))?/;
export const ODD_CHECKBOX_RE = /^((?:[ \t]*>)*[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+)(\[(?:[ \t]*[xX✓✔vV][ \t]*|[ \t]{2,}|)\])(?=[ \t]|$)/;
