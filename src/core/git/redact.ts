/**
 * Redaction of text that leaves the team.
 *
 * - Secrets are removed from every text, client or internal: credentials in URLs
 *   (`https://user:pass@`), `password=…`/`token=…`-style assignments, GitHub/GitLab/npm/Slack/
 *   AWS/Google/Stripe/OpenAI-style tokens, bearer tokens, JWTs and private-key blocks.
 * - Client text also loses e-mail addresses other than the client's own (`allowedEmails`),
 *   internal ticket keys (`ticketKeyPattern`, case-sensitive, by default `JIRA-123` style; well-known standard
 *   names such as `UTF-8`, `SHA-256`, `ISO-8601` are never taken for tickets) and every extra
 *   pattern in `patterns`.
 * - Client text also loses internal host names and every URL on them (`*.internal`, `*.corp`,
 *   `*.local`, `*.lan`, `*.intranet`, `*.localdomain`, `*.home.arpa`, `localhost`, private and
 *   loopback IP addresses), together with the phrase that points at them ("see …", "(details in …)",
 *   "… for details"), so the sentence reads whole.
 * - Text the lead wrote in clients.md (commitment titles, risks, asks) goes to the client through
 *   `written`: secrets, internal hosts and the extra patterns are removed, but ticket keys and
 *   e-mail addresses are kept — the lead chose those words for the client (`PO-2026` may be the
 *   client's own order number), whereas a commit subject was written for the team.
 */
import { isIP } from 'node:net';
import { compilePatterns } from './noise';
import type { RedactionOptions } from './types';

export const REDACTED = '[redacted]';

export const DEFAULT_TICKET_KEY_PATTERN = '\\b[A-Z][A-Z0-9]+-\\d+\\b';

export const DEFAULT_REDACTION: RedactionOptions = {
  patterns: [],
  ticketKeyPattern: DEFAULT_TICKET_KEY_PATTERN,
  allowedEmails: [],
};

/**
 * Names that look like ticket keys but are standards and products (`UTF-8`, `SHA-256`, `ISO-8601`,
 * `IE-11`, `GPT-4`, `PHP-8`: product names with a short version) or quarters (`Q4-2026`):
 * removing them would leave a client sentence with a hole ("Layout in and Safari").
 */
const NOT_TICKETS =
  /^(?:(?:UTF|UCS|SHA|MD|ISO|IEC|HTTP|HTTPS|TLS|SSL|AES|RSA|ECDSA|ED|IPV|RFC|CVE|CWE|PEP|ES|ECMA|COVID|WCAG|PCI|GDPR|OWASP|ASCII|ANSI|IEEE|TCP|UDP)-\d+|(?:IE|GPT|PHP|MP|USB|HDMI|WPA|DDR|LTE|ARM|AVX|PS|XBOX|WIN|JDK|JRE)-\d{1,2}|Q[1-4]-\d{4}|H[1-2]-\d{4})$/u;

interface SecretRule {
  /** Lower-case strings of which at least one must occur for the rule to apply (a cheap pre-check). */
  needles: string[];
  re: RegExp;
  replace: string;
}

