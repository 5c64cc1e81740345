/**
 * An envelope as an e-mail: an `.eml` message built with nodemailer's MailComposer (UTF-8 headers
 * encoded as RFC 2047 words, text and HTML alternatives), and a `mailto:` URL for short messages.
 * Whatever the document (a client update: `core/draft/envelope.ts`; handover notes), the mail is
 * built from its `Envelope` alone.
 */
import type { Envelope, Person } from '../model';
import { momentOn } from '../calendar';
import { isMailbox, usableRecipients } from '../mailbox';
import { loadMailComposer } from '../vendor';
import { markdownToHtmlDocument, markdownToText } from './markdown';

/** Above this length a `mailto:` URL is not reliable in every mail client and OS. */
export const MAILTO_MAX_LENGTH = 1900;

export interface EmlOptions {
  /** Sender, e.g. the client's owner; left out when unknown (the mail client fills it in). */
  from?: Person;
  /** Date header; defaults to now on the envelope's `today` (CLIENT_PULSE_TODAY honoured, see calendar.ts `momentOn`). */
  date?: Date;
  /** Message-ID header; a random one by default. */
  messageId?: string;
}

/** MailComposer quotes and encodes display names itself when given an object. */
function mailbox(p: Person): { name: string; address: string } | string {
  return p.name ? { name: p.name, address: p.email as string } : (p.email as string);
}

/**
 * The recipients that may go into a header or a `mailto:` URL: plain mailboxes only (see
 * src/core/mailbox.ts). Whatever the envelope holds, an address with a line break, an encoded
 * one, a `:` or a second address never reaches a header; the draft itself names what was left out.
 */
export function mailRecipients(envelope: Pick<Envelope, 'to' | 'cc'>): { to: Person[]; cc: string[] } {
  const { to, cc } = usableRecipients(envelope.to, envelope.cc);
  return { to, cc };
}

/** The envelope as an RFC 5322 message (`.eml`), marked as an unsent draft (`X-Unsent: 1`). */
export function buildEml(envelope: Envelope, options: EmlOptions = {}): Promise<Buffer> {
  const markdown = envelope.text;
  const recipients = mailRecipients(envelope);
  const MailComposer = loadMailComposer();
  const composer = new MailComposer({
    ...(options.from?.email && isMailbox(options.from.email) ? { from: mailbox(options.from) } : {}),
    to: recipients.to.map(mailbox),
    cc: recipients.cc,
    subject: envelope.subject,
    text: markdownToText(markdown),
    html: markdownToHtmlDocument(markdown, envelope.subject, envelope.language),
    textEncoding: 'base64',
    date: options.date ?? (envelope.today ? momentOn(envelope.today) : new Date()),
    ...(options.messageId ? { messageId: options.messageId } : {}),
    headers: { 'X-Unsent': '1', 'Content-Language': envelope.language },
  });
  return new Promise((resolve, reject) => {
    composer.compile().build((err, message) => (err ? reject(err) : resolve(message)));
  });
}

/**
 * A `mailto:` URL with recipients, subject and the plain-text body, or undefined when it would be
 * longer than `maxLength` characters (then save an `.eml` instead).
 */
export function mailtoUrl(envelope: Envelope, options: { maxLength?: number } = {}): string | undefined {
  const recipients = mailRecipients(envelope);
  const to = recipients.to.map((p) => p.email as string);
  const params = [`subject=${encodeURIComponent(envelope.subject)}`];
  if (recipients.cc.length) params.unshift(`cc=${recipients.cc.map(encodeURIComponent).join(',')}`);
  const body = markdownToText(envelope.text).replace(/\n/g, '\r\n');
  params.push(`body=${encodeURIComponent(body)}`);
  const url = `mailto:${to.map(encodeURIComponent).join(',')}?${params.join('&')}`;
  return url.length <= (options.maxLength ?? MAILTO_MAX_LENGTH) ? url : undefined;
}
