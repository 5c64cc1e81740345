/**
 * The `git log` format core reads, and its streaming parser.
 *
 * Output shape (with `-z`): each commit is NUL-terminated fields
 *   MARK, %H, %P, %aN, %aE, %aI, %ct, %D, %B
 * (`%D` with `--decorate-refs=refs/tags/`: the tags pointing at the commit, `tag: v1.2.0, tag: x`),
 * followed by its diff entries, NUL-terminated as well:
 *   name-status: `status` `path` pairs (the first status may carry a leading `\n`);
 *   numstat:     `added\tdeleted\tpath` (with `--no-renames` always one field).
 *
 * Why this cannot be forged by a commit message, an author or a file name:
 * - git cuts every message and identity at the first NUL, so no field contains a NUL;
 * - header fields are read by position (exactly 8 after MARK), whatever they contain (a tag
 *   name cannot hold a NUL, a space or a comma followed by a space, so `%D` splits safely);
 * - in the diff part, a path is always read as the field after its status (name-status) or
 *   after two tabs (numstat), so a file named like MARK is still a path; the only fields we
 *   classify are statuses (an upper-case letter), numstat lines (a digit or `-`) and MARK,
 *   which starts with `\x01` and so can never be mistaken for either.
 */
import type { Commit, FileStat, Trailer } from './types';

import { MARK } from './log-args';

export { MARK, logFormatArgs } from './log-args';

const HEADER_FIELDS = 8;

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true });

/** UTF-8, or Latin-1 when the bytes are not valid UTF-8 (old commits without an encoding header). */
export function decodeField(buf: Buffer): string {
  const text = buf.toString('utf8');
  if (!text.includes('\uFFFD')) return text;
  try {
    return fatalUtf8.decode(buf);
  } catch {
    return buf.toString('latin1');
  }
}

interface Pending {
  header: string[];
  files: string[];
  numstat?: FileStat[];
  expectPath: boolean;
}

/**
 * Incremental parser: feed it stdout chunks, it calls `onCommit` for each complete commit.
 * Memory is bounded by the largest single commit, not by the output size.
 */
export class LogParser {
  private carry: Buffer[] = [];
  private carryLength = 0;
  private current: Pending | undefined;
  private headerLeft = 0;

  constructor(
    private readonly numstat: boolean,
    private readonly onCommit: (commit: Commit) => void,
  ) {}

  push(chunk: Buffer): void {
    let start = 0;
    for (;;) {
      const nul = chunk.indexOf(0, start);
      if (nul < 0) break;
      let field: Buffer;
      if (this.carryLength > 0) {
        this.carry.push(chunk.subarray(start, nul));
        field = Buffer.concat(this.carry);
        this.carry = [];
        this.carryLength = 0;
      } else {
        field = chunk.subarray(start, nul);
      }
      this.field(field);
      start = nul + 1;
    }
    if (start < chunk.length) {
      // Copy: the chunk's memory may be reused by the stream.
      const rest = Buffer.from(chunk.subarray(start));
      this.carry.push(rest);
      this.carryLength += rest.length;
    }
  }

  /** Call once after the last chunk. */
  end(): void {
    if (this.carryLength > 0) {
      const field = Buffer.concat(this.carry);
      this.carry = [];
      this.carryLength = 0;
      this.field(field);
    }
    this.flush();
  }

  private field(buf: Buffer): void {
    const cur = this.current;
    if (cur && this.headerLeft > 0) {
      // Name (6 left), e-mail (5), tag names (2) and message (1) may be in an encoding git could
      // not convert; hash, parents and dates are ASCII.
      const left = this.headerLeft;
      cur.header.push(left === 6 || left === 5 || left === 2 || left === 1 ? decodeField(buf) : buf.toString('latin1'));
      this.headerLeft--;
      return;
    }
    if (cur && cur.expectPath) {
      cur.files.push(decodeField(buf));
      cur.expectPath = false;
      return;
    }
    // Classified fields: MARK, a status, a numstat line, or an empty separator.
    let s = 0;
    while (s < buf.length && buf[s] === 0x0a) s++;
    if (s === buf.length) return;
    const first = buf[s];
    if (first === 0x01) {
      const text = buf.toString('latin1', s);
      if (text !== MARK) throw new Error(`unexpected git log output near ${JSON.stringify(text.slice(0, 20))}`);
      this.flush();
      this.current = { header: [], files: [], numstat: this.numstat ? [] : undefined, expectPath: false };
      this.headerLeft = HEADER_FIELDS;
      return;
    }
    if (!cur) throw new Error('unexpected git log output before the first commit');
    if (this.numstat) {
      const t1 = buf.indexOf(0x09, s);
      const t2 = t1 < 0 ? -1 : buf.indexOf(0x09, t1 + 1);
      if (t2 < 0) throw new Error('unexpected numstat line in git log output');
      const added = buf.toString('latin1', s, t1);
      const deleted = buf.toString('latin1', t1 + 1, t2);
      const path = decodeField(buf.subarray(t2 + 1));
      cur.files.push(path);
      cur.numstat!.push({ path, added: added === '-' ? null : Number(added), deleted: deleted === '-' ? null : Number(deleted) });
    } else {
      // A status letter (`A`, `M`, `D`, `T`, …); the path follows in the next field.
      cur.expectPath = true;
    }
  }

