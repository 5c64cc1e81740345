/**
 * The internal handover checklist for one client, in the client's language: tell and write to the
 * client, meet, introduce the lead to every contact, accesses, recurring meetings, documents, every
 * open thread (commitments to reassign, asks, branches, code nobody else knows), first-weeks care.
 */
import type { Person } from '../clients/model';
import { formatDay, formatDayWithWeekday } from '../l10n/dates';
import { addDays } from '../calendar';
import type { ClientFacts } from './facts';
import { newcomerOf } from './letter';

function contactLabel(c: Person, paren: (t: string) => string): string {
  return c.role ? `${c.name}${paren(c.role)}` : c.name;
}

/** The walkthrough of code only the leaver changed, if there is any (also for uninvolved clients). */
export function walkthroughOnly(f: ClientFacts, to: string = f.leadName): string[] {
  const alone = f.areas.filter((x) => x.others.length === 0).map((x) => `\`${x.path || f.p.topLevel}\``);
  return alone.length > 0 ? [f.p.check.walkthrough(to, f.p.list(alone))] : [];
}

export function composeChecklist(f: ClientFacts, from: string, today: string, refYear: number): string[] {
  const { p, client, lang } = f;
  const c = p.check;
  const day = (d: string) => formatDay(d, lang, refYear);
  const lead = f.leadName;
  // Whoever is new to the client is introduced and given access; a lead who stays (the leaver was
  // Backup or contributor) already knows the client and already runs the updates.
  const newcomer = newcomerOf(f);
  const takesPart = newcomer ?? lead;
  const first = client.contacts[0] ? contactLabel(client.contacts[0], p.paren) : p.placeholderContact;
  const out: string[] = [];
  out.push(c.tellFirst(first));
  out.push(c.sendLetter(client.contacts.length > 0 ? p.list(client.contacts.map((x) => x.name)) : p.placeholderContact));
  out.push(newcomer ? c.meeting(from, newcomer, p.placeholderMeeting) : c.meetingWalkthrough(from, lead, p.placeholderMeeting));
  if (newcomer) for (const contact of client.contacts) out.push(c.introduce(newcomer, contactLabel(contact, p.paren)));
  out.push(c.accesses(takesPart, from));
  if (f.lead.kind !== 'owner') {
    out.push(
      client.cadence
        ? c.recurring(lead, client.cadence.raw, f.nextUpdate ? formatDayWithWeekday(f.nextUpdate, lang, refYear) : p.none)
        : c.recurringNoCadence(lead),
    );
  }
  out.push(c.documents(takesPart));
  for (const o of f.open.filter((x) => x.ownedByDeparting)) {
    out.push(c.reassign(p.quote(o.commitment.title), o.commitment.due ? p.due(day(o.commitment.due)) : p.noDue));
  }
  for (const w of f.waiting) {
    out.push(c.followUp(p.quote(w.ask.text), w.days !== undefined && w.ask.askedOn ? p.waiting(w.days, day(w.ask.askedOn)) : p.waitingUndated));
  }
  for (const b of f.branches.filter((x) => x.departing)) out.push(c.branch(b.branch.name));
  out.push(...walkthroughOnly(f, takesPart));
  const checkIns = [7, 14, 28].map((n) => day(addDays(today, n)));
  out.push(c.checkIns(first, p.list(checkIns)));
  // The letter promises to ask "after a month".
  out.push(c.satisfaction(first, day(addDays(today, 30))));
  return out;
}
