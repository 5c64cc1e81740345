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
 */
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

export interface Redactor {
  /** Secrets removed. */
  internal(text: string): string;
  /** Secrets, foreign e-mail addresses, ticket keys and extra patterns removed; tidied. */
  client(text: string, allowedEmails?: readonly string[]): string;
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
      let out = secretFree;
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
      .replace(/[ \t]{2,}/gu, ' ')
      .replace(/^[\s:;,.|/–—-]+/u, '')
      .replace(/[\s:;,|/–—-]+$/u, '');
    if (out === before) break;
  }
  return out.trim();
}
