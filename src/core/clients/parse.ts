/**
 * Parser of `.project/clients.md`: markdown-it's block token stream gives the structure (headings,
 * lists, paragraphs and their lines via `token.map`); exact columns and offsets are then computed
 * on the original text (BOM, CRLF and lone CR kept). Never throws.
 *
 * This file walks the blocks and opens clients and sections; the parts it hands work to:
 * `blocks.ts` (markdown-it tokens → blocks), `source.ts` (positions), `vocabulary.ts` (keys and
 * section names in both languages), `header.ts` (fields), `sections.ts` (commitments, asks, risks,
 * entries), `tokens.ts` (`due:`, `@owner`, `#tag` …), `values.ts` (value parsers), `suggest.ts`
 * ("did you mean").
 */
import type { Client, ClientsFile, Section, SectionKind, Span } from './model';
import { eachBlock, type Block } from './blocks';
import { diag, type Ctx } from './context';
import { handleHeaderBlock } from './header';
import { handleSectionBlock } from './sections';
import { pathOverlapDiagnostics } from './overlap';
import { lastContentLine, SourceText } from './source';
import { closest } from './suggest';
import { ITEM_RE } from './tokens';
import { SECTION_ENGLISH, SECTION_NAMES } from './vocabulary';

function emptyClient(name: string, headingSpan: Span): Client {
  return {
    name, headingSpan, span: headingSpan, profile: '', fields: [], contacts: [], cc: [], paths: [], tags: [], repos: [],
    sections: [], commitments: [], risks: [], asks: [], feedback: [], decisions: [], notes: [],
  };
}

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

/** The walk's state: the client and section being filled, the client's profile so far. */
interface Walk extends Ctx {
  file: ClientsFile;
  client?: Client;
  section?: Section;
  profile: string[];
  /** Client names seen so far (lower-cased) → the first client of that name. */
  seen: Map<string, Client>;
}

function parseInner(text: string): ClientsFile {
  const src = new SourceText(text);
  const diags: Ctx['diags'] = [];
  const { crlf, lf } = lineBreaks(text);
  const eol: '\n' | '\r\n' = crlf > lf ? '\r\n' : '\n';
  const file: ClientsFile = { clients: [], diagnostics: diags, eol, hasBom: src.bom === 1 };
  const w: Walk = { src, diags, file, profile: [], seen: new Map() };

  const body = text.slice(src.bom);
  if (body.trim() === '') {
    diag(w, src.span(0, 0, 0), 'warning', 'empty-file', 'The clients file is empty. Add a client as a level-1 heading (`# Client name`) followed by its fields and sections; see "The .project/clients.md file" in the Client Pulse README.');
    return file;
  }
  eachBlock(body, (b) => {
    if (b.unclosed) unclosedFence(w, b, b.unclosed.markup);
    if (b.type === 'heading' && b.level === 1) openClient(w, b);
    else if (b.type === 'heading' && b.level === 2 && w.client) openSection(w, w.client, b);
    else if (b.type === 'heading' && w.client) minorHeading(w, b);
    else if (!w.client) reportOutside(w, b);
    else if (!w.section) handleHeaderBlock(w, w.client, b, w.profile);
    else handleSectionBlock(w, w.client, w.section, b);
  });
  closeSection(w, src.lineCount);
  closeClient(w, src.lineCount);
  if (file.clients.length === 0 && diags.length === 0) {
    diag(w, src.span(0, 0, 0), 'warning', 'empty-file', 'No client found: each client starts with a level-1 heading (`# Client name`). See "The .project/clients.md file" in the Client Pulse README.');
  }
  return file;
}

/**
 * The counts the file's line-break style is chosen by, as the matches of `/\r\n/g` and of
 * `/(^|[^\r])\n/g` count them, without building their arrays. The second takes the character before
 * each LF with it, so a LF right after the one it counted (a blank line) is not counted.
 */
export function lineBreaks(text: string): { crlf: number; lf: number } {
  let crlf = 0;
  let lf = 0;
  // Where the last LF match ended: the next may not start before it.
  let next = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) {
    const cr = at > 0 && text.charCodeAt(at - 1) === 0x0d;
    if (cr) crlf++;
    if (at === 0) {
      lf++;
      next = 1;
    } else if (!cr && at - 1 >= next) {
      lf++;
      next = at + 1;
    }
  }
  return { crlf, lf };
}

function closeClient(w: Walk, endLine: number): void {
  const { client, src } = w;
  if (!client) return;
  const last = lastContentLine(src, client.headingSpan.startLine, endLine);
  client.span = src.rangeSpan(client.headingSpan.startLine, last);
  client.profile = w.profile.join('\n\n');
  w.profile.length = 0;
}

