/**
 * Positions in the original text of clients.md: line starts and ends, columns and offsets, with
 * the BOM, CRLF and lone CR kept, so that every span and edit points at the exact characters.
 */
import type { Span } from './model';

export class SourceText {
  readonly lineStarts: number[] = [0];
  /** Offset where each line's content ends (before its line break). */
  readonly lineEnds: number[] = [];
  readonly bom: number;
  constructor(readonly text: string) {
    this.bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    // Line breaks: CRLF, lone CR, LF (one character loop: a regex match per line was an array per line).
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c !== 0x0a && c !== 0x0d) continue;
      this.lineEnds.push(i);
      if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++;
      this.lineStarts.push(i + 1);
    }
    this.lineEnds.push(text.length);
  }
  get lineCount(): number {
    return this.lineStarts.length;
  }
  /** Line content start (after the BOM on line 0). */
  contentStart(line: number): number {
    return this.lineStarts[line] + (line === 0 ? this.bom : 0);
  }
  line(line: number): string {
    return this.text.slice(this.contentStart(line), this.lineEnds[line]);
  }
  /** Span of `[from, to)` columns measured from the line content start (BOM excluded). */
  span(line: number, from: number, to: number): Span {
    const base = this.contentStart(line);
    const col0 = base - this.lineStarts[line];
    return { startLine: line, startColumn: col0 + from, endLine: line, endColumn: col0 + to, startOffset: base + from, endOffset: base + to };
  }
  lineSpan(line: number): Span {
    return this.span(line, 0, this.lineEnds[line] - this.contentStart(line));
  }
  /** From the start of `first` to the end of the content of `last`. */
  rangeSpan(first: number, last: number): Span {
    const a = this.lineSpan(first);
    const b = this.lineSpan(Math.max(first, last));
    return { startLine: a.startLine, startColumn: a.startColumn, endLine: b.endLine, endColumn: b.endColumn, startOffset: a.startOffset, endOffset: b.endOffset };
  }
}

/** The last line of `[first, endExclusive)` that is not blank (at least `first`). */
export function lastContentLine(src: SourceText, first: number, endExclusive: number): number {
  let last = Math.min(endExclusive, src.lineCount) - 1;
  while (last > first && src.line(last).trim() === '') last--;
  return Math.max(first, last);
}

/** The lines `[first, last)`, right-trimmed, joined, trimmed. */
export function linesText(src: SourceText, first: number, last: number): string {
  const out: string[] = [];
  for (let l = first; l < last && l < src.lineCount; l++) out.push(src.line(l).trimEnd());
  return out.join('\n').trim();
}
