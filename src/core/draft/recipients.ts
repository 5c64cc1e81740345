/**
 * Who a drafted update is addressed to, by audience: the client's contacts (To) and Cc for the
 * client e-mail; the team for the internal report — the client's Owner, never a client contact or
 * the client's Cc (a PMO list must not receive commit hashes and "not shown to the client" lines).
 */
import type { Client } from '../clients/model';
import type { Audience, Person } from '../model';
import { usableRecipients, type LeftOutRecipient } from '../mailbox';

export interface Recipients {
  to: Person[];
  cc: string[];
  leftOut: LeftOutRecipient[];
}

export function recipientsFor(client: Client, audience: Audience): Recipients {
  if (audience === 'client') return usableRecipients(client.contacts, client.cc);
  const clientSide = new Set([...client.contacts.map((p) => p.email ?? ''), ...client.cc].map((a) => a.trim().toLowerCase()).filter(Boolean));
  const team = client.owner?.email !== undefined && !clientSide.has(client.owner.email.trim().toLowerCase()) ? [client.owner] : [];
  // An owner whose address is not a plain mailbox is left out like any other (and named for the lead).
  return usableRecipients(team, []);
}
