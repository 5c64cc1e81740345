/**
 * References written in text: `#tag` tokens, issue and pull-request numbers, closing keywords.
 * Read once per commit (or commitment) into sets, so linking and routing are Map look-ups, never
 * a regular expression per tag.
 */

/** A `#` that starts a tag: not inside a word, an HTML entity (`&#12;`), a path or `##`. */
const HASH_TAG = /(?<![\p{L}\p{N}_&/#])#([\p{L}\p{N}_][\p{L}\p{N}_\-/.]*)/gu;

/**
 * The `#tag` tokens of `text`, lower-cased. A tag is a whole token: `#acme` is not in `#acme-web`,
 * but a token also yields its prefixes cut at `/` or `.` (`#web/login.` holds `web` and
 * `web/login`), as a tag followed by punctuation still counts.
 */
export function hashTagsIn(text: string): Set<string> {
  const out = new Set<string>();
  if (!text.includes('#')) return out;
  for (const m of text.matchAll(HASH_TAG)) {
    const token = m[1].toLowerCase();
    for (let k = 0; k < token.length; k++) if (token[k] === '/' || token[k] === '.') out.add(token.slice(0, k));
    out.add(token);
  }
  return out;
}

/** GitHub's closing keywords (any case), and the Chinese ones teams write: 关闭, 修复, 解决. */
const CLOSING =
  /(?:(?<![\p{L}\p{N}_])(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?)|关闭|修复|修正|解决)[ \t]*[:：]?[ \t]*(?:(?:[\w.-]+\/[\w.-]+)?#(\d+)|https?:\/\/\S+?\/(?:-\/)?(?:issues|pull|pulls|merge_requests)\/(\d+))(?![\p{L}\p{N}_])/giu;

/** Issue numbers a message says it closes: `Closes #12`, `fixes owner/repo#12`, `Resolves https://…/issues/12`, `修复#12`. */
export function closedNumbers(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(CLOSING)) out.push(Number(m[1] ?? m[2]));
  return out;
}

/** `!12`: a GitLab or Gitee merge request written as a reference (not `!important`, not `foo!12`). */
const BANG = /(?<![\p{L}\p{N}_!])!(\d+)(?![\p{L}\p{N}_])/gu;

export function bangNumbers(text: string): number[] {
  if (!text.includes('!')) return [];
  return [...text.matchAll(BANG)].map((m) => Number(m[1]));
}

/** `PR 12`, `PR #12`, `MR !12`, `pull request 12`, `merge request !12` (any case). */
const PR_WORD = /(?<![\p{L}\p{N}_])(?:PR|MR|pull request|merge request)[ \t]*[#!]?(\d+)(?![\p{L}\p{N}_])/giu;

export type NumberKey = `#${number}` | `!${number}`;

/**
 * Text without the pull-request and merge-request references written on it (`!57`, `PR 1288`,
 * `MR !12`): a commitment title as the client reads it. The numbers stay on the commitment for
 * linking; a client does not know what `!57` is.
 */
export function withoutReferences(text: string): string {
  if (!/[!]\d|(?:PR|MR|pull request|merge request)[ \t]*[#!]?\d/iu.test(text)) return text;
  return text
    .replace(new RegExp(`[ \\t]*(?:${PR_WORD.source})`, 'giu'), '')
    .replace(new RegExp(`[ \\t]*(?:${BANG.source})`, 'gu'), '')
    .replace(/[ \t]{2,}/gu, ' ')
    .trim();
}

/**
 * The pull-request and issue numbers written on a commitment, as keys a commit's references are
 * looked up with: `#12` (a numeric tag) → `#12`; `!12` → `!12`; `PR 12` → both (the platform decides
 * the sigil, a person writing "PR 12" does not).
 */
export function commitmentNumbers(text: string, tags: readonly string[]): NumberKey[] {
  // Every `PR_WORD` starts with a p or an m (no other letter folds to them), every `BANG` with a `!`.
  if (!tags.some((t) => /^\d+$/u.test(t)) && !text.includes('!') && !/[pm]/i.test(text)) return [];
  const out = new Set<NumberKey>();
  for (const t of tags) if (/^\d+$/u.test(t)) out.add(`#${Number(t)}`);
  for (const n of bangNumbers(text)) out.add(`!${n}`);
  for (const m of text.matchAll(PR_WORD)) {
    out.add(`#${Number(m[1])}`);
    out.add(`!${Number(m[1])}`);
  }
  return [...out];
}
