/**
 * The composer: from clients.md, the period's activity and "today" to a drafted update, in the
 * client's language, for the client or for the team. Pure and deterministic: no I/O, no clock.
 */
import type { Client, Commitment, IsoDate, Language } from '../clients/model';
import type { ActivityItem, CommitKind, HiddenReason } from '../git/types';
import { addDays, daysBetween, isIsoDate, isoWeek, within, yearOf } from '../calendar';
import { formatDay, formatDayWithWeekday, formatRange } from '../l10n/dates';
import { phrasesFor, stripStop, type KindGroup, type NextWords, type PeriodWords, type Phrases } from '../l10n/phrases';
import { greetingName } from '../l10n/names';
import { compareCommitments } from '../project/order';
import { escapeInline } from './escape';
import { makeRedactor, type Redactor } from '../git/redact';
import { plainPackageName } from '../git/release';
import type { InternalDetail } from './markers';
import { recipientsFor } from './recipients';
import { closedNumbers, commitmentNumbers, withoutReferences } from '../git/refs';
import type { DraftInput } from './input';
import { inOtherLanguage, rewordReasons, type RewordOptions } from './rewordCheck';
import { assessStatus, completedInTime } from './status';
import { breakingItems, touchesWatchedArea } from './breaking';
import { possibleEvidence, suggestLinks } from './suggest';
import { earlierWorkOf, type EarlierWork } from './earlier';
import { DEFAULT_TEMPLATE, renderTemplate } from './template';
import type { Draft, DraftLine, DraftSection, DraftSectionId, LeadNote } from './types';
import type { StatusAssessment } from '../model';
import { NoticeError, type DraftNotice } from '../notices';
import { buildView } from './view';
import { isOpen } from '../clients/queries';
import { brandClass } from '../brand';

/** Commitments due within this many days are listed as "due soon". */
export const DUE_SOON_DAYS = 14;

/** A draft cannot be composed (unknown client, bad period); the notice says what to do. */
export class DraftError extends NoticeError<DraftNotice> {
  override readonly name = 'DraftError';
}
brandClass(DraftError, 'DraftError');

/** Finds a client by name, case-insensitively (a unique prefix is enough); throws `DraftError` listing the known names. */
export function requireClient(clients: readonly Client[], name: string): Client {
  const wanted = name.trim().toLowerCase();
  const found = clients.find((c) => c.name.toLowerCase() === wanted);
  if (found) return found;
  const byPrefix = wanted ? clients.filter((c) => c.name.toLowerCase().startsWith(wanted)) : [];
  if (byPrefix.length === 1) return byPrefix[0];
  throw new DraftError(clients.length ? { code: 'draft.unknown-client', name, known: clients.map((c) => `"${c.name}"`) } : { code: 'clients.none' });
}

function normalise(text: string): string {
  return stripStop(text).replace(/\s+/g, ' ').toLowerCase();
}

function capitalise(text: string): string {
  return text.replace(/^\p{Ll}/u, (c) => c.toUpperCase());
}

function kindGroup(kind: CommitKind): KindGroup {
  switch (kind) {
    case 'feature':
      return 'feature';
    case 'fix':
      return 'fix';
    case 'docs':
      return 'docs';
    default:
      return 'improvement';
  }
}

const KIND_ORDER: KindGroup[] = ['feature', 'fix', 'improvement', 'docs'];
const RISK_ORDER = { high: 0, medium: 1, low: 2 } as const;
const HIDDEN_ORDER: HiddenReason[] = ['branch', 'merge', 'bot', 'type', 'tests-only', 'ci-only', 'tooling', 'shared', 'reverted', 'ignored-rev', 'pattern'];

interface Context {
  client: Client;
  input: DraftInput;
  language: Language;
  phrases: Phrases;
  internal: boolean;
  today: IsoDate;
  refYear: number;
  periodWords: PeriodWords;
  nextWords: NextWords;
  /** Items of this client, chronological, unique by hash. */
  items: ActivityItem[];
  /** Items the reader of this audience sees as lines. */
  shown: ActivityItem[];
  /** All items that are evidence for a commitment (for the status rules). */
  evidenceAll: Map<string, ActivityItem[]>;
  /** Items shown as evidence in lines. */
  evidenceShown: Map<string, ActivityItem[]>;
  /** Commitment titles as written (with the PR/MR numbers the client's titles lose), by id. */
  rawTitles: Map<string, string>;
}

function day(ctx: Context, date: IsoDate): string {
  return formatDay(date, ctx.language, ctx.refYear);
}

/** The new date the lead proposes for `c`; one before today is not a plan and is left out. */
function proposedDateOf(input: DraftInput, c: Commitment): IsoDate | undefined {
  const date = input.proposedDates?.[c.id];
  return date !== undefined && date >= input.today ? date : undefined;
}

/**
 * The shown changes that move a commitment forward: a rollback is not progress, and in the
 * client's e-mail a change told once (the same change twice: a cherry-pick, a re-applied commit,
 * folded into one line) is counted once.
 */
function progressOf(ctx: Context, c: Commitment): ActivityItem[] {
  const list = (ctx.evidenceShown.get(c.id) ?? []).filter((i) => i.kind !== 'revert');
  if (ctx.internal) return list;
  const hashes = new Set(list.map((i) => i.commit.hash));
  return list.filter((i) => i.duplicateOf === undefined || !hashes.has(i.duplicateOf));
}

