/**
 * Surgical edits of clients.md as pure functions. Each returns `TextEdit[]` with offsets into the
 * ORIGINAL text (the text the commitment was parsed from); every byte outside the edited ranges is
 * kept (CRLF, BOM, tabs, CJK, emoji, trailing spaces).
 */
import type { ClientsFile, Commitment, IsoDate, Language, TextEdit } from './model';
import { dateNotice, dateProblem } from '../calendar';
import { NoticeError, type EditNotice } from '../notices';
import { scanTokens, type ItemToken } from './tokens';
import { findClient, isOpen } from './queries';
import { brandClass } from '../brand';

export class EditError extends NoticeError<EditNotice> {
  override readonly name = 'EditError';
  constructor(readonly code: 'invalid-date' | 'invalid-title' | 'unknown-client' | 'stale' | 'invalid-owner' | 'invalid-tag', notice: EditNotice) {
    super(notice);
  }
}
brandClass(EditError, 'EditError');

function requireDate(date: IsoDate, what: 'due' | 'done'): void {
  const problem = dateNotice(date);
  if (problem) throw new EditError('invalid-date', { code: what === 'due' ? 'edit.invalid-due-date' : 'edit.invalid-done-date', date, problem });
}

/** The commitment's line in `text`, checked against what was parsed. */
function lineOf(text: string, c: Commitment): { start: number; line: string; boxAt: number; restStart: number } {
  const start = c.span.startOffset;
  const line = text.slice(start, c.span.endOffset);
  const boxAt = c.checkboxSpan.startOffset - start;
  const box = line.slice(boxAt, boxAt + 3);
  if (!/^\[[^\]\r\n]\]$/.test(box) || /[\r\n]/.test(line) || !line.includes(c.raw)) {
    throw new EditError('stale', { code: 'edit.stale', title: c.title, line: c.span.startLine + 1 });
  }
  const after = line.slice(boxAt + 3);
  return { start, line, boxAt, restStart: boxAt + 3 + (after.length - after.trimStart().length) };
}

/** Offset just after the last non-whitespace character of the line (before trailing spaces). */
function contentEnd(line: string): number {
  return line.trimEnd().length;
}

function usesEmoji(rest: string): boolean {
  return scanTokens(rest).some((t) => (t.kind === 'due' || t.kind === 'done') && t.emoji);
}

/** Ticks the box (`[ ]`, `[/]`, `[-]` … → `[x]`) and adds `done:<today>` (or `✅ <today>` in emoji style). Already done: no edits. */
export function markDone(text: string, c: Commitment, today: IsoDate): TextEdit[] {
  requireDate(today, 'done');
  const { start, line, boxAt, restStart } = lineOf(text, c);
  if (/[xX]/.test(line[boxAt + 1])) return [];
  const edits: TextEdit[] = [{ offset: start + boxAt + 1, length: 1, newText: 'x' }];
  const rest = line.slice(restStart);
  if (!scanTokens(rest).some((t) => t.kind === 'done')) {
    const token = usesEmoji(rest) ? `✅ ${today}` : `done:${today}`;
    edits.push({ offset: start + Math.max(contentEnd(line), boxAt + 3), length: 0, newText: ` ${token}` });
  }
  return edits;
}

/**
 * Unticks the box (to `mark`, default a space; Undo passes the status written before the tick, e.g.
 * `/`) and removes the done date(s) with the one space before each. Not done: no edits.
 */
export function markUndone(text: string, c: Commitment, mark = ' '): TextEdit[] {
  const { start, line, boxAt, restStart } = lineOf(text, c);
  if (!/[xX]/.test(line[boxAt + 1])) return [];
  const edits: TextEdit[] = [{ offset: start + boxAt + 1, length: 1, newText: /^[^\]\r\n]$/.test(mark) && !/[xX]/.test(mark) ? mark : ' ' }];
  const rest = line.slice(restStart);
  for (const t of scanTokens(rest)) {
    if (t.kind === 'done') edits.push(removal(line, restStart, t, boxAt + 3, start));
  }
  return edits;
}

