/**
 * The one check of an e-mail address before it is used as a recipient (a header of an `.eml`, a
 * `mailto:` URL) or accepted by `check`.
 *
 * Two kinds of fault:
 * - `unsafe`: characters that break a header or a URL apart — CR, LF, NUL and other control
 *   characters, their percent-encodings (`%0D`, `%0A`, `%00`), `<`/`>` not in one matched pair,
 *   and the separators of address lists and groups (`,` `;` `:`) or quotes inside one address.
 *   `Cc: b@client.example%0D%0ABcc:x@elsewhere.example` is read by mail programs as a group with
 *   an extra recipient; it must never reach a header.
 * - `invalid`: anything else that is not a plain mailbox `local@domain.tld` (dot-atom local part of
 *   at most 64 characters, a domain of at least two labels with a top-level domain of letters,
 *   at most 254 characters in all). Letters of any script are accepted (RFC 6531).
 */
import type { Person } from './model';
import { wordNotice, type DraftNotice, type MailboxNotice, type TextNotice } from './notices';

export type MailboxFaultKind = 'unsafe' | 'invalid';

export interface MailboxFault {
  kind: MailboxFaultKind;
  /** Why, in English words a lead understands (`contains a line break (%0D%0A)`). */
  reason: string;
  /** Why, as a notice each front words. */
  why: MailboxNotice;
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u;
const ENCODED_BREAK = /%0[0ad]/iu;
const LOCAL_ATOM = "[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+";
const LOCAL = new RegExp(`^${LOCAL_ATOM}(?:\\.${LOCAL_ATOM})*$`, 'u');
const LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;
const TLD = /^(?:\p{L}{2,63}|xn--[a-z0-9-]{1,59})$/iu;

/**
 * Characters in a field value (a whole `Contact:` or `Cc:` entry, or one address) that break a
 * header: undefined when there are none.
 */
export function headerBreaking(text: string): string | undefined {
  const why = headerBreakingNotice(text);
  return why && wordNotice(why);
}

/** `headerBreaking` as a notice. */
export function headerBreakingNotice(text: string): MailboxNotice | undefined {
  if (/[\r\n]/u.test(text)) return { code: 'mailbox.line-break' };
  if (text.includes('\u0000')) return { code: 'mailbox.nul' };
  if (CONTROL.test(text)) return { code: 'mailbox.control' };
  const encoded = ENCODED_BREAK.exec(text);
  if (encoded) return { code: encoded[0].toUpperCase() === '%00' ? 'mailbox.encoded-nul' : 'mailbox.encoded-line-break', encoded: encoded[0].toUpperCase() };
  const opens = text.split('<').length - 1;
  const closes = text.split('>').length - 1;
  if (opens !== closes || opens > 1 || (opens === 1 && text.indexOf('<') > text.indexOf('>'))) return { code: 'mailbox.unpaired-brackets' };
  return undefined;
}

/** Undefined when `address` is a plain mailbox that may be used as a recipient, else the fault. */
export function mailboxFault(address: string): MailboxFault | undefined {
  const fault = (kind: MailboxFaultKind, why: MailboxNotice): MailboxFault => ({ kind, reason: wordNotice(why), why });
  const breaking = headerBreakingNotice(address);
  if (breaking) return fault('unsafe', breaking);
  if (/[,;]/u.test(address)) return fault('unsafe', { code: 'mailbox.several-addresses' });
  if (/[:"]/u.test(address)) return fault('unsafe', { code: 'mailbox.group-or-quote' });
  if (address.trim() !== address || /\s/u.test(address)) return fault('invalid', { code: 'mailbox.space' });
  const at = address.lastIndexOf('@');
  if (at < 0) return fault('invalid', { code: 'mailbox.no-at' });
  if (address.indexOf('@') !== at) return fault('invalid', { code: 'mailbox.several-at' });
  if (address.length > 254) return fault('invalid', { code: 'mailbox.too-long' });
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (!local || local.length > 64 || !LOCAL.test(local)) return fault('invalid', { code: 'mailbox.bad-local-part', local });
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l)) || !TLD.test(labels[labels.length - 1])) {
    return fault('invalid', { code: 'mailbox.bad-domain', domain });
  }
  return undefined;
}

export function isMailbox(address: string): boolean {
  return mailboxFault(address) === undefined;
}

/** A contact or Cc address kept out of a draft's recipients, and why (for the lead, never the client). */
export interface LeftOutRecipient {
  field: 'To' | 'Cc';
  /** The contact's name (To only). */
  name?: string;
  /** The address as written; absent for a contact without one. */
  address?: string;
  /** Why, in English. */
  reason: string;
  /** Why, as a notice (absent: the contact has no address). */
  why?: MailboxNotice;
}

/** The recipients that may be used, and those left out with the reason. */
export function usableRecipients(to: readonly Person[], cc: readonly string[]): { to: Person[]; cc: string[]; leftOut: LeftOutRecipient[] } {
  const leftOut: LeftOutRecipient[] = [];
  const goodTo = to.filter((p) => {
    if (p.email === undefined) {
      leftOut.push({ field: 'To', name: p.name, reason: 'has no e-mail address' });
      return false;
    }
    const fault = mailboxFault(p.email);
    if (fault) leftOut.push({ field: 'To', name: p.name, address: p.email, reason: fault.reason, why: fault.why });
    return fault === undefined;
  });
  const goodCc = cc.filter((address) => {
    const fault = mailboxFault(address);
    if (fault) leftOut.push({ field: 'Cc', address, reason: fault.reason, why: fault.why });
    return fault === undefined;
  });
  return { to: goodTo, cc: goodCc, leftOut };
}

/** The lead-facing notice of a left-out recipient (the address JSON-quoted: it may hold control characters). */
export function leftOutNote(l: LeftOutRecipient): DraftNotice {
  const reason: MailboxNotice | TextNotice = l.why ?? { code: 'text', text: l.reason };
  if (l.field === 'Cc') return { code: 'draft.cc-left-out', address: JSON.stringify(l.address ?? ''), reason };
  if (l.address === undefined) return { code: 'draft.contact-without-email', name: l.name ?? '' };
  return { code: 'draft.contact-left-out', name: l.name ?? '', address: JSON.stringify(l.address), reason };
}
