/**
 * The draft as an e-mail: an `.eml` message built with nodemailer's MailComposer (UTF-8 headers
 * encoded as RFC 2047 words, text and HTML alternatives), and a `mailto:` URL for short drafts.
 */
import MailComposer from 'nodemailer/lib/mail-composer';
import type { Envelope, Person } from '../model';
import { markdownToHtmlDocument, markdownToText } from './markdown';

/** What a message is built from: an envelope whose body is `markdown` (a `Draft` is one). */
type Mailable = Omit<Envelope, 'text'> & { markdown: string };

/** Above this length a `mailto:` URL is not reliable in every mail client and OS. */
export const MAILTO_MAX_LENGTH = 1900;

export interface EmlOptions {
  /** The body as the user left it; defaults to `draft.markdown`. */
  markdown?: string;
  /** Sender, e.g. the client's owner; left out when unknown (the mail client fills it in). */
  from?: Person;
  /** Date header; defaults to now. Fixed in tests for a reproducible message. */
  date?: Date;
  /** Message-ID header; a random one by default. */
  messageId?: string;
}

/** MailComposer quotes and encodes display names itself when given an object. */
function mailbox(p: Person): { name: string; address: string } | string {
  return p.name ? { name: p.name, address: p.email as string } : (p.email as string);
}

/** The draft as an RFC 5322 message (`.eml`), marked as an unsent draft (`X-Unsent: 1`). */
export function buildEml(draft: Mailable, options: EmlOptions = {}): Promise<Buffer> {
  const markdown = options.markdown ?? draft.markdown;
  const composer = new MailComposer({
    ...(options.from?.email ? { from: mailbox(options.from) } : {}),
    to: draft.to.filter((p) => p.email).map(mailbox),
    cc: draft.cc,
    subject: draft.subject,
    text: markdownToText(markdown),
    html: markdownToHtmlDocument(markdown, draft.subject, draft.language),
    textEncoding: 'base64',
    date: options.date ?? new Date(),
    ...(options.messageId ? { messageId: options.messageId } : {}),
    headers: { 'X-Unsent': '1', 'Content-Language': draft.language },
  });
  return new Promise((resolve, reject) => {
    composer.compile().build((err, message) => (err ? reject(err) : resolve(message)));
  });
}

/**
 * A `mailto:` URL with recipients, subject and the plain-text body, or undefined when it would be
 * longer than `maxLength` characters (then save an `.eml` instead).
 */
export function mailtoUrl(draft: Mailable, options: { markdown?: string; maxLength?: number } = {}): string | undefined {
  const to = draft.to.map((p) => p.email).filter((a): a is string => a !== undefined);
  const params = [`subject=${encodeURIComponent(draft.subject)}`];
  if (draft.cc.length) params.unshift(`cc=${draft.cc.map(encodeURIComponent).join(',')}`);
  const body = markdownToText(options.markdown ?? draft.markdown).replace(/\n/g, '\r\n');
  params.push(`body=${encodeURIComponent(body)}`);
  const url = `mailto:${to.map(encodeURIComponent).join(',')}?${params.join('&')}`;
  return url.length <= (options.maxLength ?? MAILTO_MAX_LENGTH) ? url : undefined;
}