/** Days of the period's changes that move `c` forward, shown or not (the status rules' evidence). */
function evidenceDays(ctx: Context, c: Commitment): IsoDate[] {
  return (ctx.evidenceAll.get(c.id) ?? []).filter((i) => i.kind !== 'revert').map((i) => i.commit.authorDate.slice(0, 10));
}

/**
 * The day of the change that finishes `c` after its due date: one that closes an issue whose
 * number is on the commitment (`Closes #310`) or lands the pull request written on it (`#412`,
 * `!57`, `PR 88`), not rolled back. Undefined when there is none (then more work is to come).
 */
function closedLateOn(ctx: Context, c: Commitment): IsoDate | undefined {
  if (!isOpen(c) || c.due === undefined || c.due >= ctx.today) return undefined;
  const due = c.due;
  const numbers = new Set<string>(commitmentNumbers(ctx.rawTitles.get(c.id) ?? c.title, c.tags));
  if (numbers.size === 0) return undefined;
  const days = (ctx.evidenceAll.get(c.id) ?? [])
    .filter((i) => i.kind !== 'revert' && i.hidden !== 'reverted')
    .filter((i) => closedNumbers(`${i.commit.subject}\n${i.commit.body}`).some((n) => numbers.has(`#${n}`)) || (i.pullRequest !== undefined && (numbers.has(`#${i.pullRequest.number}`) || numbers.has(`!${i.pullRequest.number}`))))
    .map((i) => i.commit.authorDate.slice(0, 10))
    .filter((d) => d > due)
    .sort();
  return days[days.length - 1];
}

/**
 * An open, past-due commitment whose work is done and waits for the client's check: done by its
 * due date (any evidence on or before it), else finished later by a change that closes it. The
 * day, and whether that was after the due date; undefined when the work is not done.
 */
function completion(ctx: Context, c: Commitment): { on: IsoDate; late: boolean } | undefined {
  const inTime = completedInTime(c, evidenceDays(ctx, c), ctx.today);
  if (inTime !== undefined) return { on: inTime, late: false };
  const late = closedLateOn(ctx, c);
  return late !== undefined ? { on: late, late: true } : undefined;
}

function completedOn(ctx: Context, c: Commitment): IsoDate | undefined {
  return completion(ctx, c)?.on;
}

/**
 * The work of an open, past-due commitment that landed before the period (input.earlier), when
 * the period shows none and the lead proposed no new date: the overdue line says it landed.
 */
function earlierWorkFor(ctx: Context, c: Commitment): EarlierWork | undefined {
  if (!ctx.input.earlier?.length || !isOpen(c) || c.due === undefined || c.due >= ctx.today || completedOn(ctx, c) !== undefined) return undefined;
  if (evidenceDays(ctx, c).length > 0 || proposedDateOf(ctx.input, c) !== undefined) return undefined;
  return earlierWorkOf(c, ctx.input.earlier);
}

/** git's subject for a revert: `Revert "<the reverted subject>"`. */
const REVERT_OF = /^Revert "(.+)"$/su;

function commitText(ctx: Context, item: ActivityItem): string {
  const raw = (ctx.internal ? item.internalText : item.clientText).trim() || item.commit.subject.trim();
  // The internal report keeps subjects as written (`fix(checkout): …`).
  if (ctx.internal) return escapeInline(raw);
  if (item.kind === 'revert') {
    // A client does not read git's `Revert "…"` or `revert: …`: say in words what happened. A
    // revert of a revert put the change back.
    let inner = raw;
    let depth = 0;
    for (let m = REVERT_OF.exec(inner); m; m = REVERT_OF.exec(inner)) {
      inner = m[1];
      depth++;
    }
    if (depth === 0) depth = 1; // `revert: feat(x): …`, the prefix already taken off by the git part
    // The git part capitalised the inner subject (`Feat(checkout): …`): its prefix goes too.
    const what = escapeInline(capitalise(inner.replace(/^[a-z]+(?:\([^)\n]*\))?!?:\s+/iu, '') || inner));
    return depth % 2 === 1 ? ctx.phrases.line.rolledBack(what) : what;
  }
  return escapeInline(capitalise(raw));
}

/** Dates written as `YYYY-MM-DD` in clients.md text read as the reader's dates (`8 Dec` / `12月8日`). */
function localDates(ctx: Context, text: string): string {
  const cjk = '[\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef]';
  // In Chinese, `2026-11-30 前` becomes `11月30日前`: the spaces around a Latin date go with it.
  const pattern = ctx.language === 'zh-CN' ? new RegExp(`(?:(?<=${cjk}) )?\\b(\\d{4}-\\d{2}-\\d{2})\\b(?: (?=${cjk}))?`, 'gu') : /\b(\d{4}-\d{2}-\d{2})\b/g;
  return text.replace(pattern, (match: string, iso: string) => (isIsoDate(iso) ? day(ctx, iso) : match));
}

function hashesOf(items: readonly ActivityItem[]): string[] {
  return items.map((i) => i.commit.hash);
}

