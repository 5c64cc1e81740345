/** People in a handover: parsing `Name <email>`, matching commits and `@handles`, file-name slugs. */
import type { Person } from '../clients/model';
import type { HandoverNotice } from '../notices';
import type { DepartingPerson } from './types';

/**
 * Parses `Name <email>` (the successor on the command line or in the input box). Returns an error
 * notice instead of throwing, so callers can show it where the user typed.
 */
export function parseNameEmail(text: string): { person: Person } | { error: HandoverNotice } {
  const trimmed = text.trim();
  const m = /^(.+?)\s*<\s*([^<>\s]+@[^<>\s]+\.[^<>\s]+)\s*>$/u.exec(trimmed);
  if (!m) return { error: { code: 'handover.not-name-email', text: trimmed } };
  const name = m[1].trim().replace(/^"(.*)"$/u, '$1');
  if (!name) return { error: { code: 'handover.name-missing', email: m[2] } };
  return { person: { name, email: m[2] } };
}

/** The handles (`@alice`) a person may be written as in clients.md. */
function handlesOf(name: string, email: string | undefined): string[] {
  const out = new Set<string>();
  const lower = name.toLowerCase().trim();
  if (lower) {
    out.add(lower.replace(/\s+/gu, ''));
    out.add(lower.replace(/\s+/gu, '.'));
    out.add(lower.replace(/\s+/gu, '-'));
    const first = lower.split(/\s+/u)[0];
    if (first) out.add(first);
  }
  if (email) {
    // `wang.wei@…` is written `@wang.wei` or, as often, `@wang`: a name that is not in Latin
    // letters (王伟) has no other handle to match.
    const local = email.toLowerCase().split('@')[0];
    out.add(local);
    const head = local.split(/[._+-]/u)[0];
    if (head) out.add(head);
  }
  return [...out];
}

/**
 * The departing person from what the user typed (a name or an e-mail) and the authors git knows.
 * Every author whose name or e-mail matches becomes an alias, so commits under two addresses count.
 */
export function resolveDeparting(given: string, authors: readonly Person[]): DepartingPerson {
  const needle = given.trim().toLowerCase();
  const parsed = parseNameEmail(given);
  const wantEmail = 'person' in parsed ? parsed.person.email?.toLowerCase() : needle.includes('@') ? needle : undefined;
  const wantName = 'person' in parsed ? parsed.person.name.toLowerCase() : needle.includes('@') ? undefined : needle;
  let matches = authors.filter(
    (a) => (wantEmail !== undefined && a.email?.toLowerCase() === wantEmail) || (wantName !== undefined && a.name.toLowerCase() === wantName),
  );
  if (matches.length === 0 && wantName !== undefined && 'error' in parsed) {
    // A handle or first name (`alice`): taken when it names one person only.
    const byHandle = authors.filter((a) => handlesOf(a.name, a.email).includes(wantName));
    if (new Set(byHandle.map((a) => a.name.toLowerCase())).size === 1) {
      matches = authors.filter((a) => a.name.toLowerCase() === byHandle[0].name.toLowerCase());
    }
  }
  const primary = matches.find((m) => m.email) ?? matches[0];
  const name = primary?.name ?? ('person' in parsed ? parsed.person.name : needle.includes('@') ? needle.split('@')[0] : given.trim());
  const email = primary?.email ?? wantEmail;
  const aliases = new Set<string>();
  // A handle that someone else also answers to (`wang` for 王伟 and 王芳) says nobody in particular.
  const mine = new Set([name.toLowerCase(), ...matches.map((m) => m.name.toLowerCase())]);
  const others = new Set(authors.filter((a) => !mine.has(a.name.toLowerCase())).flatMap((a) => handlesOf(a.name, a.email)));
  for (const p of [{ name, email }, ...matches]) {
    aliases.add(p.name.toLowerCase());
    if (p.email) aliases.add(p.email.toLowerCase());
    for (const h of handlesOf(p.name, p.email)) if (!others.has(h)) aliases.add(h);
  }
  return { name, email, aliases: [...aliases] };
}

/** The people called `given` by handle or first name, when that is ambiguous (for the error). */
export function sameHandle(given: string, authors: readonly Person[]): string[] {
  const needle = given.trim().toLowerCase();
  return [...new Set(authors.filter((a) => handlesOf(a.name, a.email).includes(needle)).map((a) => a.name))].sort();
}

/** A fast test of commit authors against the departing person (for loops over many commits). */
export function departingMatcher(from: DepartingPerson): (name: string, email: string) => boolean {
  const aliases = new Set(from.aliases);
  return (name, email) => aliases.has(email.toLowerCase()) || aliases.has(name.toLowerCase());
}

/** True when a commit author (name, e-mail) is the departing person. */
export function isDepartingAuthor(from: DepartingPerson, name: string, email: string): boolean {
  return from.aliases.includes(email.toLowerCase()) || from.aliases.includes(name.toLowerCase());
}

/** True when a `Person` from clients.md (Owner, Backup) is the departing person. */
export function isDepartingPerson(from: DepartingPerson, p: Person | undefined): boolean {
  if (!p) return false;
  if (p.email && from.aliases.includes(p.email.toLowerCase())) return true;
  return from.aliases.includes(p.name.toLowerCase());
}

/** True when a commitment owner handle (`alice`, without `@`) names the departing person. */
export function isDepartingHandle(from: DepartingPerson, handle: string): boolean {
  return from.aliases.includes(handle.toLowerCase().replace(/^@/u, ''));
}

/** `Name <email>` or just the name. */
export function formatPerson(p: Person): string {
  return p.email ? `${p.name} <${p.email}>` : p.name;
}
