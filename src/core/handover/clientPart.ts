/** One client's part of the handover as markdown, in the client's language. */
import type { Entry } from '../clients/model';
import { formatDay, formatDayWithWeekday, formatRange } from '../l10n/dates';
import { addDays, daysBetween, isoWeek, startOfWeek } from '../calendar';
import { phrasesFor as draftPhrasesFor } from '../l10n/phrases';
import type { ActivityItem } from '../git/types';
import type { StatusAssessment } from '../model';
import { groupIntoAreas, MAX_AREAS } from './areas';
import { isLongLivedBranch } from './branches';
import type { ClientFacts, OpenCommitment } from './facts';
import { formatPerson } from './person';
import type { CodeArea } from './types';
import type { Letter } from './letter';

export interface PartContext {
  from: string;
  today: string;
  since: string;
  refYear: number;
  status?: StatusAssessment;
  /** False: git history was not read, so nothing is claimed about commits, code areas or branches. */
  historyRead: boolean;
}

const short = (hash: string) => hash.slice(0, 7);
const code = (text: string) => `\`${text.replace(/`/gu, "'")}\``;

function profile(f: ClientFacts): string[] {
  return [`### ${f.p.profile}`, '', f.client.profile.trim() || f.p.noProfile];
}

function contacts(f: ClientFacts): string[] {
  const { p, client } = f;
  const out = [`### ${p.contacts}`, ''];
  if (client.contacts.length === 0) out.push(p.noContacts);
  client.contacts.forEach((c, i) => {
    const role = c.role ? p.paren(c.role) : '';
    const mail = c.email ? ` <${c.email}>` : '';
    out.push(`- ${c.name}${role}${mail}${i === 0 ? `${p.colon}${p.firstContact}` : ''}`);
  });
  if (client.cc.length > 0) out.push(`- ${p.cc}${p.colon}${client.cc.join(', ')}`);
  out.push(`- ${p.ownerBackup(client.owner ? formatPerson(client.owner) : p.none, client.backup ? formatPerson(client.backup) : p.none)}`);
  return out;
}

function cadence(f: ClientFacts, ctx: PartContext): string[] {
  const { p, client, lang } = f;
  const out = [`### ${p.cadenceTitle}`, ''];
  out.push(`- ${p.cadence}${p.colon}${client.cadence ? client.cadence.raw : p.noCadence}`);
  out.push(
    `- ${f.lastSent ? p.lastSent(formatDayWithWeekday(f.lastSent, lang, ctx.refYear), daysBetween(f.lastSent, ctx.today)) : p.noLastSent}`,
  );
  if (f.nextUpdate) {
    const relative = p.inDays(daysBetween(ctx.today, f.nextUpdate));
    out.push(`- ${p.nextDue(formatDayWithWeekday(f.nextUpdate, lang, ctx.refYear), relative, f.leadName)}`);
  }
  return out;
}

function status(f: ClientFacts, s: StatusAssessment | undefined): string[] {
  const { p } = f;
  if (!s) return [`### ${p.statusTitle('?')}`, '', p.noStatus];
  const label = draftPhrasesFor(f.lang).statusLabel[s.status];
  const out = [`### ${p.statusTitle(label)}${s.overridden ? ` ${p.overridden}` : ''}`, ''];
  for (const r of s.reasons) out.push(`- ${r}`);
  return out;
}

