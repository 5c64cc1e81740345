/**
 * markdown-it's block token stream, walked into the top-level blocks of clients.md (headings,
 * paragraphs, lists with their items' lines, anything else), each with its line range.
 */
import type MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { loadMarkdownIt } from '../vendor';

/** Created on the first parse, not when the module loads (see core/vendor.ts). */
let md: MarkdownIt | undefined;

/**
 * CommonMark's block parser only: the model reads block tokens, their line maps and the inline
 * tokens' `content` (set by the block rules), never the inline children, so the core rules that
 * parse inline content (`inline`, `text_join`) are off. On a 50,000-line file they were a tenth of
 * the parse and most of its garbage.
 */
function blockParser(): MarkdownIt {
  const parser = new (loadMarkdownIt())('commonmark');
  parser.core.ruler.disable(['inline', 'text_join']);
  return parser;
}

export interface Block {
  type: 'heading' | 'paragraph' | 'list' | 'other';
  level: number;
  first: number;
  /** Exclusive. */
  last: number;
  /** For lists: the first line of each top-level item and its end line (exclusive). */
  items: { first: number; last: number }[];
  text: string;
  /**
   * A fenced code block that is never closed: CommonMark makes the rest of the file code, so it is
   * cut at the next ATX heading (`#`…`######`) and the text from there is read again; `markup` is
   * its fence (```` ``` ```` or `~~~`), to close it with.
   */
  unclosed?: { markup: string };
}

/**
 * Lines per markdown-it parse, at least: the file is parsed in parts that end before an ATX heading
 * at column 0 after a blank line, where no block can go on (see `blocksOf`). One parse of a
 * 50,000-line file kept every token alive to its end, and the garbage collector copied them again
 * and again; parts of a few hundred lines are collected young.
 */
export const PART_LINES = 400;

/**
 * The top-level blocks of `body` (the text after the BOM; NUL read as U+FFFD).
 *
 * `partLines` (tests only) sets how many lines a part has at least; `Infinity` parses the text in
 * one piece, as before parts.
 */
export function blocksOf(body: string, partLines = PART_LINES): Block[] {
  const blocks: Block[] = [];
  eachBlock(body, (b) => blocks.push(b), partLines);
  return blocks;
}

/**
 * `blocksOf` one block at a time, in order: each part's blocks are handed on as soon as it is read,
 * so they are not all kept until the end (the parser's garbage collector copies what is kept).
 */
export function eachBlock(body: string, visit: (b: Block) => void, partLines = PART_LINES): void {
  const parser = (md ??= blockParser());
  // Line breaks as markdown-it reads them (its `normalize` does the same): one `\n` per break.
  const noNul = body.includes('\0') ? body.replace(/\0/g, '\uFFFD') : body;
  const clean = noNul.includes('\r') ? noNul.replace(/\r\n?/g, '\n') : noNul;
  const starts = lineStartsOf(clean);
  const lineCount = starts.length;
  let lines: string[] | undefined;
  const linesOf = () => (lines ??= clean.split('\n'));
  let from = 0;
  // Each round reads from line `from` to the end of a part (or of the text); an unclosed fence
  // ends the round at the next heading.
  for (;;) {
    let end = partEnd(clean, starts, from, partLines);
    let tokens = parser.parse(end < lineCount ? clean.slice(starts[from], starts[end]) : clean.slice(starts[from]), {});
    // A block that may go on past the part (a fence or HTML block running to its end): the rest is read whole.
    if (end < lineCount && mayGoOn(tokens, end - from)) {
      end = lineCount;
      tokens = parser.parse(clean.slice(starts[from]), {});
    }
    const next = walk(tokens, from, linesOf, visit);
    if (next !== undefined) from = next;
    else if (end < lineCount) from = end;
    else break;
  }
}

/** The offset where each line of `text` (lines ended by `\n`) starts. */
function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return starts;
}

/**
 * Where the part from line `from` ends (exclusive): the first line at least `partLines` on that is
 * an ATX heading at column 0 after a blank line, else the end of the text. Nothing markdown-it
 * opens at the top level goes on across such a line except a fenced code block or an HTML block
 * that has not ended (`mayGoOn`): lists, quotes and paragraphs end at the heading, indented code
 * cannot reach it, and HTML blocks of the blank-line kind end at the blank line.
 */
function partEnd(text: string, starts: number[], from: number, partLines: number): number {
  const count = starts.length;
  if (!(from + partLines < count)) return count;
  for (let l = Math.max(from + partLines, from + 1); l < count; l++) {
    if (atxHeadingAt(text, starts[l]) && blankLine(text, starts[l - 1], starts[l] - 1)) return l;
  }
  return count;
}

/** `#` to `######` at `at`, then a space, a tab or the end of the line. */
function atxHeadingAt(text: string, at: number): boolean {
  let i = at;
  while (i < text.length && i - at < 7 && text.charCodeAt(i) === 0x23) i++;
  const n = i - at;
  if (n < 1 || n > 6) return false;
  const c = i < text.length ? text.charCodeAt(i) : 0x0a;
  return c === 0x20 || c === 0x09 || c === 0x0a;
}

