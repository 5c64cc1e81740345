/**
 * The preview renderer: markdown-it with raw HTML disabled and links limited to `https:` and
 * `mailto:`. Whatever a commit message or clients.md says, the preview gets escaped text and
 * safe links only.
 */
import MarkdownIt from 'markdown-it';

const SAFE_LINK = /^(https:|mailto:)/i;

export function createRenderer(): MarkdownIt {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false, breaks: false });
  md.validateLink = (url: string) => SAFE_LINK.test(url.trim());
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
