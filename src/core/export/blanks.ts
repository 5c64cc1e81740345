/**
 * The blanks a drafted text still holds: `____` (a date or reason to fill in) and bracketed
 * placeholders — `[last working day]`, `【最后工作日】` — that the lead must replace before the text
 * goes out. Checked before copy, mail, `.eml` and save (panel) and by `client-pulse draft`.
 * Markdown links (`[text](https://…)`), escaped brackets (`\[1\]`), task boxes and footnote markers
 * are not blanks.
 */

export interface Blank {
  /** UTF-16 offset of the blank in the text, and its length. */
  offset: number;
  length: number;
  /** 0-based line and column. */
  line: number;
  column: number;
  /** The blank as written (`____`, `[last working day]`). */
  text: string;
  /** Its line, trimmed (for a list the lead picks from). */
  context: string;
}

const BLANK_RE = /(?<![\\_A-Za-z0-9])_{3,}(?![_A-Za-z0-9])|(?<![\\!\]])\[(?!\s*[xX]?\s*\])(?!\d+\\?\])([^\][\n]{1,120})(?<!\\)\](?![(:[])|【[^】\n]{1,120}】/gu;

/** Every unfilled placeholder in `text`, in order. */
export function findBlanks(text: string): Blank[] {
  const out: Blank[] = [];
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  BLANK_RE.lastIndex = 0;
  for (let m = BLANK_RE.exec(text); m; m = BLANK_RE.exec(text)) {
    let line = 0;
    while (line + 1 < lineStarts.length && lineStarts[line + 1] <= m.index) line++;
    const start = lineStarts[line];
    const endOfLine = text.indexOf('\n', start);
    const context = text.slice(start, endOfLine < 0 ? text.length : endOfLine).replace(/\r$/, '').trim();
    out.push({ offset: m.index, length: m[0].length, line, column: m.index - start, text: m[0], context });
  }
  return out;
}