function commitmentLine(f: ClientFacts, o: OpenCommitment, ctx: PartContext): string[] {
  const { p, lang } = f;
  const c = o.commitment;
  const due = c.due ? p.due(formatDayWithWeekday(c.due, lang, ctx.refYear)) : p.noDue;
  const state =
    o.dueIn === undefined ? undefined : o.dueIn < 0 ? p.overdueBy(-o.dueIn) : o.dueIn === 0 ? p.dueToday : p.dueIn(o.dueIn);
  const owner = c.owners.length > 0 ? p.owner(c.owners.map((h) => `@${h}`).join(' ')) : p.noOwner;
  const tags = c.tags.map((t) => `#${t}`).join(' ');
  const head = [`**${c.title}**`, [due, state].filter(Boolean).join(p.comma), owner, tags].filter(Boolean).join(' · ');
  const out = [`- ${head}`];
  if (!ctx.historyRead) out.push(`  - ${p.linkedUnknown}`);
  else if (o.linked.length === 0) out.push(`  - ${p.noLinked}`);
  else {
    const last = formatDay(o.linked[0].commit.authorDate.slice(0, 10), lang, ctx.refYear);
    out.push(`  - ${p.linked(o.linked.length, last)}${p.colon.trimEnd()}`);
    for (const i of o.linked.slice(0, 3)) {
      const when = formatDay(i.commit.authorDate.slice(0, 10), lang, ctx.refYear);
      out.push(`    - ${code(short(i.commit.hash))} ${i.internalText}${p.paren(`${i.commit.authorName}${p.comma}${when}`)}`);
    }
    if (o.linked.length > 3) out.push(`    - ${p.more(o.linked.length - 3)}`);
  }
  if (o.ownedByDeparting) out.push(`  - ⚠ ${p.needsNewOwner(ctx.from)}`);
  return out;
}

function commitments(f: ClientFacts, ctx: PartContext): string[] {
  const out = [`### ${f.p.commitments}`, ''];
  if (f.open.length === 0) out.push(f.p.noCommitments);
  for (const o of f.open) out.push(...commitmentLine(f, o, ctx));
  return out;
}

function risks(f: ClientFacts): string[] {
  const { p, client } = f;
  const out = [`### ${p.risks}`, ''];
  if (client.risks.length === 0) out.push(p.noRisks);
  const order = { high: 0, medium: 1, low: 2 } as const;
  const sorted = [...client.risks].sort((a, b) => (a.level ? order[a.level] : 3) - (b.level ? order[b.level] : 3));
  for (const r of sorted) {
    const level = r.level ? p.riskLevel[r.level] : p.unratedRisk;
    const mitigation = r.mitigation ? `${p.mitigation}${p.colon}${r.mitigation}` : p.noMitigation;
    out.push(`- **${level}**${p.colon}${r.description} · ${mitigation}`);
  }
  return out;
}

function asks(f: ClientFacts, ctx: PartContext): string[] {
  const { p, lang } = f;
  const out = [`### ${p.asks}`, ''];
  if (f.waiting.length === 0) out.push(p.noAsks);
  const sorted = [...f.waiting].sort((a, b) => (b.days ?? -1) - (a.days ?? -1));
  for (const w of sorted) {
    const when = w.days !== undefined && w.ask.askedOn ? p.waiting(w.days, formatDay(w.ask.askedOn, lang, ctx.refYear)) : p.waitingUndated;
    out.push(`- ${w.ask.text} · ${when}`);
  }
  return out;
}

function entries(f: ClientFacts, list: Entry[], refYear: number): string[] {
  return [...list]
    .sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''))
    .map((e) => `- ${e.date ? `${formatDay(e.date, f.lang, refYear)}${f.p.colon}` : ''}${e.text}`);
}

function feedback(f: ClientFacts, ctx: PartContext): string[] {
  const out = [`### ${f.p.feedback}`, ''];
  if (f.client.feedback.length === 0) out.push(f.p.noFeedback);
  out.push(...entries(f, f.client.feedback, ctx.refYear));
  if (f.client.decisions.length + f.client.notes.length > 0) {
    out.push('', `### ${f.p.decisionsNotes}`, '');
    out.push(...entries(f, f.client.decisions, ctx.refYear), ...entries(f, f.client.notes, ctx.refYear));
  }
  return out;
}

/** The area (from the client's own grouping of all files changed in the window) of a file. */
function areaIndex(items: ActivityItem[], keep: (file: string) => boolean, baseDepth: (file: string) => number): (file: string) => string {
  const files = new Map<string, { changes: number; commits: Set<string>; lastChange: string }>();
  for (const i of items) for (const file of i.commit.files.filter(keep)) files.set(file, { changes: 1, commits: new Set(), lastChange: '' });
  const buckets = groupIntoAreas(files, baseDepth);
  const byFile = new Map<string, string>();
  for (const b of buckets) for (const file of b.files.keys()) byFile.set(file, b.key);
  return (file) => byFile.get(file) ?? file;
}

