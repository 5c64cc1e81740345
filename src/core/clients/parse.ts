/**
 * Parser of `.project/clients.md`: markdown-it's block token stream gives the structure (headings,
 * lists, paragraphs and their lines via `token.map`); exact columns and offsets are then computed
 * on the original text (BOM, CRLF and lone CR kept). Never throws.
 */
import { pathOverlapDiagnostics } from './overlap';
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import type {
  Ask, Cadence, Client, ClientsFile, Commitment, Diagnostic, Entry, Field, Language, Person, Risk, RiskLevel,
  Section, SectionKind, Severity, Span, TextEdit, Weekday,
} from './model';
import { dateProblem, likelyDate } from './dates';

const md = new MarkdownIt('commonmark');

// ---------------------------------------------------------------- text positions

export class SourceText {
  readonly lineStarts: number[] = [0];
  /** Offset where each line's content ends (before its line break). */
  readonly lineEnds: number[] = [];
  readonly bom: number;
  constructor(readonly text: string) {
    this.bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    const re = /\r\n?|\n/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      this.lineEnds.push(m.index);
      this.lineStarts.push(m.index + m[0].length);
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
    return this.span(line, 0, this.line(line).length);
  }
  /** From the start of `first` to the end of the content of `last`. */
  rangeSpan(first: number, last: number): Span {
    const a = this.lineSpan(first);
    const b = this.lineSpan(Math.max(first, last));
    return { startLine: a.startLine, startColumn: a.startColumn, endLine: b.endLine, endColumn: b.endColumn, startOffset: a.startOffset, endOffset: b.endOffset };
  }
}

// ---------------------------------------------------------------- vocabulary

const SECTION_NAMES: Partial<Record<string, Exclude<SectionKind, 'unknown'>>> = {
  commitments: 'commitments', '承诺': 'commitments',
  risks: 'risks', '风险': 'risks',
  asks: 'asks', '待客户确认': 'asks',
  feedback: 'feedback', '反馈': 'feedback',
  decisions: 'decisions', '决定': 'decisions',
  notes: 'notes', '备注': 'notes',
};
const SECTION_ENGLISH = ['Commitments', 'Risks', 'Asks', 'Feedback', 'Decisions', 'Notes'];

const FIELD_KEYS: Partial<Record<string, string>> = {
  contact: 'contact', contacts: 'contact', '联系人': 'contact',
  cc: 'cc', '抄送': 'cc',
  cadence: 'cadence', '节奏': 'cadence',
  language: 'language', '语言': 'language',
  paths: 'paths', path: 'paths', '路径': 'paths',
  tag: 'tag', tags: 'tag', '标签': 'tag',
  owner: 'owner', '负责人': 'owner',
  backup: 'backup', '备份': 'backup',
};
const FIELD_ENGLISH = ['Contact', 'Cc', 'Cadence', 'Language', 'Paths', 'Tag', 'Owner', 'Backup'];

const DAY_NAMES: Record<string, Weekday> = {
  sun: 0, sunday: 0, mon: 1, monday: 1, tue: 2, tues: 2, tuesday: 2, wed: 3, wednesday: 3,
  thu: 4, thur: 4, thurs: 4, thursday: 4, fri: 5, friday: 5, sat: 6, saturday: 6,
};
const ZH_DAYS: Record<string, Weekday> = { '日': 0, '天': 0, '一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6 };

const RISK_LEVELS: Partial<Record<string, RiskLevel>> = { low: 'low', medium: 'medium', high: 'high', '低': 'low', '中': 'medium', '高': 'high' };

// ---------------------------------------------------------------- small helpers

export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = [i];
    for (let j = 1; j <= n; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[n];
}

function closest(word: string, candidates: string[]): string | undefined {
  const w = word.toLowerCase();
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(w, c.toLowerCase());
    if (d < bestD) { bestD = d; best = c; }
  }
  const limit = w.length <= 4 ? 1 : 2;
  return bestD <= limit ? best : undefined;
}

const EMAIL_RE = /^[^\s@<>(),;]+@[^\s@<>(),;]+\.[^\s@<>(),;.]+$/;
export function isValidEmail(s: string): boolean {
  return EMAIL_RE.test(s);
}

