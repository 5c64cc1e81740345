/** The items of a client's sections: commitments, asks, risks and dated entries. */
import type { Ask, Client, Commitment, CommitmentStatus, Entry, Risk, Section } from './model';
import type { Block } from './blocks';
import { diag, type Ctx } from './context';
import { dateProblem, likelyDate } from '../calendar';
import { linesText } from './source';
import { closest } from './suggest';
import { ITEM_RE, ODD_CHECKBOX_RE, removeTokens, scanTokens, titleOf, type ItemToken } from './tokens';
import { RISK_LEVELS } from './vocabulary';

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
  const label = tok.marker;
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

export function handleSectionBlock(ctx: Ctx, client: Client, section: Section, b: Block): void {
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
    const item = ITEM_RE.exec(line);
    if (!item) continue;
    // Five or more columns after the list marker: by CommonMark the item starts with indented
    // code (`-     [ ] x`), so its box is code, not a task.
    if (item[2] !== undefined && (/[ \t]+$/.exec(item[1])?.[0] ?? '').replace(/\t/g, '    ').length >= 5) continue;
    // `[✓]`, `[v]`: done written another way, reported as a malformed checkbox below.
    const written = item[2] !== undefined && /[✓✔vV]/.test(item[2]) ? undefined : item[2];
    let m: RegExpExecArray | null = item;
    // Only a line without a box of its own can have a malformed one.
    const odd = written === undefined ? ODD_CHECKBOX_RE.exec(line) : null;
    if (odd && written === undefined && (section.kind === 'commitments' || section.kind === 'asks')) {
      const done = /[xX✓✔vV]/.test(odd[2]);
      const replacement = done ? '[x]' : '[ ]';
      const at = odd[1].length;
      diag(ctx, src.span(lineNo, at, at + odd[2].length), 'warning', 'malformed-checkbox',
        `"${odd[2]}" is not a task checkbox: write \`${replacement}\` (space for open, x for done).`,
        { title: `Write ${replacement}`, edits: [{ offset: src.span(lineNo, at, at).startOffset, length: odd[2].length, newText: replacement }] });
      m = null;
    }
    const markerEnd = item[1].length;
    const checked = m ? written : undefined;
    const afterBox = checked !== undefined ? markerEnd + 3 : (odd && !m ? odd[1].length + odd[2].length : markerEnd);
    const restRaw = line.slice(afterBox);
    const restStart = afterBox + (restRaw.length - restRaw.trimStart().length);
    const rest = line.slice(restStart);
    switch (section.kind) {
      case 'commitments': {
        if (checked === undefined) continue;
        if (rest.trim() === '') {
          diag(ctx, src.lineSpan(lineNo), 'warning', 'empty-commitment', 'This task item has no text, so it is not read as a commitment. Write what was promised after the box (`- [ ] Beta on TestFlight due:2026-12-04`), or delete the line.');
          continue;
        }
        // The tokens are scanned once; `asked:` is not a commitment's token, but an item of nothing else has no title either.
        const toks = scanTokens(rest);
        const own = toks.some((t) => t.kind === 'asked') ? toks.filter((t) => t.kind !== 'asked') : toks;
        const title = titleOf(rest, own);
        if ((own === toks ? title : titleOf(rest, toks)) === '') {
          diag(ctx, src.lineSpan(lineNo), 'warning', 'empty-commitment', 'This commitment has dates or names but no title. Write what was promised before them, e.g. `- [ ] Beta on TestFlight due:2026-12-04`.');
        }
        client.commitments.push(parseCommitment(ctx, client, { lineNo, markerEnd, checked, restStart, rest, toks, title }));
        continuationDates(ctx, lineNo, it.last);
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

/** A commitment's line as `handleSectionBlock` read it: the box, the text after it, its tokens and its title. */
interface CommitmentLine {
  lineNo: number;
  markerEnd: number;
  checked: string;
  restStart: number;
  rest: string;
  toks: ItemToken[];
  /** `titleOf(rest, toks)` without `asked:` tokens. */
  title: string;
}

function parseCommitment(ctx: Ctx, client: Client, { lineNo, markerEnd, checked, restStart, rest, toks, title }: CommitmentLine): Commitment {
  const { src } = ctx;
  const status: CommitmentStatus = checked === 'x' || checked === 'X' ? 'done' : checked === '/' ? 'in-progress' : checked === '-' ? 'cancelled' : 'open';
  const done = status === 'done';
  if (!/^[ xX/-]$/.test(checked)) {
    diag(ctx, src.span(lineNo, markerEnd, markerEnd + 3), 'warning', 'unknown-status',
      `\`[${checked}]\` is not a status Client Pulse knows, so this commitment is read as open. Write \`[ ]\` (open), \`[/]\` (in progress), \`[-]\` (cancelled) or \`[x]\` (done).`);
  }
  let cancelledDate: string | undefined;
  let due: string | undefined;
  let doneDate: string | undefined;
  let promised: string | undefined;
  let promisedTok: ItemToken | undefined;
  let dueCount = 0;
  let doneCount = 0;
  let promisedCount = 0;
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
    } else if (t.kind === 'promised') {
      promisedCount++;
      if (promisedCount > 1) {
        diag(ctx, src.span(lineNo, restStart + t.start, restStart + t.end), 'error', 'duplicate-promised', 'This commitment has more than one promised date. Keep one: the date first promised to the client.');
        continue;
      }
      if (checkDate(ctx, lineNo, restStart, t)) {
        promised = t.value;
        promisedTok = t;
      }
    } else if (t.kind === 'cancelled') {
      if (checkDate(ctx, lineNo, restStart, t) && cancelledDate === undefined) cancelledDate = t.value;
    } else if (t.kind === 'scheduled' || t.kind === 'start' || t.kind === 'created') {
      // Obsidian Tasks' other dates: checked and kept out of the title, not used in reports.
      checkDate(ctx, lineNo, restStart, t);
    } else if (t.kind === 'owner') owners.push(t.value);
    else if (t.kind === 'tag') tags.push(t.value);
  }
  const idx = client.commitments.length;
  const c: Commitment = {
    id: `${client.name}#${idx}`,
    client: client.name,
    title,
    raw: rest,
    done,
    status,
    mark: checked,
    owners,
    tags,
    span: src.lineSpan(lineNo),
    checkboxSpan: src.span(lineNo, markerEnd, markerEnd + 3),
  };
  if (due) c.due = due;
  if (doneDate) c.doneDate = doneDate;
  if (cancelledDate && status === 'cancelled') c.cancelledDate = cancelledDate;
  if (promised && promisedTok) {
    const at = src.span(lineNo, restStart + promisedTok.start, restStart + promisedTok.end);
    if (dueCount === 0) {
      diag(ctx, at, 'warning', 'promised-without-due', `"${c.title}" has a promised date (${promised}) but no due date. Add the new date as \`due:YYYY-MM-DD\`, or remove the promised date.`);
    } else if (due && promised >= due) {
      diag(ctx, at, 'warning', 'promised-not-before-due', `The promised date ${promised} of "${c.title}" is not before its due date ${due}: \`promised:\` keeps an earlier date that was moved. Remove it if the date did not move.`);
    } else if (due) c.promised = promised;
  }
  if (status !== 'done' && status !== 'cancelled' && dueCount === 0) {
    diag(ctx, src.lineSpan(lineNo), 'warning', 'missing-due-date', `Open commitment "${c.title}" has no due date. Add one as \`due:YYYY-MM-DD\` or \`📅 YYYY-MM-DD\` so it can be tracked.`);
  }
  if (!done && doneCount > 0) {
    // Ticking changes what the item means: offered only when the done date is a real date and nothing says otherwise.
    const certain = doneDate !== undefined && status !== 'cancelled';
    diag(ctx, c.checkboxSpan, 'warning', 'done-without-check', `"${c.title}" has a done date but its box is not ticked. Tick it (\`[x]\`) if it is done, or remove the done date.`,
      certain ? { title: 'Tick the box', edits: [{ offset: c.checkboxSpan.startOffset + 1, length: 1, newText: 'x' }] } : undefined);
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


/**
 * Only an item's first line is read: a date written on a continuation line of its paragraph
 * (`  due:2026-12-01`) would be lost silently, so it is reported (`date-on-continuation`).
 */
function continuationDates(ctx: Ctx, first: number, last: number): void {
  const { src } = ctx;
  for (let l = first + 1; l < last && l < src.lineCount; l++) {
    const line = src.line(l);
    const body = line.replace(/^(?:[ \t]*>)*[ \t]*/, '');
    // The paragraph ends at a blank line, a nested item or a fence.
    if (body === '' || ITEM_RE.test(line) || /^(`{3,}|~{3,})/.test(body)) return;
    const dated = scanTokens(body).find((t) => t.kind !== 'owner' && t.kind !== 'tag');
    if (dated) {
      const col = line.length - body.length;
      diag(ctx, src.span(l, col + dated.start, col + dated.end), 'warning', 'date-on-continuation',
        `Only the first line of a commitment is read, so ${body.slice(dated.start, dated.end)} on this line is not used. Move it onto the line with the checkbox (line ${first + 1}).`);
    }
  }
}