export interface DueChangeOptions {
  /**
   * Keep the promise on record (default true): moving a dated commitment later adds
   * `promised:<old date>` after the due date (`原定:` for a zh-CN client), unless it already has
   * one (the first promise is kept); moving it back to or before that date removes it.
   */
  keepPromise?: boolean;
  /** The client's language: the word of an added promised token. */
  language?: Language;
}

/** Replaces the due date (the first one) or adds `due:<date>` (`📅 <date>` in emoji style); see `DueChangeOptions`. */
export function changeDueDate(text: string, c: Commitment, due: IsoDate, options: DueChangeOptions = {}): TextEdit[] {
  requireDate(due, 'due');
  const { start, line, boxAt, restStart } = lineOf(text, c);
  const rest = line.slice(restStart);
  const tokens = scanTokens(rest);
  const tok = tokens.find((t) => t.kind === 'due');
  if (tok) {
    if (tok.value === '') {
      // A date marker without a date (`due:` or a bare `📅`): rewrite the marker, keep the spacing after it.
      const trailing = /[ \t]*$/.exec(rest.slice(tok.start, tok.end))?.[0] ?? '';
      return [{ offset: start + restStart + tok.start, length: tok.end - tok.start, newText: (tok.emoji ? `📅 ${due}` : `due:${due}`) + trailing }];
    }
    const edits: TextEdit[] = [{ offset: start + restStart + tok.valueStart, length: tok.value.length, newText: due }];
    if (options.keepPromise === false || dateProblem(tok.value) !== undefined) return edits;
    const promised = tokens.find((t) => t.kind === 'promised');
    if (promised) {
      // Back on (or before) the first promise: the slip is gone, and so is its record.
      if (dateProblem(promised.value) === undefined && due <= promised.value) edits.push(removal(line, restStart, promised, boxAt + 3, start));
    } else if (due > tok.value) {
      const word = options.language === 'zh-CN' ? '原定:' : 'promised:';
      edits.push({ offset: start + restStart + tok.end, length: 0, newText: ` ${word}${tok.value}` });
    }
    return edits;
  }
  const token = usesEmoji(rest) ? `📅 ${due}` : `due:${due}`;
  return [{ offset: start + Math.max(contentEnd(line), boxAt + 3), length: 0, newText: ` ${token}` }];
}

/** Removes `t` (found in the line's rest at `restStart`) with the one space before it (or after it). */
function removal(line: string, restStart: number, t: ItemToken, minFrom: number, lineStart: number): TextEdit {
  let from = restStart + t.start;
  let to = restStart + t.end;
  if (from > 0 && /[ \t\u3000]/.test(line[from - 1]) && from - 1 >= minFrom) from--;
  else if (/[ \t]/.test(line[to] ?? '')) to++;
  return { offset: lineStart + from, length: to - from, newText: '' };
}

/**
 * The edits that write the new dates the lead proposed in a draft (`proposed`: commitment id →
 * date) into clients.md, each through `changeDueDate` so the missed promise is kept. Unknown ids
 * and unchanged dates give no edit.
 */
export function rescheduleEdits(text: string, file: ClientsFile, proposed: Readonly<Record<string, IsoDate>>): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const client of file.clients) {
    for (const c of client.commitments) {
      const date = proposed[c.id];
      if (date === undefined || !isOpen(c) || date === c.due) continue;
      edits.push(...changeDueDate(text, c, date, { language: client.language }));
    }
  }
  return edits;
}

/** Same as `changeDueDate` (the name the shell uses). */
export const changeDue = changeDueDate;

export interface NewCommitment {
  title?: string;
  /** Accepted as a synonym of `title`. */
  text?: string;
  due?: IsoDate;
  owner?: string;
  tag?: string;
  /** More than one owner or tag (the one-line input); written after `owner`/`tag`. */
  owners?: string[];
  tags?: string[];
}