export function parsePerson(value: string): Person {
  let rest = value.trim();
  let role: string | undefined;
  const roleM = /\(([^()]*)\)\s*$/.exec(rest) ?? /（([^（）]*)）\s*$/.exec(rest);
  if (roleM) { role = roleM[1].trim() || undefined; rest = rest.slice(0, roleM.index).trim(); }
  let email: string | undefined;
  const mailM = /<([^<>]*)>/.exec(rest);
  if (mailM) {
    email = mailM[1].trim();
    rest = (rest.slice(0, mailM.index) + rest.slice(mailM.index + mailM[0].length)).trim();
  } else if (/^\S+@\S+$/.test(rest)) {
    email = rest;
    rest = '';
  }
  const name = rest.replace(/\s+/g, ' ').trim() || (email ? email.split('@')[0] : '');
  return { name, ...(email !== undefined ? { email } : {}), ...(role ? { role } : {}) };
}

export function parseCadence(raw: string): Cadence | undefined {
  const v = raw.trim().toLowerCase().replace(/\s+/g, ' ');
  if (v === 'daily' || v === '每天' || v === '每日') return { every: 'daily', raw: raw.trim() };
  if (v === 'monthly' || v === '每月') return { every: 'monthly', raw: raw.trim() };
  let m = /^(weekly|biweekly|fortnightly)(?: (?:on )?([a-z]+))?$/.exec(v);
  if (m) {
    const every = m[1] === 'weekly' ? 'weekly' : 'biweekly';
    if (m[2] === undefined) return { every, raw: raw.trim() };
    const day = DAY_NAMES[m[2]];
    return day === undefined ? undefined : { every, day, raw: raw.trim() };
  }
  m = /^(每周|每两周|双周)(?:周|星期)?([日天一二三四五六])?$/.exec(v);
  if (m) {
    const every = m[1] === '每周' ? 'weekly' : 'biweekly';
    return m[2] === undefined ? { every, raw: raw.trim() } : { every, day: ZH_DAYS[m[2]], raw: raw.trim() };
  }
  return undefined;
}

export function parseLanguage(raw: string): Language | undefined {
  const v = raw.trim();
  if (/^en$/i.test(v)) return 'en';
  if (/^zh-cn$/i.test(v)) return 'zh-CN';
  return undefined;
}

function suggestLanguage(raw: string): Language | undefined {
  const v = raw.trim().toLowerCase();
  if (['english', 'en-us', 'en-gb', 'eng', 'en_us', 'en_gb', '英文', '英语'].includes(v)) return 'en';
  if (['zh', 'cn', 'zh-hans', 'zh_cn', 'zh-cn', 'chinese', '中文', '简体中文', '汉语', 'zh-hans-cn'].includes(v)) return 'zh-CN';
  return undefined;
}

function splitList(value: string): string[] {
  return value.split(/[,，;；]/).map((s) => s.trim()).filter((s) => s.length > 0);
}

// ---------------------------------------------------------------- item tokens

export interface ItemToken {
  kind: 'due' | 'done' | 'asked' | 'owner' | 'tag';
  /** Emoji style (`📅`/`✅`) rather than `key:value`. */
  emoji: boolean;
  /** Column range of the whole token within the scanned string. */
  start: number;
  end: number;
  /** Column range of the value (date, name or tag). */
  valueStart: number;
  value: string;
}

const TOKEN_RE = /(^|[\s\u3000])(?:(due|done|asked):(\S*)|(📅|✅)\uFE0F?(?:[ \t]*([0-9][\S]*))?|@([\p{L}\p{N}_.\-]*[\p{L}\p{N}_])|#([\p{L}\p{N}_\-/.]*[\p{L}\p{N}_]))/gu;

/** Finds the metadata tokens of a commitment or ask in `s`. */
export function scanTokens(s: string): ItemToken[] {
  const out: ItemToken[] = [];
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(s))) {
    const start = m.index + m[1].length;
    const end = m.index + m[0].length;
    if (m[2] !== undefined) {
      const kind = m[2] as 'due' | 'done' | 'asked';
      out.push({ kind, emoji: false, start, end, valueStart: start + m[2].length + 1, value: m[3] });
    } else if (m[4] !== undefined) {
      const kind = m[4] === '📅' ? 'due' : 'done';
      const value = m[5] ?? '';
      out.push({ kind, emoji: true, start, end, valueStart: end - value.length, value });
    } else if (m[6] !== undefined) {
      out.push({ kind: 'owner', emoji: false, start, end, valueStart: start + 1, value: m[6] });
    } else if (m[7] !== undefined) {
      out.push({ kind: 'tag', emoji: false, start, end, valueStart: start + 1, value: m[7] });
    }
    if (m[0].length === 0) TOKEN_RE.lastIndex++;
    else TOKEN_RE.lastIndex = end;
  }
  return out;
}

