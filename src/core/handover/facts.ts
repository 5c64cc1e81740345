/**
 * The facts about one client that every part of its handover (sections, letter, checklist) reads:
 * computed once, in the client's language, from the input.
 */
import type { Ask, Client, Commitment, IsoDate, Language, Person } from '../clients/model';
import { addDays, addMonths, daysBetween, onOrAfter } from '../calendar';
import type { ActivityItem } from '../git/types';
import { compareCommitments } from '../project/order';
import { codeAreas } from './areas';
import { branchBelongsTo, clientBaseDepth, clientFileFilter, hasDepartingWork } from './branches';
import { isDepartingAuthor, isDepartingHandle, isDepartingPerson } from './person';
import { phrasesFor, type HandoverPhrases } from './phrases';
import type { CodeArea, HandoverInput, Lead, UnmergedBranch } from './types';
import { isOpen } from '../clients/queries';

export interface OpenCommitment {
  commitment: Commitment;
  /** Days until due (negative when overdue); undefined without a due date. */
  dueIn?: number;
  linked: ActivityItem[];
  ownedByDeparting: boolean;
}

export interface WaitingAsk {
  ask: Ask;
  days?: number;
}

export interface BranchFact {
  branch: UnmergedBranch;
  base: string;
  repository?: string;
  departing: boolean;
}

export interface ClientFacts {
  client: Client;
  lang: Language;
  p: HandoverPhrases;
  role: 'owner' | 'backup' | 'contributor' | 'none';
  lead: Lead;
  /** The successor named for the whole handover, if any. */
  to?: Person;
  /** The lead's name, or the placeholder. */
  leadName: string;
  open: OpenCommitment[];
  overdue: OpenCommitment[];
  waiting: WaitingAsk[];
  items: ActivityItem[];
  /** True for the files that are this client's (its Paths; all files without Paths). */
  ofClient: (file: string) => boolean;
  baseDepth: (file: string) => number;
  areas: CodeArea[];
  branches: BranchFact[];
  lastSent?: IsoDate;
  nextUpdate?: IsoDate;
}

function leadFor(input: HandoverInput, client: Client, role: ClientFacts['role']): Lead {
  const other = (p: Person | undefined) => (p && !isDepartingPerson(input.from, p) ? p : undefined);
  const owner = other(client.owner);
  const backup = other(client.backup);
  // When the leaver runs the account, the successor (or the Backup, for now) takes it over;
  // otherwise the Owner stays the lead and only the leaver's part moves.
  if (role !== 'owner' && owner) return { kind: 'owner', person: owner };
  if (input.to) return { kind: 'successor', person: input.to };
  if (backup) return { kind: 'interim', person: backup };
  return { kind: 'placeholder' };
}

function roleFor(input: HandoverInput, client: Client, items: ActivityItem[], owns: boolean, branchWork: boolean): ClientFacts['role'] {
  if (isDepartingPerson(input.from, client.owner)) return 'owner';
  if (isDepartingPerson(input.from, client.backup)) return 'backup';
  // Work the client saw: a commit that is not noise (chores, CI, bots…) in the window.
  const visible = items.some((i) => i.hidden === undefined && isDepartingAuthor(input.from, i.commit.authorName, i.commit.authorEmail));
  if (owns || branchWork || visible) return 'contributor';
  return 'none';
}

/** When the next update to this client is due, from its cadence and the last one sent. */
export function nextUpdateDue(client: Client, today: IsoDate, lastSent: IsoDate | undefined): IsoDate | undefined {
  const c = client.cadence;
  if (!c) return undefined;
  const sentToday = lastSent === today;
  if (c.every === 'daily') return sentToday ? addDays(today, 1) : today;
  if (c.every === 'monthly') {
    if (!lastSent) return today;
    const next = addMonths(lastSent, 1);
    return next < today ? today : next;
  }
  const step = c.every === 'biweekly' ? 14 : 7;
  if (c.day === undefined) {
    if (!lastSent) return today;
    const next = addDays(lastSent, step);
    return next < today ? today : next;
  }
  let next = onOrAfter(sentToday ? addDays(today, 1) : today, c.day);
  if (lastSent && daysBetween(lastSent, next) < step - 1) next = addDays(next, 7);
  return next;
}