/** The reword flag of a client line (its markdown escapes taken off before the check). */
function rewordFields(text: string, language: Language, options?: RewordOptions): Pick<DraftLine, 'needsRewording' | 'reword'> {
  const reword = rewordReasons(text.replace(/\\([\\`*_{}[\]()#+\-.!<>|~])/gu, '$1'), language, options);
  return reword.length ? { needsRewording: true, reword } : {};
}

/** Sections whose lines carry the lead's own words from clients.md (titles, risks, asks). */
const WRITTEN_SECTIONS = new Set<DraftSectionId>(['delivered', 'inProgress', 'overdue', 'dueSoon', 'risks', 'asks', 'next']);

/**
 * Flags a line whose clients.md words are in the other language than the e-mail (`11 Dec 前完成压测`
 * in English, `Checkout p95 under 2 s` in Chinese): the lead rewords or translates it before sending.
 */
function flagWrittenLanguage(ctx: Context, id: DraftSectionId, line: DraftLine): void {
  if (ctx.internal || !WRITTEN_SECTIONS.has(id)) return;
  const commitment = line.commitmentId !== undefined ? ctx.client.commitments.find((c) => c.id === line.commitmentId) : undefined;
  const risk = id === 'risks' ? ctx.client.risks[Number(line.id.slice('risks:'.length))] : undefined;
  const words = commitment ? [commitment.title] : risk ? [risk.description, risk.mitigation ?? ''] : [line.subject ?? ''];
  if (!words.some((w) => w.trim() !== '' && inOtherLanguage(w, ctx.language))) return;
  const reword = [...new Set([...(line.reword ?? []), 'other-language' as const])];
  line.reword = reword;
  line.needsRewording = true;
}

/** Hidden reasons that keep a release from being told (a revert, an ignored revision, the user's pattern). */
const RELEASE_UNTOLD: ReadonlyArray<HiddenReason | undefined> = ['reverted', 'ignored-rev', 'pattern'];

/** One line per version shipped in the period (release commits, bumps and tags of one version together). */
function releaseLines(ctx: Context): DraftLine[] {
  const byVersion = new Map<string, DraftLine>();
  const heading = ctx.phrases.kindGroup.release;
  for (const item of ctx.items) {
    if (!item.release || RELEASE_UNTOLD.includes(item.hidden)) continue;
    const packages = item.release.packages;
    if (packages) {
      // A release of several packages: those in this client's Paths (all when a folder is not known).
      const name = ctx.client.name.toLowerCase();
      const mine = packages.filter((p) => p.clients === undefined || p.clients.some((c) => c.toLowerCase() === name));
      if (packages.length > 0 && mine.length === 0) continue;
      const text = ctx.phrases.line.releasedPackages(mine.map((p) => escapeInline(`${plainPackageName(p.name)} ${p.version}`)));
      const key = `packages:${mine.map((p) => `${p.name}@${p.version}`).join(',')}`;
      const line = byVersion.get(key);
      if (line) line.hashes.push(item.commit.hash);
      else byVersion.set(key, { id: `done:release:${key}`, text, hashes: [item.commit.hash], group: heading, subject: text });
      continue;
    }
    const version = item.release.version;
    const line = byVersion.get(version);
    if (line) {
      line.hashes.push(item.commit.hash);
      continue;
    }
    // A version is digits, letters, dots, `-` and `+` (release.ts): nothing to escape.
    const text = ctx.phrases.line.released(version);
    byVersion.set(version, { id: `done:release:${version}`, text, hashes: [item.commit.hash], group: heading, subject: text });
  }
  return [...byVersion.values()];
}

/** Changes that need the client's attention: one line per breaking change, with its explanation. */
function breakingLines(ctx: Context): DraftLine[] {
  const lines: DraftLine[] = [];
  for (const item of breakingItems(ctx.items)) {
    const note = item.breakingNote ?? item.clientText;
    const text = ctx.internal ? `${escapeInline(item.internalText)} — ${escapeInline(stripStop(note))}` : escapeInline(stripStop(note));
    const same = lines.find((l) => normalise(l.text) === normalise(text));
    if (same) {
      same.hashes.push(item.commit.hash);
      continue;
    }
    lines.push({
      id: `breaking:${item.commit.hash.slice(0, 12)}`,
      text,
      hashes: [item.commit.hash, ...(item.branch ?? [])],
      subject: commitText(ctx, item),
      // What the client must change names exact options and files: those names stay.
      ...(ctx.internal ? {} : rewordFields(text, ctx.language, { exactNames: true })),
    });
  }
  return lines;
}

function doneSection(ctx: Context): DraftLine[] {
  const byGroup = new Map<string, { heading: string; lines: DraftLine[] }>();
  const own = new Map(ctx.client.commitments.map((c) => [c.id, c]));
  const commitmentOrder = ctx.client.commitments.map((c) => `c:${c.id}`);
  const lineOfHash = new Map<string, DraftLine>();
  const releases = releaseLines(ctx);
  if (releases.length) byGroup.set('k:release', { heading: ctx.phrases.kindGroup.release, lines: releases });
  for (const item of ctx.shown) {
    // A release commit is its version's line; a breaking change not tied to a commitment is told
    // once, with its explanation, under "Changes that need your attention".
    if (item.release?.commit) continue;
    if (!ctx.internal && item.breaking && !item.commitmentIds.some((id) => own.has(id))) continue;
    // The git part marks near-repeats of an earlier line (cherry-picks, re-applied fixes).
    const original = !ctx.internal && item.duplicateOf !== undefined ? lineOfHash.get(item.duplicateOf) : undefined;
    if (original) {
      original.hashes.push(item.commit.hash);
      lineOfHash.set(item.commit.hash, original);
      continue;
    }
    const commitment = item.commitmentIds.map((id) => own.get(id)).find((c): c is Commitment => c !== undefined);
    const key = commitment ? `c:${commitment.id}` : `k:${kindGroup(item.kind)}`;
    const heading = commitment ? commitment.title : ctx.phrases.kindGroup[kindGroup(item.kind)];
    let group = byGroup.get(key);
    if (!group) byGroup.set(key, (group = { heading, lines: [] }));
    const text = commitText(ctx, item);
    const same = group.lines.find((l) => normalise(l.text) === normalise(text));
    if (same) {
      same.hashes.push(item.commit.hash);
      lineOfHash.set(item.commit.hash, same);
      continue;
    }
    const line: DraftLine = {
      id: `done:${item.commit.hash.slice(0, 12)}`,
      text,
      // A pull request's line traces to its merge and every branch commit.
      hashes: [item.commit.hash, ...(item.branch ?? [])],
      commitmentId: commitment?.id,
      group: heading,
      subject: text,
      ...(ctx.internal ? {} : rewordFields(text, ctx.language)),
    };
    group.lines.push(line);
    lineOfHash.set(item.commit.hash, line);
  }
  const order = ['k:release', ...commitmentOrder, ...KIND_ORDER.map((k) => `k:${k}`)];
  const lines = order.flatMap((key) => byGroup.get(key)?.lines ?? []);
  if (ctx.internal) {
    const hidden = ctx.items.filter((i) => i.hidden !== undefined);
    if (hidden.length) {
      const counts = HIDDEN_ORDER.map((r): [HiddenReason, number] => [r, hidden.filter((i) => i.hidden === r).length]).filter(([, n]) => n > 0);
      lines.push({ id: 'done:hidden', text: ctx.phrases.line.hidden(hidden.length, counts), hashes: hashesOf(hidden), group: '' });
    }
  }
  return lines;
}

/** Open, moved from a promised date that has passed, and now due today or later. */
function promiseMissed(c: Commitment, today: IsoDate): boolean {
  return isOpen(c) && c.promised !== undefined && c.promised < today && c.due !== undefined && c.due >= today;
}

function timing(c: Commitment): 'early' | 'on-time' | 'late' | 'undated' {
  if (!c.due || !c.doneDate) return 'undated';
  if (c.doneDate < c.due) return 'early';
  return c.doneDate === c.due ? 'on-time' : 'late';
}

/** What is in progress, and what the plan names (computed once per draft; see plannedCommitments). */
interface Plan {
  inProgressIds: Set<string>;
  planned: Commitment[];
  plannedIds: Set<string>;
}

function sectionLines(ctx: Context, id: DraftSectionId, plan: Plan): DraftLine[] {
  const { client, phrases, today, input } = ctx;
  const { since, until } = input.period;
  const open = client.commitments.filter((c) => isOpen(c));
  const shown = (c: Commitment) => ctx.evidenceShown.get(c.id) ?? [];
  switch (id) {
    case 'breaking':
      return breakingLines(ctx);
    case 'done':
      return doneSection(ctx);
    case 'delivered': {
      const ticked = client.commitments
        .filter((c) => c.done && c.doneDate !== undefined && within(c.doneDate, since, until))
        .map((c) => ({
          id: `delivered:${c.id}`,
          text: phrases.line.delivered(c.title, c.doneDate && day(ctx, c.doneDate), c.due && day(ctx, c.due), timing(c)),
          hashes: hashesOf(shown(c)),
          commitmentId: c.id,
          subject: c.title,
        }));
      // Done (by the due date, or later by a change that closes it) but not ticked yet: delivered, pending the client's check.
      const pending = open.flatMap((c) => {
        const done = completion(ctx, c);
        if (done === undefined) return [];
        const text = phrases.line.deliveredPending(c.title, day(ctx, done.on), done.late && c.due !== undefined ? day(ctx, c.due) : undefined);
        return [{ id: `delivered:${c.id}`, text, hashes: hashesOf(shown(c)), commitmentId: c.id, subject: c.title }];
      });
      return [...ticked, ...pending];
    }
    case 'inProgress':
      // A commitment in progress is named once, in the plan, with its changes (the section id stays for templates).
      return [];
    case 'dueSoon': {
      // Due after the next period but within 14 days: what is due sooner stands in the plan with its date.
      return open
        .filter((c) => c.due !== undefined && within(c.due, today, addDays(today, DUE_SOON_DAYS)) && !plan.inProgressIds.has(c.id) && !promiseMissed(c, today) && !plan.plannedIds.has(c.id))
        .sort(compareCommitments)
        .map((c) => ({
          id: `dueSoon:${c.id}`,
          text: phrases.line.dueSoon(c.title, formatDayWithWeekday(c.due as IsoDate, ctx.language, ctx.refYear), daysBetween(today, c.due as IsoDate)),
          hashes: [],
          commitmentId: c.id,
          subject: c.title,
        }));
    }
    case 'overdue': {
      // A promise that was missed and moved is told as such (not erased by its new date).
      const moved = open
        .filter((c) => promiseMissed(c, today) && completedOn(ctx, c) === undefined)
        .sort(compareCommitments)
        .map((c) => ({
          id: `overdue:${c.id}`,
          text: phrases.line.moved(c.title, day(ctx, c.promised as IsoDate), day(ctx, c.due as IsoDate), true),
          hashes: hashesOf(shown(c)),
          commitmentId: c.id,
          subject: c.title,
        }));
      return [...open
        .filter((c) => c.due !== undefined && c.due < today && completedOn(ctx, c) === undefined)
        .sort(compareCommitments)
        .map((c) => {
          const proposed = proposedDateOf(input, c);
          // Any evidence here is after the due date (else the commitment reads as delivered).
          const latest = evidenceDays(ctx, c).sort().pop();
          // Its work landed before the period: not "missed", and no blank for a new date.
          const before = earlierWorkFor(ctx, c);
          if (before) {
            return {
              id: `overdue:${c.id}`,
              text: phrases.line.overdueEarlierWork(c.title, day(ctx, c.due as IsoDate), day(ctx, before.on), before.on > (c.due as IsoDate)),
              hashes: ctx.internal ? [before.item.commit.hash] : [],
              commitmentId: c.id,
              subject: c.title,
            };
          }
          const work = latest !== undefined ? { changes: progressOf(ctx, c).length, latest: day(ctx, latest) } : undefined;
          return {
            id: `overdue:${c.id}`,
            text: phrases.line.overdue(c.title, day(ctx, c.due as IsoDate), proposed && day(ctx, proposed), work, ctx.periodWords),
            hashes: hashesOf(shown(c)),
            commitmentId: c.id,
            proposedDate: proposed,
            subject: c.title,
          };
        }), ...moved];
    }
    case 'risks':
      return client.risks
        .map((r, index) => ({ r, index }))
        .sort((a, b) => (a.r.level ? RISK_ORDER[a.r.level] : 3) - (b.r.level ? RISK_ORDER[b.r.level] : 3) || a.index - b.index)
        .map(({ r, index }) => ({
          id: `risks:${index}`,
          text: phrases.line.risk(r.level, localDates(ctx, r.description), r.mitigation && localDates(ctx, r.mitigation)),
          hashes: [],
          subject: stripStop(r.description),
        }));
    case 'asks':
      return client.asks
        .map((a, index) => ({ a, index }))
        .filter(({ a }) => !a.answered)
        .sort((x, y) => (x.a.askedOn ?? '9999').localeCompare(y.a.askedOn ?? '9999') || x.index - y.index)
        .map(({ a, index }) => ({
          id: `asks:${index}`,
          text: phrases.line.ask(localDates(ctx, a.text), a.askedOn && day(ctx, a.askedOn), a.askedOn !== undefined ? daysBetween(a.askedOn, today) : undefined),
          hashes: [],
          subject: stripStop(a.text),
        }));
    case 'next':
      return nextLines(ctx, plan);
  }
}

/** Past due (or moved from a promise that has passed) and not done: told in Overdue, with its new date there. */
function toldOverdue(ctx: Context, c: Commitment): boolean {
  return isOpen(c) && completedOn(ctx, c) === undefined && ((c.due !== undefined && c.due < ctx.today) || promiseMissed(c, ctx.today));
}

/**
 * The commitments the plan names: open, not done, not told in Overdue (that line carries the new
 * date; a past-due one whose work landed earlier is told there too), and in progress or due by the
 * end of the next period. The plan is the one place they are named: "In progress" and "Due soon"
 * leave them out.
 */
function plannedCommitments(ctx: Context, inProgressIds: Set<string>): Commitment[] {
  const nextUntil = addDays(ctx.input.period.until, 7);
  return ctx.client.commitments
    .filter((c) => isOpen(c) && completedOn(ctx, c) === undefined && !toldOverdue(ctx, c))
    .filter((c) => inProgressIds.has(c.id) || (c.due !== undefined && c.due <= nextUntil))
    .sort(compareCommitments);
}

function nextLines(ctx: Context, { inProgressIds, planned }: Plan): DraftLine[] {
  const { client, phrases, input } = ctx;
  const dueText = (c: Commitment) => {
    if (c.due === undefined) return undefined;
    const due = formatDayWithWeekday(c.due, ctx.language, ctx.refYear);
    return c.promised !== undefined ? { due, movedFrom: day(ctx, c.promised) } : { due };
  };
  const planLine = (c: Commitment, carried: boolean) =>
    phrases.line.next(c.title, dueText(c), carried, inProgressIds.has(c.id) ? { changes: progressOf(ctx, c).length, period: ctx.periodWords } : undefined);
  const lines: DraftLine[] = planned.map((c) => ({
    id: `next:${c.id}`,
    text: planLine(c, false),
    hashes: inProgressIds.has(c.id) ? hashesOf(ctx.evidenceShown.get(c.id) ?? []) : [],
    commitmentId: c.id,
    subject: c.title,
  }));
  const promised = input.lastRecord?.next ?? [];
  promised.forEach((text, index) => {
    const key = normalise(text);
    if (!key) return;
    const commitment = client.commitments.find((c) => normalise(c.title) === key);
    // Done, or told in Overdue with its new date: not planned again.
    if (commitment?.done || (commitment && (completedOn(ctx, commitment) !== undefined || toldOverdue(ctx, commitment)))) return;
    const existing = lines.find((l) => normalise(l.subject ?? '') === key);
    if (existing) {
      const c = client.commitments.find((x) => x.id === existing.commitmentId);
      if (!existing.carriedOver && c) {
        existing.carriedOver = true;
        existing.text = planLine(c, true);
      }
      return;
    }
    const subject = commitment ? commitment.title : localDates(ctx, stripStop(text));
    lines.push({
      id: commitment ? `next:${commitment.id}` : `next:carried:${index}`,
      text: commitment ? planLine(commitment, true) : phrases.line.next(subject, undefined, true),
      hashes: [],
      commitmentId: commitment?.id,
      carriedOver: true,
      subject,
    });
  });
  return lines;
}

function describePeriod(input: DraftInput): { words: PeriodWords; next: NextWords; week?: number } {
  const { since, until } = input.period;
  const today = input.today;
  const weekly = daysBetween(since, until) === 6;
  const language = input.language ?? 'en';
  if (weekly) {
    const week = isoWeek(addDays(since, 3)).week;
    const nextWeek = isoWeek(addDays(until, 4)).week;
    const words: PeriodWords = within(today, since, until) ? { kind: 'this-week' } : { kind: 'week', week };
    const next: NextWords = within(today, since, until)
      ? { kind: 'next-week' }
      : within(today, addDays(until, 1), addDays(until, 7))
        ? { kind: 'this-week' }
        : { kind: 'week', week: nextWeek };
    return { words, next, week };
  }
  const last = input.lastRecord?.period;
  if (last && since === addDays(last.until, 1)) return { words: { kind: 'since-last' }, next: { kind: 'coming' } };
  const refYear = yearOf(today);
  return { words: { kind: 'range', range: formatRange(since, until, language, refYear) }, next: { kind: 'coming' } };
}

// Overdue before due soon (as the sidebar): the missed promise is the first thing the reader is told of them.
const CLIENT_ORDER: DraftSectionId[] = ['breaking', 'done', 'delivered', 'inProgress', 'overdue', 'dueSoon', 'risks', 'asks', 'next'];
/** `Format: risks-first`: the bad news and what is needed first, then the work. */
const RISKS_FIRST_ORDER: DraftSectionId[] = ['breaking', 'overdue', 'risks', 'asks', 'done', 'delivered', 'inProgress', 'dueSoon', 'next'];
/** `Format: short` leaves these out: what is due after the next week waits for a later update (the plan names the rest with their dates). */
const LEFT_OUT_WHEN_SHORT = new Set<DraftSectionId>(['inProgress', 'dueSoon']);

/** The sections in the order the client's `Format:` asks for. */
function sectionOrder(client: Client, internal: boolean): DraftSectionId[] {
  if (internal) return INTERNAL_ORDER;
  const format = client.format ?? [];
  const order = format.includes('risks-first') ? RISKS_FIRST_ORDER : CLIENT_ORDER;
  return format.includes('short') ? order.filter((id) => !LEFT_OUT_WHEN_SHORT.has(id)) : order;
}
const INTERNAL_ORDER: DraftSectionId[] = ['breaking', 'done', 'delivered', 'inProgress', 'overdue', 'dueSoon', 'risks', 'asks', 'next'];

function sectionTitle(ctx: Context, id: DraftSectionId): string {
  const t = ctx.phrases.title;
  switch (id) {
    case 'breaking':
      return t.breaking(ctx.internal);
    case 'done':
      return t.done(ctx.periodWords, ctx.internal);
    case 'delivered':
      return t.delivered(ctx.periodWords, ctx.internal);
    case 'inProgress':
      return t.inProgress;
    case 'dueSoon':
      return t.dueSoon(DUE_SOON_DAYS);
    case 'overdue':
      return t.overdue;
    case 'risks':
      return t.risks(ctx.internal);
    case 'asks':
      return t.asks(ctx.internal);
    case 'next':
      return t.next(ctx.nextWords);
  }
}

/** The client with the text of its commitments, risks and asks passed through `write`. */
function redactedClient(client: Client, write: (text: string) => string, internal: boolean): Client {
  return {
    ...client,
    // The client reads a title without the PR/MR numbers written on it for linking (`!57`, `PR 1288`).
    commitments: client.commitments.map((c) => ({ ...c, title: write(internal ? c.title : withoutReferences(c.title)) })),
    risks: client.risks.map((r) => ({ ...r, description: write(r.description), ...(r.mitigation !== undefined ? { mitigation: write(r.mitigation) } : {}) })),
    asks: client.asks.map((a) => ({ ...a, text: write(a.text) })),
  };
}

/**
 * The hashes of the client's commits of the period and the ticket keys of their messages that the
 * lead did not write in the client's part of clients.md (words the lead chose for the client).
 */
function internalDetailOf(client: Client, items: readonly ActivityItem[], redactor: Redactor, hashesAllowed: boolean): InternalDetail {
  const written = [client.profile, ...client.fields.map((f) => f.value), ...client.commitments.map((c) => c.raw), ...client.risks.map((r) => `${r.description} ${r.mitigation ?? ''}`), ...client.asks.map((a) => a.text), ...[...client.feedback, ...client.decisions, ...client.notes].map((e) => e.text)].join('\n');
  const chosen = new Set(redactor.ticketKeys(written));
  const keys = new Set(items.flatMap((i) => redactor.ticketKeys(`${i.commit.subject}\n${i.commit.body}`)).filter((k) => !chosen.has(k)));
  return { hashes: items.map((i) => i.commit.hash), ticketKeys: [...keys], ...(hashesAllowed ? { hashesAllowed: true } : {}) };
}

/** What both the draft and its status alone are composed from (`prepared`). */
interface Prepared {
  found: Client;
  redactor: Redactor;
  client: Client;
  input: DraftInput;
  since: IsoDate;
  until: IsoDate;
  language: Language;
  phrases: Phrases;
  internal: boolean;
  today: IsoDate;
  refYear: number;
  period: ReturnType<typeof describePeriod>;
  items: ActivityItem[];
  shown: ActivityItem[];
  ctx: Context;
}

/** The client, redacted, its items of the period and the context every section reads. */
function prepared(rawInput: DraftInput): Prepared {
  const found = requireClient(rawInput.file.clients, rawInput.client);
  // What the lead wrote in clients.md goes out redacted too (secrets always; internal hosts and
  // extra patterns for the client), so every client-facing string passes the same redactor.
  const redactor = makeRedactor(rawInput.redaction);
  const write = rawInput.audience === 'internal' ? redactor.internal : redactor.written;
  const client = redactedClient(found, write, rawInput.audience === 'internal');
  const input: DraftInput = rawInput.lastRecord ? { ...rawInput, lastRecord: { ...rawInput.lastRecord, next: rawInput.lastRecord.next.map(write) } } : rawInput;
  const { since, until } = input.period;
  if (since > until) throw new DraftError({ code: 'draft.period-reversed', since, until });
  const language: Language = input.language ?? client.language ?? 'en';
  const phrases = phrasesFor(language);
  const internal = input.audience === 'internal';
  const today = input.today;
  const refYear = yearOf(today);
  const period = describePeriod({ ...input, language });

  const seen = new Set<string>();
  const items = input.items
    .filter((i) => i.clients.some((c) => c.toLowerCase() === client.name.toLowerCase()))
    .filter((i) => (seen.has(i.commit.hash) ? false : (seen.add(i.commit.hash), true)))
    .sort((a, b) => a.commit.authorDate.localeCompare(b.commit.authorDate) || a.commit.hash.localeCompare(b.commit.hash));
  const shown = items.filter((i) => i.hidden === undefined);
  const evidence = (list: ActivityItem[]) => {
    const map = new Map<string, ActivityItem[]>();
    for (const item of list) for (const id of new Set(item.commitmentIds)) map.set(id, [...(map.get(id) ?? []), item]);
    return map;
  };
  const ctx: Context = {
    client,
    input,
    language,
    phrases,
    internal,
    today,
    refYear,
    periodWords: period.words,
    nextWords: period.next,
    items,
    shown,
    evidenceAll: evidence(items),
    evidenceShown: evidence(shown),
    rawTitles: new Map(found.commitments.map((c) => [c.id, c.title])),
  };
  return { found, redactor, client, input, since, until, language, phrases, internal, today, refYear, period, items, shown, ctx };
}

/** The overall status and its reasons, as the draft states them. */
function statusOf(p: Prepared): StatusAssessment {
  const { found, client, today, phrases, period, items, shown, ctx, input } = p;
  // A breaking change in an area the client watches (its risks, its notes) puts the work at risk.
  const breaking = breakingItems(items).filter((i) => touchesWatchedArea(i, found)).map((i) => stripStop(commitText(ctx, i)));
  return assessStatus(
    { client, today, evidence: new Map(client.commitments.map((c) => [c.id, evidenceDays(ctx, c)])), closedLate: new Set(client.commitments.filter((c) => closedLateOn(ctx, c) !== undefined).map((c) => c.id)), phrases, period: period.words, possibleEvidence: possibleEvidence(shown, client.commitments.filter((c) => isOpen(c))), landedEarlier: new Set(client.commitments.filter((c) => earlierWorkFor(ctx, c) !== undefined).map((c) => c.id)), breaking, localise: (t) => localDates(ctx, t) },
    input.statusOverride,
  );
}

/**
 * The status the draft of `input` would state, without composing its sections and text (the
 * clients overview computes one per client). Throws as `composeDraft` does.
 */
export function composeStatus(input: DraftInput): StatusAssessment {
  return statusOf(prepared(input));
}

/** Composes the draft. Throws `DraftError` (unknown client, bad period) or `TemplateError`. */
export function composeDraft(rawInput: DraftInput): Draft {
  const p = prepared(rawInput);
  const { found, redactor, client, input, since, until, language, phrases, internal, today, refYear, period, items, shown, ctx } = p;
  const status = statusOf(p);
  // Evidence hidden from the client (a pull request's branch commits, a chore) still means work is
  // in progress; work that was rolled back does not.
  const inProgressIds = new Set(
    client.commitments.filter((c) => isOpen(c) && !(c.due !== undefined && c.due < today) && (ctx.evidenceAll.get(c.id) ?? []).some((i) => i.kind !== 'revert' && i.hidden !== 'reverted')).map((c) => c.id),
  );
  const planned = plannedCommitments(ctx, inProgressIds);
  const plan: Plan = { inProgressIds, planned, plannedIds: new Set(planned.map((c) => c.id)) };
  const dropped = new Set(input.droppedLineIds ?? []);
  const kept = new Set(input.keptLineIds ?? []);
  const sections: DraftSection[] = [];
  const short = !internal && client.format?.includes('short') === true;
  for (const id of sectionOrder(client, internal)) {
    // A short update leaves low risks out (medium and high stay).
    const lines = sectionLines(ctx, id, plan).filter((l) => !(short && id === 'risks' && client.risks[Number(l.id.slice('risks:'.length))]?.level === 'low'));
    if (!lines.length) continue;
    for (const line of lines) {
      // A line of commits that says nothing the client can use is left out until the lead rewords it and puts it back.
      if (!internal && line.hashes.length > 0 && line.reword?.includes('contentless') && !kept.has(line.id)) {
        line.leftOutByDefault = true;
        line.dropped = true;
      }
      if (dropped.has(line.id)) line.dropped = true;
      flagWrittenLanguage(ctx, id, line);
    }
    sections.push({ id, title: sectionTitle(ctx, id), lines });
  }

  const leadNotes: LeadNote[] = client.commitments.flatMap((c): LeadNote[] => {
    const on = completedOn(ctx, c);
    return on !== undefined && c.due !== undefined ? [{ code: 'tick-commitment', commitmentId: c.id, title: c.title, completedOn: on, due: c.due }] : [];
  });
  // Past due, and a change before the period looks like its delivery: the e-mail says so; the lead confirms.
  for (const c of client.commitments) {
    const before = earlierWorkFor(ctx, c);
    if (before && c.due !== undefined) leadNotes.push({ code: 'earlier-work', commitmentId: c.id, title: c.title, due: c.due, change: before.item.internalText, hash: before.item.commit.hash, on: before.on });
  }
  // A shared package's change that is nobody's evidence: in no client's e-mail; the lead decides.
  for (const i of items) {
    if (i.hidden === 'shared' && i.sharedBy) leadNotes.push({ code: 'shared-change', change: i.internalText, hash: i.commit.hash, clients: i.sharedBy });
  }
  const range = formatRange(since, until, language, refYear);
  // Without git history an empty list is not known to be a quiet week: say nothing about it.
  const historyRead = input.historyRead !== false;
  const quiet = shown.length === 0 && historyRead;
  const intro = [phrases.intro(period.words, period.week, range, client.name, internal), quiet && !internal ? phrases.quiet(period.words) : '']
    .filter(Boolean)
    .join(language === 'zh-CN' ? '' : ' ');
  const signature = input.signature.trim();
  // An address that is not a plain mailbox never becomes a recipient; the lead is told which and why.
  // The internal report goes to the team (the Owner), never to the client's contacts or Cc.
  const recipients = recipientsFor(client, input.audience);
  const draft: Draft = {
    client: client.name,
    language,
    audience: input.audience,
    period: { since, until },
    today,
    subject: phrases.subject(client.name, internal, period.week, range),
    to: recipients.to,
    cc: recipients.cc,
    ...(recipients.leftOut.length ? { leftOut: recipients.leftOut } : {}),
    greeting: internal ? '' : phrases.greeting(greetingName(client.contacts[0]?.name)),
    intro,
    status,
    sections,
    signOff: internal ? signature : [phrases.closing, signature].filter(Boolean).join('\n'),
    markdown: '',
    quiet,
    ...(historyRead ? {} : { historyRead: false }),
    ...(internal ? { hiddenCount: items.length - shown.length } : {}),
    ...(leadNotes.length ? { leadNotes } : {}),
    internalDetail: internalDetailOf(found, items, redactor, input.footnotes === true && !internal),
  };
  const elsewhere = items.filter((i) => i.repository !== undefined);
  if (elsewhere.length) draft.repositoryOf = Object.fromEntries(elsewhere.map((i) => [i.commit.hash, i.repository!]));
  const lineOfHash = new Map(sections.flatMap((s) => s.lines.filter((l) => l.id.startsWith('done:')).map((l) => [l.hashes[0], l.id] as const)));
  const suggestions = suggestLinks(shown, client.commitments.filter((c) => isOpen(c)), (h) => lineOfHash.get(h));
  if (suggestions.length) draft.linkSuggestions = suggestions;
  const view = buildView(draft, { footnotes: input.footnotes === true && !internal, week: period.week });
  draft.markdown = renderTemplate(input.template ?? DEFAULT_TEMPLATE, view, input.template !== undefined ? input.templateName ?? 'template' : 'built-in template');
  return draft;
}
