/**
 * Who a drafted update is addressed to, by audience: the client's contacts (To) and Cc for the
 * client e-mail; the team for the internal report — the client's `Team:` (To), else its Owner (To)
 * and Backup (Cc) — never a client contact or the client's Cc (a PMO list must not receive commit
 * hashes and "not shown to the client" lines).
 */
import type { Client } from '../clients/model';
import type { Audience, Person } from '../model';
import { usableRecipients, type LeftOutRecipient } from '../mailbox';

export interface Recipients {
  to: Person[];
  cc: string[];
  leftOut: LeftOutRecipient[];
}

const key = (address: string): string => address.trim().toLowerCase();

export function recipientsFor(client: Client, audience: Audience): Recipients {
  if (audience === 'client') return usableRecipients(client.contacts, client.cc);
  const clientSide = new Set([...client.contacts.map((p) => p.email ?? ''), ...client.cc].map(key).filter(Boolean));
  const seen = new Set<string>();
  /** A person of the team who may receive it: has an address, not one of the client's, not named twice. */
  const teamOnly = (p: Person | undefined): p is Person => {
    if (p === undefined) return false;
    if (p.email === undefined) return true; // left out by usableRecipients, and named for the lead
    const k = key(p.email);
    if (clientSide.has(k) || seen.has(k)) return false;
    seen.add(k);
    return true;
  };
  if (client.team?.length) return usableRecipients(client.team.filter(teamOnly), []);
  const to = [client.owner].filter(teamOnly);
  const backup = [client.backup].filter(teamOnly);
  // The Backup is copied; an address that is not a plain mailbox is left out like any other (and named for the lead).
  return usableRecipients(to, backup.flatMap((p) => (p.email !== undefined ? [p.email] : [])));
}