function removeTokens(s: string, tokens: ItemToken[]): string {
  let out = '';
  let pos = 0;
  for (const t of tokens) {
    out += s.slice(pos, t.start) + ' ';
    pos = t.end;
  }
  return (out + s.slice(pos)).replace(/\s+/g, ' ').trim();
}

/** `- `, `* `, `1. ` list marker and an optional task checkbox at the start of a line. */
export const ITEM_RE = /^([ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+)(?:\[([ xX])\](?=[ \t]|$))?/;
const ODD_CHECKBOX_RE = /^([ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+)(\[(?:[ \t]*[xX✓✔vV][ \t]*|[ \t]{2,}|)\])(?=[ \t]|$)/;

// ---------------------------------------------------------------- the parser

interface Ctx {
  src: SourceText;
  diags: Diagnostic[];
}

function diag(ctx: Ctx, span: Span, severity: Severity, code: string, message: string, fix?: { title: string; edits: TextEdit[] }): void {
  ctx.diags.push({ span, severity, code, message, ...(fix ? { fix } : {}) });
}

function emptyClient(name: string, headingSpan: Span): Client {
  return {
    name, headingSpan, span: headingSpan, profile: '', fields: [], contacts: [], cc: [], paths: [], tags: [],
    sections: [], commitments: [], risks: [], asks: [], feedback: [], decisions: [], notes: [],
  };
}

interface Block {
  type: 'heading' | 'paragraph' | 'list' | 'other';
  level: number;
  first: number;
  /** Exclusive. */
  last: number;
  /** For lists: the first line of each top-level item and its end line (exclusive). */
  items: { first: number; last: number }[];
  text: string;
}

function blocksOf(tokens: Token[]): Block[] {
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

const LEADING_DATE_RE = /^(\d{4}-\d{1,2}-\d{1,2})\s*[:：]\s*/;

function parseEntry(ctx: Ctx, line: number, col: number, text: string): Entry {
  const span = ctx.src.span(line, col, ctx.src.line(line).length);
  const m = LEADING_DATE_RE.exec(text);
  if (!m) return { text: text.trim(), span };
  const problem = dateProblem(m[1]);
  if (problem) {
    diag(ctx, ctx.src.span(line, col, col + m[1].length), 'error', 'invalid-date', `Impossible date ${m[1]}: ${problem}. Write dates as YYYY-MM-DD.`);
    return { text: text.trim(), span };
  }
  return { text: text.slice(m[0].length).trim(), date: m[1], span };
}

function checkDate(ctx: Ctx, line: number, col: number, tok: ItemToken): boolean {
  const problem = tok.value === '' ? 'the date is missing' : dateProblem(tok.value);
  if (!problem) return true;
  const label = tok.emoji ? (tok.kind === 'due' ? '📅' : '✅') : `${tok.kind}:`;
  const start = tok.value === '' ? tok.start : tok.valueStart;
  const end = tok.value === '' ? tok.end : tok.valueStart + tok.value.length;
  const span = ctx.src.span(line, col + start, col + end);
  const likely = tok.value === '' ? undefined : likelyDate(tok.value);
  const fix = likely && {
    title: likely.why === 'format' ? `Write it as ${likely.date}` : `Change to ${likely.date} (the last day of that month)`,
    edits: [{ offset: span.startOffset, length: span.endOffset - span.startOffset, newText: likely.date }],
  };
  diag(ctx, span, 'error', 'invalid-date',
    tok.value === '' ? `${label} has no date. Write dates as YYYY-MM-DD, e.g. ${label}${tok.emoji ? ' ' : ''}2026-12-04.`
      : `Impossible ${tok.kind} date ${tok.value}: ${problem}. Write dates as YYYY-MM-DD.`, fix);
  return false;
}

function fieldLine(s: string): { key: string; keyEnd: number; valueStart: number; value: string } | undefined {
  const m = /^([\p{L}][\p{L}\p{N} _-]{0,23}?)[ \t]*[:：][ \t]*/u.exec(s);
  if (!m) return undefined;
  if (/^(https?|mailto|ftp)$/i.test(m[1])) return undefined;
  return { key: m[1], keyEnd: m[1].length, valueStart: m[0].length, value: s.slice(m[0].length).trimEnd() };
}

function parseInner(text: string): ClientsFile {
  const src = new SourceText(text);
  const ctx: Ctx = { src, diags: [] };
  const crlf = (text.match(/\r\n/g) ?? []).length;
  const lf = (text.match(/(^|[^\r])\n/g) ?? []).length;
  const eol: '\n' | '\r\n' = crlf > lf ? '\r\n' : '\n';
  const file: ClientsFile = { clients: [], diagnostics: ctx.diags, eol, hasBom: src.bom === 1 };

  const body = text.slice(src.bom);
  if (body.trim() === '') {
    diag(ctx, src.span(0, 0, 0), 'warning', 'empty-file', 'The clients file is empty. Add a client as a level-1 heading (`# Client name`) followed by its fields and sections; see "The .project/clients.md file" in the Client Pulse README.');
    return file;
  }
  const tokens = md.parse(body.replace(/\0/g, '\uFFFD'), {});
  const blocks = blocksOf(tokens);

  let client: Client | undefined;
  let section: Section | undefined;
  const profile: string[] = [];
  const seen = new Map<string, Client>();
  let anyH2InClient = false;

  const closeClient = (endLine: number): void => {
    if (!client) return;
    const last = lastContentLine(src, client.headingSpan.startLine, endLine);
    client.span = src.rangeSpan(client.headingSpan.startLine, last);
    client.profile = profile.join('\n\n');
    profile.length = 0;
  };
  const closeSection = (endLine: number): void => {
    if (!section) return;
    section.span = src.rangeSpan(section.headingSpan.startLine, lastContentLine(src, section.headingSpan.startLine, endLine));
    section = undefined;
  };

  for (const b of blocks) {
    if (b.type === 'heading' && b.level === 1) {
      closeSection(b.first);
      closeClient(b.first);
      const lineText = src.line(b.first);
      const name = b.text.trim();
      const hs = src.lineSpan(b.first);
      client = emptyClient(name, hs);
      anyH2InClient = false;
      file.clients.push(client);
      if (name === '') {
        diag(ctx, hs, 'error', 'empty-client-name', 'This client heading has no name. Write the client\'s name after `# `, e.g. `# Acme Retail`.');
      } else {
        const key = name.toLowerCase();
        const prev = seen.get(key);
        if (prev) {
          diag(ctx, hs, 'error', 'duplicate-client', `Client "${name}" is already defined on line ${prev.headingSpan.startLine + 1}. Merge the two entries or give each client a distinct name.`);
        } else seen.set(key, client);
        if (SECTION_NAMES[key] && file.clients.length > 1) {
          const hashes = /^[ \t]*#/.exec(lineText);
          diag(ctx, hs, 'warning', 'heading-level', `"# ${name}" starts a new client. If it is a section of the client above, write "## ${name}".`,
            hashes ? { title: `Make "${name}" a section (##)`, edits: [{ offset: hs.startOffset + hashes[0].length - 1, length: 0, newText: '#' }] } : undefined);
        }
      }
      continue;
    }
    if (b.type === 'heading' && b.level === 2 && client) {
      closeSection(b.first);
      anyH2InClient = true;
      const heading = b.text.trim();
      const kind: SectionKind = (SECTION_NAMES[heading.toLowerCase()] as SectionKind | undefined) ?? 'unknown';
      const hs = src.lineSpan(b.first);
      section = { kind, heading, headingSpan: hs, span: hs };
      client.sections.push(section);
      if (kind === 'unknown') {
        const near = closest(heading, SECTION_ENGLISH);
        const lineText = src.line(b.first);
        const at = lineText.indexOf(heading);
        const fix = near && at >= 0 ? { title: `Rename to "${near}"`, edits: [{ offset: hs.startOffset + at, length: heading.length, newText: near }] } : undefined;
        diag(ctx, hs, 'warning', 'unknown-section',
          `Unknown section "${heading}"${near ? ` — did you mean "${near}"?` : '.'} Known sections: Commitments/承诺, Risks/风险, Asks/待客户确认, Feedback/反馈, Decisions/决定, Notes/备注. Its content is kept but not read.`, fix);
      }
      continue;
    }
    if (b.type === 'heading' && client) {
      const heading = b.text.trim();
      if (b.level >= 3 && SECTION_NAMES[heading.toLowerCase()]) {
        const hs = src.lineSpan(b.first);
        const lineText = src.line(b.first);
        const hashes = /^[ \t]*(#+)/.exec(lineText);
        const fix = hashes ? { title: `Make it "## ${heading}"`, edits: [{ offset: hs.startOffset + hashes.index + hashes[0].length - hashes[1].length, length: hashes[1].length, newText: '##' }] } : undefined;
        diag(ctx, hs, 'info', 'heading-level', `"${'#'.repeat(b.level)} ${heading}" is read as text, not as a section: sections are level-2 headings. Write "## ${heading}".`, fix);
      }
      continue;
    }
    if (!client) {
      reportOutside(ctx, b);
      continue;
    }
    if (!section) {
      handleHeaderBlock(ctx, client, b, profile, anyH2InClient);
      continue;
    }
    handleSectionBlock(ctx, client, section, b);
  }
  closeSection(src.lineCount);
  closeClient(src.lineCount);
  if (file.clients.length === 0 && ctx.diags.length === 0) {
    diag(ctx, src.span(0, 0, 0), 'warning', 'empty-file', 'No client found: each client starts with a level-1 heading (`# Client name`). See "The .project/clients.md file" in the Client Pulse README.');
  }
  return file;
}

function lastContentLine(src: SourceText, first: number, endExclusive: number): number {
  let last = Math.min(endExclusive, src.lineCount) - 1;
  while (last > first && src.line(last).trim() === '') last--;
  return Math.max(first, last);
}

function reportOutside(ctx: Ctx, b: Block): void {
  const { src } = ctx;
  if (b.type === 'list') {
    for (const it of b.items) {
      const line = src.line(it.first);
      const m = ITEM_RE.exec(line);
      if (m && m[2] !== undefined) {
        diag(ctx, src.lineSpan(it.first), 'error', 'commitment-outside-client', 'This commitment is not under a client: commitments belong in a `## Commitments` section under a `# Client` heading. Move it there.');
      } else {
        diag(ctx, src.lineSpan(it.first), 'warning', 'commitment-outside-client', 'This item is before the first client heading and belongs to no client. Move it under a `# Client` heading (it is kept but not read).');
      }
    }
    return;
  }
  if (b.type === 'heading') {
    diag(ctx, src.lineSpan(b.first), 'warning', 'commitment-outside-client', `This level-${b.level} heading is before the first client heading (\`# Client name\`) and belongs to no client; it is kept but not read.`);
    return;
  }
  diag(ctx, src.lineSpan(b.first), 'warning', 'commitment-outside-client', 'This text is before the first client heading (`# Client name`) and belongs to no client; it is kept but not read. Move it under a client or into an HTML comment.');
}

function handleHeaderBlock(ctx: Ctx, client: Client, b: Block, profile: string[], _afterSection: boolean): void {
  const { src } = ctx;
  if (b.type === 'list') {
    for (const it of b.items) {
      const m = ITEM_RE.exec(src.line(it.first));
      if (m && m[2] !== undefined) {
        diag(ctx, src.lineSpan(it.first), 'warning', 'commitment-outside-client', `This task item is in ${client.name || 'the client'}'s header, not in a section: it is not read as a commitment. Put it under "## Commitments".`);
      }
    }
    profile.push(linesText(src, b.first, b.last));
    return;
  }
  if (b.type !== 'paragraph') {
    profile.push(linesText(src, b.first, b.last));
    return;
  }
  const lines: number[] = [];
  for (let l = b.first; l < b.last; l++) lines.push(l);
  const parsed = lines.map((l) => ({ l, f: fieldLine(src.line(l)) }));
  const known = parsed.filter((p) => p.f && FIELD_KEYS[p.f.key.trim().toLowerCase()]);
  const allKeyed = parsed.every((p) => p.f);
  const prose: string[] = [];
  for (const p of parsed) {
    const f = p.f;
    const canonical = f ? FIELD_KEYS[f.key.trim().toLowerCase()] : undefined;
    if (f && canonical) {
      addField(ctx, client, p.l, f, canonical);
      continue;
    }
    if (f && (allKeyed && known.length > 0 || closest(f.key, FIELD_ENGLISH) !== undefined && f.key.length >= 2 && !/\s/.test(f.key.trim()))) {
      const near = closest(f.key, FIELD_ENGLISH);
      const lineText = src.line(p.l);
      const keyAt = lineText.indexOf(f.key);
      const field: Field = { key: f.key, value: f.value, span: src.lineSpan(p.l) };
      client.fields.push(field);
      diag(ctx, src.span(p.l, Math.max(0, keyAt), Math.max(0, keyAt) + f.key.length), 'warning', 'unknown-field',
        `Unknown field "${f.key}"${near ? ` — did you mean "${near}"?` : '.'} Known fields: Contact, Cc, Cadence, Language, Paths, Tag, Owner, Backup (or 联系人, 抄送, 节奏, 语言, 路径, 标签, 负责人, 备份). The line is kept but not read.`,
        near && keyAt >= 0 ? { title: `Rename to "${near}"`, edits: [{ offset: src.lineSpan(p.l).startOffset + keyAt, length: f.key.length, newText: near }] } : undefined);
      continue;
    }
    prose.push(src.line(p.l).trim());
  }
  if (prose.length) profile.push(prose.join('\n'));
}

function linesText(src: SourceText, first: number, last: number): string {
  const out: string[] = [];
  for (let l = first; l < last && l < src.lineCount; l++) out.push(src.line(l).trimEnd());
  return out.join('\n').trim();
}

function addField(ctx: Ctx, client: Client, line: number, f: { key: string; valueStart: number; value: string }, canonical: string): void {
  const { src } = ctx;
  const lineText = src.line(line);
  const lead = lineText.length - lineText.trimStart().length;
  const field: Field = { key: f.key.trim(), canonical, value: f.value.trim(), span: src.lineSpan(line) };
  client.fields.push(field);
  const vStart = lead + f.valueStart;
  const valueSpan = src.span(line, vStart, Math.max(vStart, lineText.trimEnd().length));
  const value = field.value;
  const checkEmail = (email: string | undefined, who: string): void => {
    if (email === undefined) return;
    if (!isValidEmail(email)) {
      const at = lineText.indexOf(email, vStart);
      const span = at >= 0 && email.length > 0 ? src.span(line, at, at + email.length) : valueSpan;
      diag(ctx, span, 'warning', 'invalid-email', `"${email}" is not a valid e-mail address for ${who}. Write it as name@example.com.`);
    }
  };
  switch (canonical) {
    case 'contact': {
      const p = parsePerson(value);
      client.contacts.push(p);
      if (p.email === undefined) diag(ctx, valueSpan, 'warning', 'invalid-email', `Contact "${p.name || value}" has no e-mail address. Write it as \`Name <name@example.com> (role)\`.`);
      else checkEmail(p.email, `contact ${p.name}`);
      break;
    }
    case 'cc':
      for (const e of splitList(value)) {
        const email = /<([^<>]*)>/.exec(e)?.[1].trim() ?? e;
        client.cc.push(email);
        checkEmail(email, 'Cc');
      }
      break;
    case 'cadence': {
      const c = parseCadence(value);
      if (c) client.cadence = c;
      else diag(ctx, valueSpan, 'warning', 'invalid-cadence', `Cadence "${value}" is not understood. Write \`daily\`, \`weekly Fri\`, \`biweekly Mon\`, \`monthly\` (or 每天, 每周五, 每两周一, 每月).`);
      break;
    }
    case 'language': {
      const l = parseLanguage(value);
      if (l) client.language = l;
      else {
        const s = suggestLanguage(value);
        diag(ctx, valueSpan, 'warning', 'invalid-language', `Language "${value}" is not supported: write \`en\` or \`zh-CN\`${s ? ` (did you mean \`${s}\`?)` : ''}.`,
          s ? { title: `Write "${s}"`, edits: [{ offset: valueSpan.startOffset, length: valueSpan.endOffset - valueSpan.startOffset, newText: s }] } : undefined);
      }
      break;
    }
    case 'paths':
      client.paths.push(...splitList(value));
      break;
    case 'tag':
      client.tags.push(...splitList(value).map((t) => t.replace(/^#/, '')).filter((t) => t.length > 0));
      break;
    case 'owner':
    case 'backup': {
      const p = parsePerson(value);
      if (canonical === 'owner') client.owner = p;
      else client.backup = p;
      checkEmail(p.email, canonical);
      break;
    }
  }
}

function handleSectionBlock(ctx: Ctx, client: Client, section: Section, b: Block): void {
  const { src } = ctx;
  if (section.kind === 'unknown') return;
  if (b.type === 'paragraph') {
    if (section.kind === 'feedback' || section.kind === 'decisions' || section.kind === 'notes') {
      const line = src.line(b.first);
      const lead = line.length - line.trimStart().length;
      const e = parseEntry(ctx, b.first, lead, linesText(src, b.first, b.last).replace(/\n/g, ' '));
      e.span = src.rangeSpan(b.first, b.last - 1);
      client[section.kind].push(e);
    }
    return;
  }
  if (b.type !== 'list') return;
  for (const it of b.items) {
    const lineNo = it.first;
    const line = src.line(lineNo);
    let m = ITEM_RE.exec(line);
    if (!m) continue;
    const odd = ODD_CHECKBOX_RE.exec(line);
    if (odd && m[2] === undefined && (section.kind === 'commitments' || section.kind === 'asks')) {
      const done = /[xX✓✔vV]/.test(odd[2]);
      const replacement = done ? '[x]' : '[ ]';
      const at = odd[1].length;
      diag(ctx, src.span(lineNo, at, at + odd[2].length), 'warning', 'malformed-checkbox',
        `"${odd[2]}" is not a task checkbox: write \`${replacement}\` (space for open, x for done).`,
        { title: `Write ${replacement}`, edits: [{ offset: src.span(lineNo, at, at).startOffset, length: odd[2].length, newText: replacement }] });
      m = null;
    }
    const markerEnd = m ? m[1].length : (ITEM_RE.exec(line)?.[1].length ?? 0);
    const checked = m?.[2];
    const afterBox = checked !== undefined ? markerEnd + 3 : (odd && !m ? odd[1].length + odd[2].length : markerEnd);
    const restRaw = line.slice(afterBox);
    const restStart = afterBox + (restRaw.length - restRaw.trimStart().length);
    const rest = line.slice(restStart);
    switch (section.kind) {
      case 'commitments': {
        if (checked === undefined) continue;
        client.commitments.push(parseCommitment(ctx, client, lineNo, markerEnd, checked, restStart, rest));
        break;
      }
      case 'asks': {
        const toks = scanTokens(rest);
        let askedOn: string | undefined;
        for (const t of toks) {
          if (t.kind !== 'asked') continue;
          if (checkDate(ctx, lineNo, restStart, t) && askedOn === undefined) askedOn = t.value;
        }
        const ask: Ask = { client: client.name, text: removeTokens(rest, toks.filter((t) => t.kind === 'asked')), answered: checked === 'x' || checked === 'X', span: src.lineSpan(lineNo) };
        if (askedOn) ask.askedOn = askedOn;
        client.asks.push(ask);
        break;
      }
      case 'risks':
        client.risks.push(parseRisk(ctx, client, lineNo, restStart, rest));
        break;
      default: {
        const e = parseEntry(ctx, lineNo, restStart, rest);
        client[section.kind as 'feedback' | 'decisions' | 'notes'].push(e);
      }
    }
  }
}

function parseCommitment(ctx: Ctx, client: Client, lineNo: number, markerEnd: number, checked: string, restStart: number, rest: string): Commitment {
  const { src } = ctx;
  const toks = scanTokens(rest);
  const done = checked !== ' ';
  let due: string | undefined;
  let doneDate: string | undefined;
  let dueCount = 0;
  let doneCount = 0;
  const owners: string[] = [];
  const tags: string[] = [];
  for (const t of toks) {
    if (t.kind === 'due') {
      dueCount++;
      if (dueCount > 1) {
        diag(ctx, src.span(lineNo, restStart + t.start, restStart + t.end), 'error', 'duplicate-due', `This commitment has more than one due date (${due ?? 'an invalid one'} first, then ${t.value || 'an empty one'}). Keep exactly one.`);
        continue;
      }
      if (checkDate(ctx, lineNo, restStart, t)) due = t.value;
    } else if (t.kind === 'done') {
      doneCount++;
      if (doneCount > 1) {
        diag(ctx, src.span(lineNo, restStart + t.start, restStart + t.end), 'error', 'duplicate-done-date', 'This commitment has more than one done date. Keep exactly one.');
        continue;
      }
      if (checkDate(ctx, lineNo, restStart, t)) doneDate = t.value;
    } else if (t.kind === 'owner') owners.push(t.value);
    else if (t.kind === 'tag') tags.push(t.value);
  }
  const idx = client.commitments.length;
  const c: Commitment = {
    id: `${client.name}#${idx}`,
    client: client.name,
    title: removeTokens(rest, toks.filter((t) => t.kind !== 'asked')),
    raw: rest,
    done,
    owners,
    tags,
    span: src.lineSpan(lineNo),
    checkboxSpan: src.span(lineNo, markerEnd, markerEnd + 3),
  };
  if (due) c.due = due;
  if (doneDate) c.doneDate = doneDate;
  if (!done && dueCount === 0) {
    diag(ctx, src.lineSpan(lineNo), 'warning', 'missing-due-date', `Open commitment "${c.title}" has no due date. Add one as \`due:YYYY-MM-DD\` or \`📅 YYYY-MM-DD\` so it can be tracked.`);
  }
  if (!done && doneCount > 0) {
    diag(ctx, c.checkboxSpan, 'warning', 'done-without-check', `"${c.title}" has a done date but its box is not ticked. Tick it (\`[x]\`) if it is done, or remove the done date.`,
      { title: 'Tick the box', edits: [{ offset: c.checkboxSpan.startOffset + 1, length: 1, newText: 'x' }] });
  }
  if (done && doneCount === 0) {
    diag(ctx, c.checkboxSpan, 'info', 'checked-without-done-date', `"${c.title}" is ticked but has no done date. Add \`done:YYYY-MM-DD\` so reports know when it was delivered.`);
  }
  return c;
}

const MITIGATION_RE = /[ \t]*(?:[—–;；]|-{1,2}|[,，])?[ \t]*(?:mitigation|应对)[ \t]*[:：][ \t]*/i;

function parseRisk(ctx: Ctx, client: Client, lineNo: number, restStart: number, rest: string): Risk {
  const { src } = ctx;
  const risk: Risk = { client: client.name, description: rest.trim(), span: src.lineSpan(lineNo) };
  let body = rest;
  const lm = /^([\p{L}]+)[ \t]*[:：][ \t]*/u.exec(rest);
  if (lm && RISK_LEVELS[lm[1].toLowerCase()]) {
    risk.level = RISK_LEVELS[lm[1].toLowerCase()];
    body = rest.slice(lm[0].length);
  } else if (lm && !/^(mitigation|应对)$/i.test(lm[1])) {
    const near = closest(lm[1], ['low', 'medium', 'high']);
    diag(ctx, src.span(lineNo, restStart, restStart + lm[1].length), 'warning', 'invalid-risk-level',
      `Risk level "${lm[1]}" is not known: write low, medium or high (低, 中, 高)${near ? ` — did you mean "${near}"?` : ''}.`,
      near ? { title: `Write "${near}"`, edits: [{ offset: src.span(lineNo, restStart, restStart).startOffset, length: lm[1].length, newText: near }] } : undefined);
    body = rest.slice(lm[0].length);
  } else {
    diag(ctx, src.span(lineNo, restStart, rest.length + restStart), 'warning', 'invalid-risk-level',
      'This risk has no level. Start it with `low:`, `medium:` or `high:` (低：, 中：, 高：).');
  }
  const mm = MITIGATION_RE.exec(body);
  if (mm) {
    risk.description = body.slice(0, mm.index).trim();
    const mit = body.slice(mm.index + mm[0].length).trim();
    if (mit) risk.mitigation = mit;
  } else risk.description = body.trim();
  if (!risk.mitigation) {
    diag(ctx, src.lineSpan(lineNo), 'warning', 'risk-without-mitigation',
      `Risk "${risk.description}" has no mitigation. Add \`— mitigation: <what you do about it>\` (应对：…).`);
  }
  return risk;
}

/** Parses clients.md. Never throws: an internal failure becomes an `internal-error` diagnostic. */
export function parseClients(text: string): ClientsFile {
  try {
    const file = parseInner(typeof text === 'string' ? text : String(text ?? ''));
    file.diagnostics.push(...pathOverlapDiagnostics(file.clients));
    file.diagnostics.sort((a, b) => a.span.startOffset - b.span.startOffset);
    return file;
  } catch (e) {
    return {
      clients: [],
      eol: '\n',
      hasBom: typeof text === 'string' && text.charCodeAt(0) === 0xfeff,
      diagnostics: [{
        span: { startLine: 0, startColumn: 0, endLine: 0, endColumn: 0, startOffset: 0, endOffset: 0 },
        severity: 'error', code: 'internal-error',
        message: `Client Pulse could not read this file (${e instanceof Error ? e.message : String(e)}). Please report this with the file attached.`,
      }],
    };
  }
}
