/**
 * Rewording subjects for a reader outside the team: no `type(scope):` prefix (done by the
 * conventional parser), no `[tag]` prefixes, `#tag`/`#123` references or trailing PR numbers,
 * names written as code (`` `autoPlay` ``) quoted instead (“autoPlay”),
 * first letter capitalised (Latin scripts only; Chinese text is kept exactly as written), no
 * trailing full stop. Near-identical lines (same words after case, punctuation and spacing, or a
 * few characters apart) get the same text so they collapse into one line.
 */
import { parseConventional, REVERT_SUBJECT } from './conventional';

/** Client wording of a subject whose conventional prefix is already removed (`description`). */
export function rewordForClient(description: string): string {
  let text = description.trim();
  const revert = REVERT_SUBJECT.exec(text);
  if (revert) {
    const inner = rewordForClient(parseConventional(revert[1]).description);
    return inner ? `Revert "${inner}"` : 'Revert';
  }
  text = text
    .replace(/^(?:\[[^\]\n]{1,40}\]\s*)+/u, '')
    .replace(/\s*\((?:#\d+(?:\s*,\s*#\d+)*)\)\s*$/u, '')
    .replace(/(^|[\s(（])#[\p{L}\p{N}_][\p{L}\p{N}_-]*/gu, '$1')
    .replace(/\(\s*\)/gu, '')
    // A name the commit wrote as code (`autoPlay`) reads as a quoted name, not as markup.
    .replace(/`([^`\n]+)`/gu, '“$1”')
    .replace(/[ \t]{2,}/gu, ' ')
    .trim()
    .replace(/(?<![.])[.]$/u, '')
    .trim();
  return capitalise(fullWidthParentheses(text));
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/u;

/**
 * In a Chinese sentence, ASCII parentheses become full-width ones, as the fixed phrases write
 * them (`修复登录页(iOS)的问题` → `修复登录页（iOS）的问题`; the spaces around them go too).
 * English text keeps its own, and so does code (`init()`, a parenthesis right after a Latin letter
 * or digit with no space, when the sentence around it is not Chinese).
 */
export function fullWidthParentheses(text: string): string {
  if (!text.includes('(') || !CJK.test(text)) return text;
  return text.replace(/( ?)\(([^()\n]*)\)( ?)/gu, (whole: string, before: string, inner: string, after: string, offset: number) => {
    const prev = text[offset - 1] ?? '';
    const next = text[offset + whole.length] ?? '';
    // `init()`, `f(x)`: a call, not a remark.
    if (inner.trim() === '' || (before === '' && /[A-Za-z0-9_]/u.test(prev) && !CJK.test(inner))) return whole;
    // A remark in an English stretch of a Chinese line (`Apple Pay (beta) 支付`) is Chinese punctuation too.
    return `（${inner.trim()}）${after && !CJK.test(next) ? after : ''}`;
  });
}

/** Upper-cases the first letter when the first word is all lower-case Latin (keeps `iOS`, `npm`-like words readable, Chinese untouched). */
export function capitalise(text: string): string {
  const m = /^([a-z\u00df-\u00ff])([a-z\u00df-\u00ff]*)(?=$|[^\p{L}])/u.exec(text);
  if (!m) return text;
  return m[1].toUpperCase() + text.slice(1);
}

/** The comparison key for near-identical lines. */
export function lineKey(text: string): string {
  if (/^\p{ASCII}*$/u.test(text)) return text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  return text
    .toLowerCase()
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** True when two keys differ by at most a few characters (≤ 10 % of the longer, at most 3). */
export function nearlyEqual(a: string, b: string): boolean {
  if (a === b) return true;
  const longer = Math.max(a.length, b.length);
  if (longer < 12) return false;
  const limit = Math.min(3, Math.floor(longer / 10));
  if (Math.abs(a.length - b.length) > limit) return false;
  // Pigeonhole: with at most `limit` edits, one of `limit + 1` pieces of `a` is in `b` unchanged.
  const piece = Math.floor(a.length / (limit + 1));
  let shared = false;
  for (let k = 0; k <= limit && !shared; k++) shared = b.includes(a.slice(k * piece, k === limit ? a.length : (k + 1) * piece));
  return shared && editDistanceWithin(a, b, limit);
}

/** Levenshtein distance ≤ `limit`, computed only in the diagonal band |i − j| ≤ limit. */
function editDistanceWithin(a: string, b: string, limit: number): boolean {
  const n = a.length;
  const m = b.length;
  const INF = limit + 1;
  let prev = new Int32Array(m + 1);
  let cur = new Int32Array(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j <= limit ? j : INF;
  for (let i = 1; i <= n; i++) {
    const lo = Math.max(1, i - limit);
    const hi = Math.min(m, i + limit);
    cur.fill(INF);
    cur[0] = i <= limit ? i : INF;
    let best = cur[0];
    const ca = a.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca === b.charCodeAt(j - 1) ? 0 : 1));
      cur[j] = v > INF ? INF : v;
      if (v < best) best = v;
    }
    if (best > limit) return false;
    [prev, cur] = [cur, prev];
  }
  return prev[m] <= limit;
}

/** The numbers in a text, in order (`1.2.0` → 1, 2, 0): lines naming different versions or counts never merge. */
function numbersOf(text: string): string {
  return (text.normalize('NFKC').match(/\d+/gu) ?? []).map((n) => n.replace(/^0+(?=\d)/u, '')).join(' ');
}

function sameNumbers(a: string, b: string): boolean {
  return numbersOf(a) === numbersOf(b);
}

/**
 * The clearest of near-identical texts: the one with the most content (the other is usually the
 * same line with a word left out — `修复X问题` against `X问题`), the first one on a tie.
 */
export function clearest(texts: readonly string[]): string {
  let best = texts[0] ?? '';
  for (const t of texts.slice(1)) if (lineKey(t).length > lineKey(best).length) best = t;
  return best;
}

/**
 * For each text, the index of an earlier near-identical text it duplicates, or -1. Exact key
 * matches are found in any order; fuzzy ones among the last `window` distinct texts (duplicates
 * tend to be neighbours), which keeps this linear for large periods.
 */
export function findDuplicates(texts: readonly string[], window = 8): number[] {
  const exact = new Map<string, number>();
  const recent: Array<{ key: string; index: number }> = [];
  return texts.map((text, i) => {
    const key = lineKey(text);
    if (!key) return -1;
    const same = exact.get(key);
    if (same !== undefined) return same;
    const near = recent.find((r) => nearlyEqual(r.key, key) && sameNumbers(r.key, key));
    if (near) {
      exact.set(key, near.index);
      return near.index;
    }
    exact.set(key, i);
    recent.push({ key, index: i });
    if (recent.length > window) recent.shift();
    return -1;
  });
}
