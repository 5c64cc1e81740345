/**
 * Markdown → HTML and plain text, the same way everywhere (panel preview, copy, e-mail):
 * markdown-it with raw HTML off, no linkify, line breaks kept (`breaks: true`, so a sign-off on
 * two lines stays on two lines), links allowed only to `https:` and `mailto:`, and no images.
 */
import type MarkdownIt from 'markdown-it';
import { loadMarkdownIt } from '../vendor';

type Token = ReturnType<MarkdownIt['parse']>[number];

/** Only `https:` and `mailto:` links survive; everything else renders as text. */
export function isAllowedLink(url: string): boolean {
  return /^(https:|mailto:)/i.test(url.trim());
}

/** The one markdown-it configuration of Client Pulse (the webview uses it too). */
export function createMarkdownRenderer(): MarkdownIt {
  const md = new (loadMarkdownIt())({ html: false, linkify: false, breaks: true, typographer: false });
  md.validateLink = isAllowedLink;
  // No images: `![…](https://…)` in clients.md would load a remote picture (a tracking pixel in
  // the client's mail, a request from the panel). It stays visible as the text that was written.
  md.disable('image');
  return md;
}

let shared: MarkdownIt | undefined;
function renderer(): MarkdownIt {
  return (shared ??= createMarkdownRenderer());
}

/** The body as an HTML fragment (safe: raw HTML in the source is shown as text). */
export function markdownToHtml(markdown: string): string {
  return renderer().render(markdown);
}

function inlineText(tokens: Token[] | null): string {
  let out = '';
  let href: string | undefined;
  let linkText = '';
  for (const t of tokens ?? []) {
    const piece =
      t.type === 'text' || t.type === 'code_inline' || t.type === 'html_inline'
        ? t.content
        : t.type === 'softbreak' || t.type === 'hardbreak'
          ? '\n'
          : t.type === 'image'
            ? t.content
            : '';
    if (t.type === 'link_open') {
      href = t.attrGet('href') ?? undefined;
      linkText = '';
      continue;
    }
    if (t.type === 'link_close') {
      const target = href?.replace(/^mailto:/i, '');
      out += target && target !== linkText ? `${linkText} (${target})` : linkText;
      href = undefined;
      continue;
    }
    if (href !== undefined) linkText += piece;
    else out += piece;
  }
  return out;
}

/** The body as plain text for e-mail clients that show no HTML: lists keep `- `, headings stand alone. */
export function markdownToText(markdown: string): string {
  const tokens = renderer().parse(markdown, {});
  const out: string[] = [];
  const lists: Array<{ ordered: boolean; n: number }> = [];
  let quote = 0;
  let pendingMarker: string | undefined;
  const push = (text: string) => {
    const indent = '  '.repeat(Math.max(0, lists.length - 1));
    const prefix = '> '.repeat(quote);
    const lines = text.split('\n');
    lines.forEach((line, i) => {
      const lead = i === 0 && pendingMarker !== undefined ? `${indent}${pendingMarker}` : lists.length ? `${indent}  ` : '';
      out.push(`${prefix}${lead}${line}`.replace(/\s+$/, ''));
    });
    pendingMarker = undefined;
  };
  const blank = () => {
    if (out.length && out[out.length - 1] !== '') out.push('');
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    switch (t.type) {
      case 'heading_open':
        blank();
        break;
      case 'heading_close':
        blank();
        break;
      case 'paragraph_close':
        if (!lists.length) blank();
        break;
      case 'inline':
        push(inlineText(t.children));
        break;
      case 'bullet_list_open':
      case 'ordered_list_open':
        if (!lists.length) blank();
        lists.push({ ordered: t.type === 'ordered_list_open', n: Number(t.attrGet('start') ?? 1) });
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        lists.pop();
        if (!lists.length) blank();
        break;
      case 'list_item_open': {
        const list = lists[lists.length - 1];
        pendingMarker = list.ordered ? `${list.n++}. ` : '- ';
        break;
      }
      case 'blockquote_open':
        quote++;
        break;
      case 'blockquote_close':
        quote--;
        blank();
        break;
      case 'hr':
        blank();
        push('—'.repeat(20));
        blank();
        break;
      case 'fence':
      case 'code_block':
        push(t.content.replace(/\n$/, ''));
        blank();
        break;
      default:
        break;
    }
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/**
 * A complete HTML e-mail body with light inline styles that mail clients keep (for "Copy as rich
 * text" and the `.eml` HTML alternative).
 */
export function markdownToHtmlDocument(markdown: string, title: string, language: string): string {
  const body = markdownToHtml(markdown)
    .replace(/<h2>/g, '<h2 style="font-size:1.15em;margin:1.2em 0 0.4em">')
    .replace(/<ul>/g, '<ul style="margin:0.3em 0 0.8em;padding-left:1.4em">');
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(language)}">`,
    '<head><meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title></head>`,
    '<body style="font-family:-apple-system,Segoe UI,Helvetica,Arial,\'PingFang SC\',\'Microsoft YaHei\',sans-serif;font-size:14px;line-height:1.5;color:#222">',
    body.trimEnd(),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