const SECRET_RULES: SecretRule[] = [
  { needles: ['private key-----'], re: /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z0-9 ]*PRIVATE KEY-----|$)/gu, replace: REDACTED },
  { needles: ['://'], re: /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/:@]+:[^\s/@]+@/giu, replace: `$1${REDACTED}@` },
  { needles: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'], re: /\b(gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})\b/gu, replace: REDACTED },
  { needles: ['glpat-'], re: /\bglpat-[A-Za-z0-9_-]{20,}\b/gu, replace: REDACTED },
  { needles: ['npm_'], re: /\bnpm_[A-Za-z0-9]{30,}\b/gu, replace: REDACTED },
  { needles: ['akia', 'asia', 'agpa', 'aida', 'aroa', 'anpa', 'anva', 'aipa'], re: /\b(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}\b/gu, replace: REDACTED },
  { needles: ['xox'], re: /\bxox[abposr]-[A-Za-z0-9-]{10,}/gu, replace: REDACTED },
  { needles: ['hooks.slack.com'], re: /https:\/\/hooks\.slack\.com\/services\/[A-Za-z0-9/_-]+/gu, replace: REDACTED },
  { needles: ['aiza'], re: /\bAIza[0-9A-Za-z_-]{35}\b/gu, replace: REDACTED },
  { needles: ['_live_', '_test_'], re: /\b[sr]k_(?:live|test)_[0-9A-Za-z]{16,}\b/gu, replace: REDACTED },
  { needles: ['sk-'], re: /\bsk-(?:proj-|ant-)?[A-Za-z0-9_-]{32,}/gu, replace: REDACTED },
  { needles: ['eyj'], re: /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/gu, replace: REDACTED },
  { needles: ['bearer', 'basic'], re: /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/-]{16,}=*/gu, replace: `$1 ${REDACTED}` },
  {
    needles: ['='],
    re: /\b(password|passwd|pwd|secret|client[_-]?secret|token|access[_-]?token|auth[_-]?token|api[_-]?key|apikey|access[_-]?key|private[_-]?key)(\s*=\s*)("[^"]*"|'[^']*'|[^\s&,;)]+)/giu,
    replace: `$1$2${REDACTED}`,
  },
  { needles: ['password', 'passwd'], re: /\b(password|passwd)(\s*[:：]\s*)("[^"]*"|'[^']*'|\S+)/giu, replace: `$1$2${REDACTED}` },
  { needles: ['密码', '口令'], re: /(密码|口令)(\s*[:：=]\s*)("[^"]*"|'[^']*'|[^\s，。；]+)/gu, replace: `$1$2${REDACTED}` },
];

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/gu;

/** Removes secrets (for internal and client text alike). */
export function redactSecrets(text: string): string {
  const lower = text.toLowerCase();
  let out = text;
  for (const rule of SECRET_RULES) {
    if (!rule.needles.some((n) => lower.includes(n))) continue;
    rule.re.lastIndex = 0;
    out = out.replace(rule.re, rule.replace);
  }
  return out;
}

/** Host suffixes that never resolve outside a private network (RFC 6762, RFC 8375, common practice). */
const INTERNAL_SUFFIXES = ['internal', 'corp', 'local', 'lan', 'intranet', 'localdomain', 'home.arpa', 'localhost'];

function privateIPv4(ip: string): boolean {
  const [a, b] = ip.split('.').map(Number);
  return a === 10 || a === 127 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127) || a === 0;
}

function privateIPv6(ip: string): boolean {
  const h = ip.toLowerCase().replace(/%.*$/u, '');
  if (h === '::1' || h === '::') return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/u.exec(h);
  if (mapped) return privateIPv4(mapped[1]);
  // fc00::/7 (unique local), fe80::/10 (link-local).
  return /^f[cd][0-9a-f]{0,2}:/u.test(h) || /^fe[89ab][0-9a-f]?:/u.test(h);
}

/** True for a host name or IP address that is internal to a private network. */
export function isInternalHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[(.*)\]$/u, '$1').replace(/\.$/u, '');
  if (!h) return false;
  const ip = isIP(h.replace(/%.*$/u, ''));
  if (ip === 4) return privateIPv4(h);
  if (ip === 6) return privateIPv6(h);
  return INTERNAL_SUFFIXES.some((s) => h === s || h.endsWith(`.${s}`));
}