function closeSection(w: Walk, endLine: number): void {
  const { section, src } = w;
  if (!section) return;
  section.span = src.rangeSpan(section.headingSpan.startLine, lastContentLine(src, section.headingSpan.startLine, endLine));
  w.section = undefined;
}

/** `# Name`: a new client (checked for an empty or repeated name, or a section written as `#`). */
function openClient(w: Walk, b: Block): void {
  const { src, file } = w;
  closeSection(w, b.first);
  closeClient(w, b.first);
  const lineText = src.line(b.first);
  const name = b.text.trim();
  const hs = src.lineSpan(b.first);
  const client = emptyClient(name, hs);
  w.client = client;
  file.clients.push(client);
  if (name === '') {
    diag(w, hs, 'error', 'empty-client-name', 'This client heading has no name. Write the client\'s name after `# `, e.g. `# Acme Retail`.');
    return;
  }
  const key = name.toLowerCase();
  const prev = w.seen.get(key);
  if (prev) {
    diag(w, hs, 'error', 'duplicate-client', `Client "${name}" is already defined on line ${prev.headingSpan.startLine + 1}. Merge the two entries or give each client a distinct name.`);
  } else w.seen.set(key, client);
  if (SECTION_NAMES[key] && file.clients.length > 1) {
    const hashes = /^[ \t]*#/.exec(lineText);
    diag(w, hs, 'warning', 'heading-level', `"# ${name}" starts a new client. If it is a section of the client above, write "## ${name}".`,
      hashes ? { title: `Make "${name}" a section (##)`, edits: [{ offset: hs.startOffset + hashes[0].length - 1, length: 0, newText: '#' }] } : undefined);
  }
}

/** `## Heading` inside a client: a known section, or an unknown one (kept, not read). */
function openSection(w: Walk, client: Client, b: Block): void {
  const { src } = w;
  closeSection(w, b.first);
  const heading = b.text.trim();
  const kind: SectionKind = (SECTION_NAMES[heading.toLowerCase()] as SectionKind | undefined) ?? 'unknown';
  const hs = src.lineSpan(b.first);
  const section: Section = { kind, heading, headingSpan: hs, span: hs };
  w.section = section;
  client.sections.push(section);
  if (kind === 'unknown') {
    const near = closest(heading, SECTION_ENGLISH);
    const lineText = src.line(b.first);
    const at = lineText.indexOf(heading);
    const fix = near && at >= 0 ? { title: `Rename to "${near}"`, edits: [{ offset: hs.startOffset + at, length: heading.length, newText: near }] } : undefined;
    diag(w, hs, 'warning', 'unknown-section',
      `Unknown section "${heading}"${near ? ` — did you mean "${near}"?` : '.'} Known sections: Commitments/承诺, Risks/风险, Asks/待客户确认, Feedback/反馈, Decisions/决定, Notes/备注. Its content is kept but not read.`, fix);
  }
}

/** A level-3+ heading inside a client is text; one named like a section gets a hint. */
function minorHeading(w: Walk, b: Block): void {
  const { src } = w;
  const heading = b.text.trim();
  if (b.level >= 3 && SECTION_NAMES[heading.toLowerCase()]) {
    const hs = src.lineSpan(b.first);
    const lineText = src.line(b.first);
    const hashes = /^[ \t]*(#+)/.exec(lineText);
    const fix = hashes ? { title: `Make it "## ${heading}"`, edits: [{ offset: hs.startOffset + hashes.index + hashes[0].length - hashes[1].length, length: hashes[1].length, newText: '##' }] } : undefined;
    diag(w, hs, 'info', 'heading-level', `"${'#'.repeat(b.level)} ${heading}" is read as text, not as a section: sections are level-2 headings. Write "## ${heading}".`, fix);
  }
}

/** An unclosed fence: said on its line, with a fix that closes it before the heading the reading resumes at. */
function unclosedFence(w: Walk, b: Block, markup: string): void {
  const { src, file } = w;
  const resumes = b.last < src.lineCount;
  const at = resumes ? src.lineStarts[b.last] + (b.last === 0 ? src.bom : 0) : src.text.length;
  const newText = resumes ? `${markup}${file.eol}` : `${file.eol}${markup}`;
  diag(w, src.lineSpan(b.first), 'warning', 'unclosed-code-block',
    resumes
      ? `This code block (${markup}) is never closed, so everything after it would be code. Client Pulse reads on from the next heading (line ${b.last + 1}); close the block with ${markup} on a line of its own.`
      : `This code block (${markup}) is never closed: the rest of the file is code and is not read. Close it with ${markup} on a line of its own.`,
    { title: `Close the code block (${markup})`, edits: [{ offset: at, length: 0, newText }] });
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