const KIND_ORDER = { feature: 0, fix: 1, perf: 2, revert: 3, docs: 4, other: 5 } as const;

function timeline(f: ClientFacts, ctx: PartContext): string[] {
  const { p, lang } = f;
  const out = [`### ${p.window(formatDay(ctx.since, lang, ctx.refYear), formatDay(ctx.today, lang, ctx.refYear))}`, ''];
  if (!ctx.historyRead) return [...out, p.historyNotRead];
  const commits = f.items.filter((i) => i.commit.parents.length <= 1);
  if (commits.length === 0) return [...out, p.noWindowActivity];
  const areaOf = areaIndex(commits, f.ofClient, f.baseDepth);
  const weeks = new Map<string, ActivityItem[]>();
  const mondays = new Map<string, string>();
  for (const i of commits) {
    const day = i.commit.authorDate.slice(0, 10);
    let monday = mondays.get(day);
    if (monday === undefined) mondays.set(day, (monday = startOfWeek(day, 'monday')));
    const list = weeks.get(monday) ?? [];
    list.push(i);
    weeks.set(monday, list);
  }
  for (const monday of [...weeks.keys()].sort().reverse()) {
    const list = weeks.get(monday) ?? [];
    const people = [...new Set(list.map((i) => i.commit.authorName))].sort();
    const perArea = new Map<string, number>();
    for (const i of list) for (const a of new Set(i.commit.files.filter(f.ofClient).map(areaOf))) perArea.set(a, (perArea.get(a) ?? 0) + 1);
    const areas = [...perArea.entries()]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .map(([a, n]) => `${code(a || p.topLevel)} ${n}`)
      .join(p.comma);
    const range = formatRange(monday, addDays(monday, 6), lang, ctx.refYear);
    out.push(`- **${p.week(isoWeek(monday).week, range)}**${p.colon}${p.weekLine(list.length, p.list(people))}${areas ? ` · ${areas}` : ''}`);
    const highlights = [...list]
      .filter((i) => i.hidden === undefined || i.hidden === 'reverted')
      .sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.commit.authorDate < b.commit.authorDate ? 1 : -1))
      .slice(0, 4);
    for (const i of highlights) out.push(`  - ${i.internalText}${p.paren(i.commit.authorName)}`);
  }
  return out;
}

export function areaLines(f: Pick<ClientFacts, 'p' | 'lang'>, areas: CodeArea[], refYear: number): string[] {
  const { p, lang } = f;
  const out: string[] = [];
  for (const a of areas.slice(0, MAX_AREAS)) {
    const name = `${a.repository ? `${a.repository}: ` : ''}${a.path || p.topLevel}`;
    const others =
      a.others.length > 0 ? p.alsoKnows(p.list(a.others.slice(0, 3).map((e) => p.expert(e.name, e.commits)))) : p.nobodyElse;
    out.push(`- ${code(name)}${p.colon}${p.areaLine(a.changes, a.commits, formatDay(a.lastChange, lang, refYear))} · ${others}`);
    if (a.topFiles.length > 1 || (a.topFiles.length === 1 && a.topFiles[0] !== a.path)) {
      out.push(`  - ${p.mainFiles}${p.colon}${a.topFiles.map(code).join(p.comma)}`);
    }
  }
  const rest = areas.slice(MAX_AREAS);
  if (rest.length > 0) out.push(`- ${p.moreAreas(rest.length, rest.reduce((sum, a) => sum + a.changes, 0))}`);
  return out;
}

function areas(f: ClientFacts, ctx: PartContext): string[] {
  const out = [`### ${f.p.areasWorked(ctx.from)}`, ''];
  if (!ctx.historyRead) return [...out, f.p.historyNotRead];
  if (f.areas.length === 0) return [...out, f.p.noAreas(ctx.from)];
  return [...out, ...areaLines(f, f.areas, ctx.refYear)];
}

