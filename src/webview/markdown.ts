/**
 * The preview renderer: markdown-it with raw HTML disabled and links limited to `https:` and
 * `mailto:`. Whatever a commit message or clients.md says, the preview gets escaped text and
 * safe links only.
 */
import type MarkdownIt from 'markdown-it';
import { createMarkdownRenderer } from '../core/export/markdown';

/** The same markdown-it configuration as copy and e-mail (src/core/export), plus safe link attributes. */
export function createRenderer(): MarkdownIt {
  const md = createMarkdownRenderer();
  // Links open outside the panel; they never navigate the webview itself.
  const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    tokens[idx].attrSet('rel', 'noopener noreferrer');
    return defaultLinkOpen(tokens, idx, options, env, self);
  };
  return md;
}

/** Markdown inline source as a person reads it: backslash escapes and emphasis markers removed. */
export function plainInline(text: string): string {
  return text
    .replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, '$1')
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/`([^`]*)`/g, '$1');
}