/** Whether `[from, to)` holds only spaces and tabs. */
function blankLine(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09) return false;
  }
  return true;
}

/** The top-level blocks that a heading at column 0 after a blank line always ends. */
const ENDED_BY_HEADING = new Set(['heading_open', 'paragraph_open', 'bullet_list_open', 'ordered_list_open', 'blockquote_open', 'hr', 'code_block']);

/** Whether the last top-level block of a part of `lineCount` lines runs to its end and may go on past it. */
function mayGoOn(tokens: Token[], lineCount: number): boolean {
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i];
    if (t.level !== 0 || !t.map) continue;
    return t.map[1] >= lineCount && !ENDED_BY_HEADING.has(t.type);
  }
  return false;
}

/**
 * A task item's line: optional `>` quote markers, a list marker, a box of up to three characters
 * (`[ ]`, `[/]`, and the malformed `[]`, `[ x]`, so they are reported where they stand).
 */
const TASK_RE = /^(?:[ \t]*>)*[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+\[[^\]\r\n]{0,3}\](?:[ \t]|$)/;

const HEADING_RE = /^ {0,3}#{1,6}(?:[ \t]|$)/;

/** Whether the fence opened at `open` (0-based line) with `markup` is closed on line `last`. */
function closes(lines: string[], open: number, last: number, markup: string): boolean {
  if (last <= open) return false;
  const m = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(lines[last] ?? '');
  return m !== null && m[1][0] === markup[0] && m[1].length >= markup.length;
}

/** Appends the blocks of `tokens` (lines offset by `base`); returns the line to read on from after an unclosed fence. */
function walk(tokens: Token[], base: number, linesOf: () => string[], visit: (b: Block) => void): number | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.level !== 0 || !t.map) continue;
    if (t.type === 'fence' && !closes(linesOf(), base + t.map[0], base + t.map[1] - 1, t.markup)) {
      const lines = linesOf();
      const first = base + t.map[0];
      let h = first + 1;
      while (h < lines.length && !HEADING_RE.test(lines[h])) h++;
      visit({ type: 'other', level: 0, first, last: h, items: [], text: '', unclosed: { markup: t.markup } });
      return h < lines.length ? h : undefined;
    }
    t.map = [base + t.map[0], base + t.map[1]];
    if (t.type === 'heading_open') {
      const inline = tokens[i + 1];
      visit({ type: 'heading', level: Number(t.tag.slice(1)), first: t.map[0], last: t.map[1], items: [], text: inline?.type === 'inline' ? inline.content : '' });
    } else if (t.type === 'paragraph_open') {
      const inline = tokens[i + 1];
      visit({ type: 'paragraph', level: 0, first: t.map[0], last: t.map[1], items: [], text: inline?.type === 'inline' ? inline.content : '' });
    } else if (t.type === 'bullet_list_open' || t.type === 'ordered_list_open') {
      const items: { first: number; last: number }[] = [];
      const close = t.type.replace('_open', '_close');
      let j = i + 1;
      for (; j < tokens.length; j++) {
        const u = tokens[j];
        if (u.level === 0 && u.type === close) break;
        if (u.level === 1 && u.type === 'list_item_open' && u.map) items.push({ first: base + u.map[0], last: base + u.map[1] });
        // A nested task item is a commitment of its own.
        else if (u.level > 1 && u.type === 'list_item_open' && u.map && TASK_RE.test(linesOf()[base + u.map[0]] ?? '')) items.push({ first: base + u.map[0], last: base + u.map[1] });
      }
      visit({ type: 'list', level: 0, first: t.map[0], last: t.map[1], items, text: '' });
      i = j;
    } else if (t.type === 'blockquote_open') {
      // Task items in a blockquote or callout (`> - [ ] …`, `> [!todo]`) are read like any others.
      const items: { first: number; last: number }[] = [];
      let j = i + 1;
      for (; j < tokens.length; j++) {
        const u = tokens[j];
        if (u.level === 0 && u.type === 'blockquote_close') break;
        if (u.type === 'list_item_open' && u.map && TASK_RE.test(linesOf()[base + u.map[0]] ?? '')) items.push({ first: base + u.map[0], last: base + u.map[1] });
      }
      visit({ type: items.length ? 'list' : 'other', level: 0, first: t.map[0], last: t.map[1], items, text: '' });
      i = j;
    } else if (t.type === 'html_block') {
      // Comments and raw HTML: kept in the text, not part of the model.
    } else if (t.type.endsWith('_open') || t.type === 'fence' || t.type === 'code_block' || t.type === 'hr') {
      visit({ type: 'other', level: 0, first: t.map[0], last: t.map[1], items: [], text: '' });
    }
  }
  return undefined;
}