const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const PATH_TAIL = `(?:[/?#][^\\s<>"'\`]*)?`;
/** A URL (scheme://…); whether its host is internal is decided by `isInternalHost`. */
const URL_RE = new RegExp(`\\b[a-z][a-z0-9+.-]*://(?:[^\\s/?#@<>"'\`]*@)?(\\[[0-9a-f:.%a-z]+\\]|[^\\s/?#:<>"'\`]+)(?::\\d{1,5})?${PATH_TAIL}`, 'giu');
/** A bare internal host (with an optional user part, port and path), a bare IP address, or `localhost:port`. */
const BARE_HOST_RE = new RegExp(
  `(?<![\\w.@/:%+-])(?:[\\w.+%-]+@)?(?:((?:${LABEL}\\.)+(?:internal|corp|local|lan|intranet|localdomain|home\\.arpa))(?::\\d{1,5})?|(localhost):\\d{1,5}|((?:\\d{1,3}\\.){3}\\d{1,3})(?::\\d{1,5})?|\\[?((?:[0-9a-f]{0,4}:){2,7}[0-9a-f]{0,4}(?:%[\\w.]+)?)\\]?(?::\\d{1,5})?)${PATH_TAIL}(?![\\w-]|\\.[\\w-])`,
  'giu',
);
/** A character that stands in for a removed reference while the phrase around it is taken out. */
const GONE = '\uE000';
/** Words that point at a reference ("see …", "details in …", "详见…"), taken out with it. */
const POINTER = `(?:\\b(?:see(?: also)?|cf\\.?|refs?|reference|details?(?: (?:in|at|on))?|more(?: (?:info|details))? (?:in|at|on)|tracked (?:in|at|on)|logged (?:in|at|on)|documented (?:in|at|on)|link(?:ed)?|via|at|on|in|to|from|off|onto|into|with|behind|against|by)|详见|参见|请见|见)\\s*[:：]?\\s*`;
const GONE_LIST = `${GONE}(?:\\s*(?:,|and|&|、|和)\\s*${GONE})*`;
const AFTER = `(?:\\s+for (?:the )?(?:details|more(?: details| info(?:rmation)?)?|context))?`;
const GONE_PHRASE = new RegExp(`[(（]\\s*(?:${POINTER})?${GONE_LIST}${AFTER}\\s*[)）]|(?:${POINTER})?${GONE_LIST}${AFTER}`, 'giu');