export function branchLines(
  f: Pick<ClientFacts, 'p' | 'lang'>,
  branches: ClientFacts['branches'],
  from: string,
  refYear: number,
): string[] {
  const { p, lang } = f;
  return branches.map((b) => {
    const name = `${b.repository ? `${b.repository}: ` : ''}${b.branch.name}`;
    const line = p.branchLine(b.branch.ahead, b.base, b.branch.lastAuthorName, formatDay(b.branch.lastDate.slice(0, 10), lang, refYear));
    const advice = isLongLivedBranch(b.branch) ? ` · ${p.longLivedBranch(b.departing ? from : undefined)}` : b.departing ? ` · ${p.departingBranch(from)}` : '';
    return `- ${code(name)}${p.colon}${line}${p.paren(p.quote(b.branch.subject))}${advice}`;
  });
}

function branches(f: ClientFacts, ctx: PartContext): string[] {
  const out = [`### ${f.p.branches}`, ''];
  if (!ctx.historyRead) return [...out, f.p.historyNotRead];
  if (f.branches.length === 0) return [...out, f.p.noBranches];
  return [...out, ...branchLines(f, f.branches, ctx.from, ctx.refYear)];
}

function deadlines(f: ClientFacts, ctx: PartContext): string[] {
  const { p, lang } = f;
  const out = [`### ${p.deadlines}`, ''];
  const soon = f.open.filter((o) => o.dueIn !== undefined && o.dueIn >= 0 && o.dueIn <= 30);
  if (soon.length === 0) return [...out, p.noDeadlines];
  for (const o of soon) {
    const c = o.commitment;
    const owner = c.owners.length > 0 ? ` · ${c.owners.map((h) => `@${h}`).join(' ')}` : '';
    out.push(`- ${p.when(formatDayWithWeekday(c.due ?? ctx.today, lang, ctx.refYear), p.inDays(o.dueIn ?? 0))}${p.colon}${c.title}${owner}`);
  }
  return out;
}

function letter(f: ClientFacts, l: Letter | undefined, from: string): string[] {
  const { p } = f;
  if (!l) return [`### ${p.letterTitle}`, '', p.noLetter(from)];
  const to = l.to.length > 0 ? l.to.map(formatPerson).join(', ') : p.placeholderContact;
  const label = (text: string) => `**${text}${p.colon.trimEnd()}** `;
  const out = [`### ${p.letterTitle}`, '', `${label(p.letterTo)}${to}  `];
  if (l.cc.length > 0) out.push(`${label(p.letterCc)}${l.cc.join(', ')}  `);
  out.push(`${label(p.letterSubject)}${l.subject}`, '', l.body);
  return out;
}

function checklist(f: ClientFacts, items: string[]): string[] {
  if (items.length === 0) return [`### ${f.p.checklistTitle}`, '', f.p.nothingToHandOver];
  return [`### ${f.p.checklistTitle}`, '', ...items.map((i) => `- [ ] ${i}`)];
}

export function clientMarkdown(f: ClientFacts, ctx: PartContext, l: Letter | undefined, check: string[]): string {
  const { p } = f;
  const part = f.lead.kind === 'owner' && f.to && f.role !== 'none' ? ` ${p.takesPart(formatPerson(f.to), ctx.from)}` : '';
  const intro = [f.role === 'none' && !ctx.historyRead ? p.roleNoneUnread(ctx.from) : p.roleLine(ctx.from, f.role), p.leadLine(f.lead.kind, f.lead.person ? formatPerson(f.lead.person) : f.leadName), part.trim()]
    .filter(Boolean)
    .join(p.sentenceSep);
  const blocks = [
    [`## ${f.client.name}`, '', intro],
    profile(f),
    contacts(f),
    cadence(f, ctx),
    status(f, ctx.status),
    commitments(f, ctx),
    risks(f),
    asks(f, ctx),
    feedback(f, ctx),
    timeline(f, ctx),
    areas(f, ctx),
    branches(f, ctx),
    deadlines(f, ctx),
    letter(f, l, ctx.from),
    checklist(f, check),
  ];
  return blocks.map((b) => b.join('\n')).join('\n\n');
}
