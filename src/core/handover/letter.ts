/**
 * The transition letter to the client, in the client's language: announce early and honestly,
 * introduce who takes over, summarise the plan (commitments, what is late, risks, asks, cadence),
 * propose a handover meeting, invite questions and promise to keep checking in.
 */
import type { Person } from '../clients/model';
import { formatDay } from '../l10n/dates';
import { greetingName } from '../l10n/names';
import type { ClientFacts } from './facts';
import { recipients } from './facts';
import type { LetterFacts } from './phrases';

/**
 * Who is new to the client: the new lead when the leaver ran the account, or the named successor
 * of someone whose lead stays; undefined when the lead stays and nobody new is named.
 */
export function newcomerOf(f: ClientFacts): string | undefined {
  return newcomerPerson(f)?.name ?? (f.lead.kind !== 'owner' ? f.leadName : undefined);
}

function newcomerPerson(f: ClientFacts): Person | undefined {
  return f.lead.kind !== 'owner' ? f.lead.person : f.to;
}

/**
 * Who else the client can turn to (替代方案): the Backup, else the Owner, when that is neither the
 * leaver nor the person taking over.
 */
function fallbackOf(f: ClientFacts): Person | undefined {
  const taking = [f.lead.person, f.to].filter((p): p is Person => p !== undefined);
  const candidates = [f.role === 'backup' ? undefined : f.client.backup, f.role === 'owner' ? undefined : f.client.owner];
  return candidates.find((p): p is Person => p !== undefined && !taking.some((t) => samePerson(t, p)));
}

/** Same address when both have one, else the same name (case-insensitive). */
function samePerson(a: Person, b: Person): boolean {
  if (a.email && b.email) return a.email.toLowerCase() === b.email.toLowerCase();
  return a.name.trim().toLowerCase() === b.name.trim().toLowerCase();
}

export interface Letter {
  to: Person[];
  /** The client's Cc, and the person taking over. */
  cc: string[];
  subject: string;
  body: string;
}

export function composeLetter(f: ClientFacts, from: string, refYear: number): Letter {
  const { p, client, lang } = f;
  const day = (d: string) => formatDay(d, lang, refYear);
  const title = (t: string, due: string | undefined) => `${p.quote(t)}${p.paren(due ? p.due(day(due)) : p.noDue)}`;
  const upcoming = f.open.filter((o) => o.dueIn === undefined || o.dueIn >= 0).slice(0, 2);
  const newcomer = newcomerOf(f);
  const newcomerEmail = newcomerPerson(f)?.email;
  const fallback = fallbackOf(f);
  const facts: LetterFacts = {
    client: client.name,
    greetingName: greetingName(client.contacts[0]?.name) ?? '',
    from,
    lead: f.leadName,
    leadKind: f.lead.kind,
    leaverLed: f.role === 'owner',
    ...(newcomer ? { newcomer } : {}),
    ...(newcomerEmail ? { newcomerEmail } : {}),
    ...(fallback ? { fallback: fallback.name } : {}),
    signer: f.lead.kind === 'owner' ? f.leadName : from,
    nextCommitments: upcoming.map((o) => title(o.commitment.title, o.commitment.due)),
    overdue: f.overdue.map((o) => title(o.commitment.title, o.commitment.due)),
    riskCount: client.risks.length,
    waitingAsks: f.waiting.map((w) => p.quote(w.ask.text)),
    ...(client.cadence ? { cadence: client.cadence.raw } : {}),
  };
  const L = p.letter;
  const background =
    f.lead.kind === 'owner' ? '' : f.lead.kind === 'placeholder' ? p.placeholderSuccessorBackground : p.placeholderBackground(f.leadName);
  const plan: string[] = [];
  const reassigned = f.open.filter((o) => o.ownedByDeparting).length;
  plan.push(facts.nextCommitments.length > 0 ? L.planCommitments(p.list(facts.nextCommitments), reassigned, from) : L.planNoCommitments);
  if (facts.overdue.length > 0) plan.push(L.planOverdue(p.list(facts.overdue)));
  if (facts.riskCount > 0) plan.push(L.planRisks(facts.riskCount));
  if (facts.waitingAsks.length > 0) plan.push(L.planAsks(p.list(facts.waitingAsks), f.leadName));
  if (facts.cadence) plan.push(L.planCadence(facts.cadence));

  const paragraphs = [
    L.greeting(facts.greetingName || p.placeholderContact),
    L.opening(facts, p.placeholderLastDay),
    L.successor(facts, background).trim(),
    [L.planIntro, ...plan.map((line) => `- ${line}`)].join('\n'),
    L.meeting(facts, p.placeholderMeeting),
    L.questions(facts),
    L.thanks,
    L.signOff(facts.signer),
  ];
  // The person taking over is copied, so that the client can reply to them directly.
  const cc = [...client.cc, ...(newcomerEmail && !client.cc.some((c) => c.toLowerCase() === newcomerEmail.toLowerCase()) ? [newcomerEmail] : [])];
  return { to: recipients(client), cc, subject: `${L.subject(client.name)} · ${client.name}`, body: paragraphs.join('\n\n') };
}