/** Trailing punctuation that ends a sentence rather than a URL; an unbalanced `)` too. */
function splitTrailing(ref: string): [string, string] {
  let end = ref.length;
  for (;;) {
    const ch = ref[end - 1];
    if (ch === undefined) break;
    if (/[.,;:!?'"，。；：！？、】]/u.test(ch)) end--;
    else if ((ch === ')' || ch === '）') && count(ref.slice(0, end), ch === ')' ? '(' : '（') < count(ref.slice(0, end), ch)) end--;
    else break;
  }
  return [ref.slice(0, end), ref.slice(end)];
}

function count(text: string, ch: string): number {
  return text.split(ch).length - 1;
}

/**
 * Internal host names and URLs on them removed, with the phrase that points at them; `text` is
 * returned unchanged (same string) when there are none.
 */
export function redactInternalHosts(text: string): string {
  if (!/[.:]/u.test(text)) return text;
  let found = false;
  let out = text.replace(/\uE000/gu, '');
  out = out.replace(URL_RE, (m: string, host: string) => {
    if (!isInternalHost(host.replace(/[.,;:!?'")）\]，。；：！？、】]+$/u, ''))) return m;
    const [, rest] = splitTrailing(m);
    found = true;
    return GONE + rest;
  });
  out = out.replace(BARE_HOST_RE, (m: string, name?: string, local?: string, v4?: string, v6?: string) => {
    const host = name ?? local ?? v4 ?? v6 ?? '';
    if (v6 !== undefined && isIP(v6.replace(/%.*$/u, '')) !== 6) return m;
    if (!isInternalHost(host)) return m;
    const [, rest] = splitTrailing(m);
    found = true;
    return GONE + rest;
  });
  if (!found) return text;
  return out.replace(GONE_PHRASE, '').replace(/\uE000/gu, '');
}

export interface Redactor {
  /** Secrets removed. */
  internal(text: string): string;
  /** Secrets, foreign e-mail addresses, ticket keys and extra patterns removed; tidied. */
  client(text: string, allowedEmails?: readonly string[]): string;
  /** Text the lead wrote for the client (clients.md): secrets, internal hosts and extra patterns removed; tidied. */
  written(text: string): string;
  /** The ticket keys in `text` that `client` would remove (none without a ticket key pattern). */
  ticketKeys(text: string): string[];
}

/** A redactor for the options (defaults filled in); invalid user patterns throw an Error naming them. */
export function makeRedactor(partial: Partial<RedactionOptions> | undefined): Redactor {
  const opts: RedactionOptions = {
    patterns: partial?.patterns ?? DEFAULT_REDACTION.patterns,
    ticketKeyPattern: partial?.ticketKeyPattern ?? DEFAULT_REDACTION.ticketKeyPattern,
    allowedEmails: partial?.allowedEmails ?? DEFAULT_REDACTION.allowedEmails,
  };
  // Ticket keys are case-sensitive (`JIRA-123`, not `phase-2`); extra patterns are not.
  const ticket = opts.ticketKeyPattern ? compilePatterns([opts.ticketKeyPattern], 'ticket key pattern', 'gu')[0] : undefined;
  const defaultTickets = opts.ticketKeyPattern === DEFAULT_TICKET_KEY_PATTERN;
  const extra = compilePatterns(opts.patterns, 'redaction pattern');
  const baseAllowed = new Set(opts.allowedEmails.map((e) => e.trim().toLowerCase()));
  return {
    internal: redactSecrets,
    client(text, allowedEmails = []) {
      const secretFree = redactSecrets(text);
      let out = redactInternalHosts(secretFree);
      if (out.includes('@')) {
        const allowed = allowedEmails.length ? new Set([...baseAllowed, ...allowedEmails.map((e) => e.toLowerCase())]) : baseAllowed;
        out = out.replace(EMAIL, (m) => (allowed.has(m.toLowerCase()) ? m : REDACTED));
      }
      if (ticket) {
        ticket.lastIndex = 0;
        // The exemptions belong to the default pattern; a pattern the user wrote is taken as meant.
      out = out.replace(ticket, (m) => (defaultTickets && NOT_TICKETS.test(m) ? m : ''));
      }
      for (const p of extra) {
        p.lastIndex = 0;
        out = out.replace(p, '');
      }
      return out === secretFree ? out : tidy(out);
    },
    ticketKeys(text) {
      if (!ticket) return [];
      ticket.lastIndex = 0;
      return [...text.matchAll(ticket)].map((m) => m[0]).filter((m) => !(defaultTickets && NOT_TICKETS.test(m)));
    },
    written(text) {
      const secretFree = redactSecrets(text);
      let out = redactInternalHosts(secretFree);
      for (const p of extra) {
        p.lastIndex = 0;
        out = out.replace(p, '');
      }
      return out === secretFree ? out : tidy(out);
    },
  };
}

/** Cleans what removals leave behind: empty brackets, dangling separators, doubled spaces. */
export function tidy(text: string): string {
  let out = text;
  for (let i = 0; i < 3; i++) {
    const before = out;
    out = out
      .replace(/\(\s*[,;/&]*\s*\)|\[\s*[,;/&]*\s*\]|（\s*[，,;/&]*\s*）|【\s*】/gu, '')
      .replace(/\s+([,;:.!?)\]，。；：！？）])(?=\s|$)/gu, '$1')
      .replace(/([([（【])\s+/gu, '$1')
      .replace(/(^|\s)[,;/&|]+(?=\s|$)/gu, '$1')
      .replace(/([,;，；])(?:\s*[,;，；])+/gu, '$1')
      .replace(/[,;，；]+(\s*[(（])/gu, '$1')
      .replace(/[,;:，；：]+\s*([.!?。！？])(?=\s|$)/gu, '$1')
      .replace(/[ \t]{2,}/gu, ' ')
      .replace(/^[\s:;,.|/–—-]+/u, '')
      .replace(/[\s:;,|/–—-]+$/u, '');
    if (out === before) break;
  }
  // Only punctuation left ("。" after "详见 <url>。"): nothing to say.
  return /[\p{L}\p{N}]/u.test(out) ? out.trim() : '';
}