const evidenceIndexes = new WeakMap<HandoverInput, Map<string, ActivityItem[]>>();

/** Commits by the commitment they are evidence for, over every repository (built once per input). */
function evidenceIndex(input: HandoverInput): Map<string, ActivityItem[]> {
  let index = evidenceIndexes.get(input);
  if (!index) {
    index = new Map();
    for (const repo of input.repositories) {
      for (const item of repo.items) {
        for (const id of item.commitmentIds) {
          const list = index.get(id) ?? [];
          list.push(item);
          index.set(id, list);
        }
      }
    }
    evidenceIndexes.set(input, index);
  }
  return index;
}

export function clientFacts(input: HandoverInput, client: Client): ClientFacts {
  const lang = client.language ?? input.language;
  const p = phrasesFor(lang);
  const multiRepo = input.repositories.length > 1;
  const ofClient = clientFileFilter(client);
  const baseDepth = clientBaseDepth(client);
  const items: ActivityItem[] = [];
  const areas: CodeArea[] = [];
  const branches: BranchFact[] = [];
  for (const repo of input.repositories) {
    const mine = repo.items.filter((i) => i.clients.includes(client.name));
    items.push(...mine);
    areas.push(...codeAreas(mine, input.from, (file) => ofClient(file), baseDepth, multiRepo ? repo.name : undefined));
    for (const b of repo.branches) {
      if (!branchBelongsTo(b, client)) continue;
      branches.push({ branch: b, base: repo.base ?? 'main', ...(multiRepo ? { repository: repo.name } : {}), departing: hasDepartingWork(b, input.from) });
    }
  }
  areas.sort((a, b) => b.changes - a.changes || b.commits - a.commits);
  branches.sort((a, b) => Number(b.departing) - Number(a.departing) || (a.branch.lastDate < b.branch.lastDate ? 1 : -1));

  const byCommitment = evidenceIndex(input);
  const open = client.commitments
    .filter((c) => isOpen(c))
    .map((c): OpenCommitment => ({
      commitment: c,
      ...(c.due ? { dueIn: daysBetween(input.today, c.due) } : {}),
      linked: [...(byCommitment.get(c.id) ?? [])].sort((a, b) => (a.commit.authorDate < b.commit.authorDate ? 1 : -1)),
      ownedByDeparting: c.owners.some((o) => isDepartingHandle(input.from, o)),
    }))
    .sort((a, b) => compareCommitments(a.commitment, b.commitment));
  const waiting = client.asks
    .filter((a) => !a.answered)
    .map((ask): WaitingAsk => ({ ask, ...(ask.askedOn ? { days: daysBetween(ask.askedOn, input.today) } : {}) }));
  const role = roleFor(input, client, items, open.some((o) => o.ownedByDeparting), branches.some((b) => b.departing));
  const lead = leadFor(input, client, role);
  const lastSent = input.lastUpdateSent[client.name];
  return {
    client,
    lang,
    p,
    role,
    lead,
    ...(input.to ? { to: input.to } : {}),
    leadName: lead.person?.name ?? p.placeholderLead,
    open,
    overdue: open.filter((o) => o.dueIn !== undefined && o.dueIn < 0),
    waiting,
    items,
    ofClient,
    baseDepth,
    areas,
    branches,
    ...(lastSent ? { lastSent } : {}),
    ...(nextUpdateDue(client, input.today, lastSent) ? { nextUpdate: nextUpdateDue(client, input.today, lastSent) } : {}),
  };
}

/** The people a letter goes to: every contact with an address. */
export function recipients(client: Client): Person[] {
  return client.contacts.filter((c) => c.email);
}
