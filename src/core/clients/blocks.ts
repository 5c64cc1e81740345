/**
 * markdown-it's block token stream, walked into the top-level blocks of clients.md (headings,
 * paragraphs, lists with their items' lines, anything else), each with its line range.
 */
import type MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { loadMarkdownIt } from '../vendor';

/** Created on the first parse, not when the module loads (see core/vendor.ts). */
let md: MarkdownIt | undefined;

export interface Block {
  type: 'heading' | 'paragraph' | 'list' | 'other';
  level: number;
  first: number;
  /** Exclusive. */
  last: number;
  /** For lists: the first line of each top-level item and its end line (exclusive). */
  items: { first: number; last: number }[];
  text: string;
}

/** The top-level blocks of `body` (the text after the BOM; NUL read as U+FFFD). */
export function blocksOf(body: string): Block[] {
  md ??= new (loadMarkdownIt())('commonmark');
  return walk(md.parse(body.replace(/\0/g, '\uFFFD'), {}));
}

function walk(tokens: Token[]): Block[] {
  const blocks: Block[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.level !== 0 || !t.map) continue;
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
        if (u.level === 1 && u.type === 'list_item_open' && u.map) items.push({ first: u.map[0], last: u.map[1] });
      }
      blocks.push({ type: 'list', level: 0, first: t.map[0], last: t.map[1], items, text: '' });
      i = j;
    } else if (t.type === 'html_block') {
      // Comments and raw HTML: kept in the text, not part of the model.
    } else if (t.type.endsWith('_open') || t.type === 'fence' || t.type === 'code_block' || t.type === 'hr') {
      blocks.push({ type: 'other', level: 0, first: t.map[0], last: t.map[1], items: [], text: '' });
    }
  }
  return blocks;
}
