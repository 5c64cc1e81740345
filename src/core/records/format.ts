/**
 * The text of a saved update record: a small front matter (client, sent date, period, status,
 * language, audience, subject, the "next" items promised) followed by the update as sent.
 *
 * ```
 * ---
 * client: "Acme Retail"
 * sent: 2026-11-20
 * period: 2026-11-14..2026-11-20
 * status: at-risk
 * language: en
 * audience: client
 * subject: "[Acme Retail] Weekly update — week 47 (14–20 Nov)"
 * next:
 *   - "Loyalty app beta on TestFlight"
 * ---
 * Subject: [Acme Retail] Weekly update — week 47 (14–20 Nov)
 *
 * Hi Jane, …
 * ```
 *
 * Records are written by people too: the parser accepts `date:` for `sent:`, unquoted values,
 * and, when `next:` is missing, reads the items under a "Next …"/"Plan …"/"下周计划" heading.
 */
import { isIsoDate, isPeriod } from '../calendar';
import type { Audience, IsoDate, Language, Period, Status } from '../model';
import type { ParsedRecord, RecordSource } from './types';

export interface RenderRecordOptions {
  /** The day the update is saved as sent (for a draft: the day it is saved). */
  sent: IsoDate;
  /**
   * A draft saved to work on later, not sent: written as `state: draft` and `saved:` (no `sent:`),
   * so neither the cadence nor "since the last update" counts it.
   */
  draft?: boolean;
  /** The body as the user left it in the panel; defaults to `draft.markdown`. */
  markdown?: string;
}

function quote(value: string): string {
  return JSON.stringify(value);
}

/** The "next" items of a draft as they are saved: what was promised, without dates or markers. */
export function nextItems(draft: RecordSource): string[] {
  const next = draft.sections.find((s) => s.id === 'next');
  return (next?.lines ?? []).filter((l) => !l.dropped).map((l) => l.subject ?? l.text);
}

export function renderRecord(draft: RecordSource, options: RenderRecordOptions): string {
  const next = nextItems(draft);
  const lines = [
    '---',
    `client: ${quote(draft.client)}`,
    ...(options.draft ? ['state: draft', `saved: ${options.sent}`] : [`sent: ${options.sent}`]),
    `period: ${draft.period.since}..${draft.period.until}`,
    `status: ${draft.status.status}`,
    `language: ${draft.language}`,
    `audience: ${draft.audience}`,
    `subject: ${quote(draft.subject)}`,
    next.length ? 'next:' : 'next: []',
    ...next.map((n) => `  - ${quote(n)}`),
    '---',
    `Subject: ${draft.subject}`,
    '',
  ];
  const body = (options.markdown ?? draft.markdown).replace(/\r\n/g, '\n').replace(/\n*$/, '\n');
  return `${lines.join('\n')}\n${body}`;
}

function unquote(raw: string): string {
  const value = raw.trim();
  if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) {
    try {
      const parsed: unknown = JSON.parse(value);
      if (typeof parsed === 'string') return parsed;
    } catch {
      // fall through: keep the text between the quotes
    }
    return value.slice(1, -1);
  }
  if (value.startsWith("'") && value.endsWith("'") && value.length >= 2) return value.slice(1, -1).replace(/''/g, "'");
  return value;
}

const STATUSES: readonly Status[] = ['on-track', 'at-risk', 'off-track'];

function parsePeriod(value: string): Period | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})\s*(?:\.\.|to|–|—|~)\s*(\d{4}-\d{2}-\d{2})$/.exec(value.trim());
  const period = m ? { since: m[1], until: m[2] } : undefined;
  return period && isPeriod(period) ? period : undefined;
}

const NEXT_HEADING = /^(next\b|plan\b|plan for|下周计划|本周计划|下一阶段|下期计划|未来一周计划|第\d+周计划|计划)/i;

/** Strips the markers the composer adds to plan lines: "(due 27 Nov)", "(carried over)", "（12月4日到期）". */
export function planItemText(line: string): string {
  let text = line.trim();
  for (;;) {
    const next = text
      .replace(/\s*\((?:due [^)]*|carried over)\)\s*$/i, '')
      .replace(/\s*（[^）]*(?:到期|顺延)）\s*$/u, '')
      .replace(/[.。;；]+$/u, '')
      .trim();
    if (next === text) return text;
    text = next;
  }
}

function nextFromBody(body: string): string[] {
  const items: string[] = [];
  let inside = false;
  for (const line of body.split(/\r?\n/)) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      inside = NEXT_HEADING.test(heading[1].trim());
      continue;
    }
    if (!inside) continue;
    const item = /^\s*[-*+]\s+(?:\[[ xX]\]\s+)?(.*)$/.exec(line);
    if (item && item[1].trim()) items.push(planItemText(item[1]));
  }
  return items;
}

/**
 * Reads a record. Returns undefined when the text has no front matter with a `client:` and a
 * sent date (`sent:` or `date:`): such a file is not a record.
 */
export function parseRecord(text: string, file?: string): ParsedRecord | undefined {
  const source = text.replace(/^\uFEFF/, '');
  const fm = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(source);
  if (!fm) return undefined;
  const fields = new Map<string, string>();
  let next: string[] | undefined;
  let listKey: string | undefined;
  for (const line of fm[1].split(/\r?\n/)) {
    const item = /^\s+-\s+(.*)$/.exec(line) ?? (listKey ? /^-\s+(.*)$/.exec(line) : null);
    if (item && listKey === 'next') {
      next = [...(next ?? []), planItemText(unquote(item[1]))].filter(Boolean);
      continue;
    }
    const kv = /^([A-Za-z][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (!kv) continue;
    const key = kv[1].toLowerCase();
    const value = kv[2].trim();
    listKey = value === '' ? key : undefined;
    if (key === 'next') next = value === '' || value === '[]' ? [] : [planItemText(unquote(value))];
    else fields.set(key, unquote(value));
  }
  const client = fields.get('client');
  // A saved draft was never sent: it is not a record of an update.
  if (fields.get('state') === 'draft') return undefined;
  const sent = fields.get('sent') ?? fields.get('date');
  if (!client || !sent || !isIsoDate(sent)) return undefined;
  const status = fields.get('status') as Status | undefined;
  const language = fields.get('language');
  const audience = fields.get('audience');
  const body = source.slice(fm[0].length);
  return {
    client,
    sent,
    period: parsePeriod(fields.get('period') ?? ''),
    status: status && STATUSES.includes(status) ? status : undefined,
    language: language === 'en' || language === 'zh-CN' ? (language as Language) : undefined,
    audience: audience === 'client' || audience === 'internal' ? (audience as Audience) : undefined,
    subject: fields.get('subject'),
    next: next ?? nextFromBody(body),
    ...(file !== undefined ? { file } : {}),
  };
}
