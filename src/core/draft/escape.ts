/**
 * Markdown escaping for text that comes from commits: it must read as plain text wherever it ends
 * up (panel preview, HTML mail, plain text), so characters with a markdown meaning are escaped.
 * Text the lead wrote in clients.md is markdown already and is not escaped.
 */

/** Escapes inline markdown syntax: emphasis, code, links, autolinks, entities, strike-through. */
export function escapeInline(text: string): string {
  let out = text.replace(/[\\`*[\]<>~|]/g, (c) => `\\${c}`);
  // `_` only where it could open or close emphasis (not inside snake_case words).
  out = out.replace(/(^|[^\p{L}\p{N}])_|_(?=$|[^\p{L}\p{N}])/gu, (m) => m.replace('_', '\\_'));
  // `&name;` / `&#123;` would be read as an entity.
  out = out.replace(/&(?=#?[a-zA-Z0-9]+;)/g, '\\&');
  // A line that starts like a block (heading, quote, list, numbered list) stays inline text.
  out = out.replace(/^(\s*)([#>+\-=]|\d+[.)])/u, (_m, space: string, mark: string) =>
    /^\d/.test(mark) ? `${space}${mark.slice(0, -1)}\\${mark.slice(-1)}` : `${space}\\${mark}`,
  );
  return out;
}
