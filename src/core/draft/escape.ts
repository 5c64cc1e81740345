/**
 * Markdown escaping for text that comes from commits: it must read as plain text wherever it ends
 * up (panel preview, HTML mail, plain text), so characters with a markdown meaning are escaped.
 * Text the lead wrote in clients.md is markdown already and is not escaped.
 *
 * Code stays readable: a token that only reads right verbatim (`window.__ENV__`, `__init__`,
 * `_id`) is wrapped in a code span, so the markdown the lead edits, its plain text and its HTML all
 * show it as written (escaping its underscores left `window.\_\_ENV\_\_` in the markdown, and
 * markdown's emphasis turned it into `window._<em>ENV_</em>`). Backticks a commit wrote are
 * escaped like other markup: the plain text reads exactly as the commit did.
 */

/** A token of code characters only. */
const CODE_TOKEN = /^[\p{L}\p{N}_.$/:()[\]@#=+-]+$/u;

/** An `_` that markdown could read as emphasis: not between two letters or digits. */
const LOOSE_UNDERSCORE = /(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/u;

/** Escapes inline markdown syntax: emphasis, code, links, autolinks, entities, strike-through. */
export function escapeInline(text: string): string {
  return escapePlain(text, true);
}

/** Wraps code-like tokens in a code span; escapes the rest. `atStart`: the piece begins the line. */
function escapePlain(piece: string, atStart: boolean): string {
  if (piece === '') return '';
  // Tokens are split at white space; punctuation that ends a sentence stays outside the code span.
  const parts = piece.split(/(\s+)/u);
  let out = '';
  parts.forEach((part, k) => {
    if (k % 2 === 1 || part === '') {
      out += part;
      return;
    }
    const lead = /^[(“"']*/u.exec(part)?.[0] ?? '';
    let core = part.slice(lead.length);
    let tail = /(?:[,;:!?”"']|\.$)*$/u.exec(core)?.[0] ?? '';
    core = core.slice(0, core.length - tail.length);
    // A closing parenthesis belongs to the code only when the code opened one: `f()`, not `(x_)`.
    while (core.endsWith(')') && !core.includes('(')) {
      core = core.slice(0, -1);
      tail = `)${tail}`;
    }
    if (core.length > 1 && LOOSE_UNDERSCORE.test(core) && CODE_TOKEN.test(core) && /[\p{L}\p{N}]/u.test(core)) out += `${escapeText(lead)}\`${core}\`${escapeText(tail)}`;
    else out += escapeText(part);
  });
  return atStart ? escapeBlockStart(out) : out;
}

function escapeText(text: string): string {
  let out = text.replace(/[\\`*[\]<>~|]/g, (c) => `\\${c}`);
  // `_` only where it could open or close emphasis (not inside snake_case words).
  out = out.replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '\\_');
  // `&name;` / `&#123;` would be read as an entity.
  return out.replace(/&(?=#?[a-zA-Z0-9]+;)/g, '\\&');
}

/** A line that starts like a block (heading, quote, list, numbered list) stays inline text. */
function escapeBlockStart(text: string): string {
  return text.replace(/^(\s*)([#>+\-=]|\d+[.)])/u, (_m, space: string, mark: string) =>
    /^\d/.test(mark) ? `${space}${mark.slice(0, -1)}\\${mark.slice(-1)}` : `${space}\\${mark}`,
  );
}
