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

/** The top-level blocks of `body` (the text after the BOM; NUL read as U+FFFD). */
export function blocksOf(body: string): Block[] {
  const parser = (md ??= blockParser());
  const clean = body.replace(/\0/g, '\uFFFD');
  const blocks: Block[] = [];
  let lines: string[] | undefined;
  let from = 0;
  // Each round reads from line `from`; an unclosed fence ends the round at the next heading.
  for (;;) {
    const part = from === 0 ? clean : (lines ??= clean.split(/\r\n?|\n/)).slice(from).join('\n');
    const next = walk(parser.parse(part, {}), from, () => (lines ??= clean.split(/\r\n?|\n/)), blocks);
    if (next === undefined) break;
    from = next;
  }
  return blocks;
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
function walk(tokens: Token[], base: number, linesOf: () => string[], blocks: Block[]): number | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.level !== 0 || !t.map) continue;
    if (t.type === 'fence' && !closes(linesOf(), base + t.map[0], base + t.map[1] - 1, t.markup)) {
      const lines = linesOf();
      const first = base + t.map[0];
      let h = first + 1;
      while (h < lines.length && !HEADING_RE.test(lines[h])) h++;
      blocks.push({ type: 'other', level: 0, first, last: h, items: [], text: '', unclosed: { markup: t.markup } });
      return h < lines.length ? h : undefined;
    }
    t.map = [base + t.map[0], base + t.map[1]];
    if (t.type === 'heading_open') {
      const inline = tokens[i + 1];
      blocks.push({ type: 'heading', level: Number(t.tag.slice(1)), first: t.map[0], last: t.map[1], items: [], text: inline?.type === 'inline' ? inline.content : '' });
    } else if (t.type === 'paragraph_open') {
      const inline = tokens[i + 1];
      blocks.push({ type: 'paragraph', level: 0, first: t.map[0], last: t.map[1], items: [], text: inline?.type === 'inline' ? inline.content : '' });
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
      blocks.push({ type: 'list', level: 0, first: t.map[0], last: t.map[1], items, text: '' });
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
      blocks.push({ type: items.length ? 'list' : 'other', level: 0, first: t.map[0], last: t.map[1], items, text: '' });
      i = j;
    } else if (t.type === 'html_block') {
      // Comments and raw HTML: kept in the text, not part of the model.
    } else if (t.type.endsWith('_open') || t.type === 'fence' || t.type === 'code_block' || t.type === 'hr') {
      blocks.push({ type: 'other', level: 0, first: t.map[0], last: t.map[1], items: [], text: '' });
    }
  }
  return undefined;
}