/**
 * The first word of `title` that the parser would read as metadata (due/done/asked date, `@owner`,
 * `#tag`) if it were written into a commitment line, or undefined. Such a title would lose that
 * word, so adding it is refused; input boxes use this to say so while the user types.
 */
export function metadataInTitle(title: string): { text: string; kind: ItemToken['kind'] } | undefined {
  const token = scanTokens(title)[0];
  return token ? { text: title.slice(token.start, token.end), kind: token.kind } : undefined;
}

/**
 * Appends `- [ ] <title> due:<due> @owner #tag` after the last line of the client's Commitments
 * (承诺) section, creating `## Commitments` (`## 承诺` for a zh-CN client) at the end of the client
 * when it has none. Uses the file's line break.
 */
export function addCommitment(text: string, file: ClientsFile, clientName: string, item: NewCommitment): TextEdit[] {
  const title = (item.title ?? item.text ?? '').trim();
  if (title === '') throw new EditError('invalid-title', { code: 'edit.title-empty' });
  if (/[\r\n\u2028\u2029]/.test(title)) throw new EditError('invalid-title', { code: 'edit.title-multiline' });
  const token = metadataInTitle(title);
  if (token) {
    const code = ({ due: 'edit.title-has-due-date', done: 'edit.title-has-done-date', asked: 'edit.title-has-asked-date', promised: 'edit.title-has-promised-date', cancelled: 'edit.title-has-date', scheduled: 'edit.title-has-date', start: 'edit.title-has-date', created: 'edit.title-has-date', owner: 'edit.title-has-owner', tag: 'edit.title-has-tag' } as const)[token.kind];
    throw new EditError('invalid-title', { code, written: token.text });
  }
  if (item.due !== undefined) requireDate(item.due, 'due');
  const owners = [...(item.owner !== undefined ? [item.owner] : []), ...(item.owners ?? [])].map((o) => {
    const owner = o.trim().replace(/^@/, '');
    if (owner === '' || /\s/.test(owner)) throw new EditError('invalid-owner', { code: 'edit.invalid-owner', owner: o });
    return owner;
  });
  const tags = [...(item.tag !== undefined ? [item.tag] : []), ...(item.tags ?? [])].map((t) => {
    const tag = t.trim().replace(/^#/, '');
    if (tag === '' || /\s/.test(tag)) throw new EditError('invalid-tag', { code: 'edit.invalid-tag', tag: t });
    return tag;
  });
  const client = findClient(file, clientName);
  if (!client) {
    if (file.clients.length === 0) throw new EditError('unknown-client', { code: 'clients.none' });
    throw new EditError('unknown-client', { code: 'edit.unknown-client', name: clientName, known: file.clients.map((c) => c.name) });
  }
  const eol = file.eol;
  const parts = [`- [ ] ${title}`];
  if (item.due) parts.push(`due:${item.due}`);
  for (const owner of owners) parts.push(`@${owner}`);
  for (const tag of tags) parts.push(`#${tag}`);
  const newLine = parts.join(' ');
  const section = client.sections.find((s) => s.kind === 'commitments');
  if (section) return [{ offset: section.span.endOffset, length: 0, newText: eol + newLine }];
  const heading = client.language === 'zh-CN' ? '## 承诺' : '## Commitments';
  const end = client.span.endOffset;
  // At the end of a file without a final line break, or before the blank line(s) that follow the client.
  return [{ offset: end, length: 0, newText: `${eol}${eol}${heading}${eol}${newLine}` + (end === text.length ? '' : '') }];
}

/** Applies non-overlapping edits (any order) to `text`. Throws `EditError` on overlap or out of range. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.offset - b.offset || a.length - b.length);
  let out = '';
  let pos = 0;
  for (const e of sorted) {
    if (e.offset < pos || e.offset + e.length > text.length || e.length < 0) {
      throw new EditError('stale', { code: 'edit.overlap', offset: e.offset, length: e.length });
    }
    out += text.slice(pos, e.offset) + e.newText;
    pos = e.offset + e.length;
  }
  return out + text.slice(pos);
}