  private flush(): void {
    const cur = this.current;
    if (!cur) return;
    this.current = undefined;
    if (cur.header.length < HEADER_FIELDS) throw new Error('git log output ended in the middle of a commit');
    const [hash, parents, authorName, authorEmail, authorDate, committed, decoration, message] = cur.header;
    const { subject, subjectLine, body, trailers } = splitMessage(message);
    const commit: Commit = {
      hash,
      parents: parents ? parents.split(' ') : [],
      authorName,
      authorEmail,
      authorDate,
      committedAt: Number(committed),
      subject,
      body,
      trailers,
      files: cur.files,
    };
    if (subjectLine !== undefined) commit.subjectLine = subjectLine;
    const tags = tagsOf(decoration);
    if (tags.length) commit.tags = tags;
    if (cur.numstat) commit.numstat = cur.numstat;
    this.onCommit(commit);
  }
}

/** The tag names of a `%D` decoration (`tag: v1.2.0, tag: latest`); other refs are ignored. */
export function tagsOf(decoration: string): string[] {
  if (!decoration.includes('tag: ')) return [];
  return decoration
    .split(', ')
    .filter((d) => d.startsWith('tag: '))
    .map((d) => d.slice(5).trim())
    .filter((t) => t !== '');
}

/**
 * Splits a raw message (`%B`) like git does: the subject is the first paragraph with its lines
 * joined by spaces, the body is everything after the first blank line, trailers come from the
 * body's last paragraph. CRLF line breaks are read as LF.
 */
export function splitMessage(raw: string): { subject: string; subjectLine?: string; body: string; trailers: Trailer[] } {
  let text = raw.includes('\r') ? raw.replace(/\r\n?/gu, '\n') : raw;
  // Leading blank lines are not part of the subject.
  let start = 0;
  while (start < text.length && (text[start] === '\n' || text[start] === ' ' || text[start] === '\t')) {
    const nl = text.indexOf('\n', start);
    if (nl < 0 || text.slice(start, nl).trim() !== '') break;
    start = nl + 1;
  }
  if (start > 0) text = text.slice(start);
  // The subject paragraph ends at the first blank line (a line with only white space).
  const blank = /\n[ \t]*\n/u.exec(text);
  const head = blank ? text.slice(0, blank.index) : text;
  const subject = head.includes('\n')
    ? head
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== '')
        .join(' ')
    : head.trim();
  const body = blank ? text.slice(blank.index + blank[0].length).replace(/^(?:[ \t]*\n)+/u, '').replace(/\s+$/u, '') : '';
  const lines = head.includes('\n') ? head.split('\n').map((l) => l.trim()).filter((l) => l !== '') : [];
  if (lines.length > 1) return { subject, subjectLine: lines[0], body, trailers: parseTrailers(body) };
  return { subject, body, trailers: parseTrailers(body) };
}

const TRAILER_LINE = /^([A-Za-z0-9][A-Za-z0-9-]*)[ \t]*:[ \t]*(.*)$/u;

/**
 * Trailers of a body: its last paragraph, when every line of it is `Key: value` (or a
 * continuation line starting with white space), or when at least a quarter are and one is a
 * `Signed-off-by` (git's rule for mixed paragraphs). Continuations are unfolded.
 */
export function parseTrailers(body: string): Trailer[] {
  if (!body || !body.includes(':')) return [];
  // The last paragraph: after the last blank line.
  let cut = -1;
  for (let k = body.lastIndexOf('\n'); k > 0; k = body.lastIndexOf('\n', k - 1)) {
    const prev = body.lastIndexOf('\n', k - 1);
    if (body.slice(prev + 1, k).trim() === '') {
      cut = k;
      break;
    }
  }
  const last = body.slice(cut + 1).split('\n').filter((l) => l.trim() !== '');
  if (last.length === 0) return [];
  const trailers: Trailer[] = [];
  let other = 0;
  let signed = false;
  for (const line of last) {
    if (/^[ \t]/u.test(line) && trailers.length > 0) {
      trailers[trailers.length - 1].value = `${trailers[trailers.length - 1].value} ${line.trim()}`.trim();
      continue;
    }
    const m = TRAILER_LINE.exec(line);
    if (m) {
      trailers.push({ key: m[1], value: m[2].trim() });
      if (m[1].toLowerCase() === 'signed-off-by') signed = true;
    } else if (/^\(cherry picked from commit [0-9a-f]+\)$/u.test(line.trim())) {
      signed = true;
    } else {
      other++;
    }
  }
  if (trailers.length === 0) return [];
  if (other === 0) return trailers;
  return signed && trailers.length * 4 >= trailers.length + other ? trailers : [];
}
