/**
 * `client-pulse draft --client NAME`: the update to a client, drafted from the period's commits
 * and `.project/clients.md` — the same draft the panel shows (both call `gatherDraftInput` and
 * `composeDraft`).
 */
import * as path from 'node:path';
import type { Client, IsoDate, Language, Person } from '../../core/clients/model';
import { findClient, isOpen, problemsOf } from '../../core/clients/queries';
import { formatDiagnostic } from './check';
import { composeDraft, DraftError } from '../../core/draft/compose';
import { gatherDraftInput } from '../../core/draft/gather';
import { TemplateError } from '../../core/draft/template';
import type { RewordReason } from '../../core/draft/rewordCheck';
import type { Draft } from '../../core/draft/types';
import type { Audience, Status } from '../../core/model';
import { buildEml } from '../../core/export/mail';
import { findBlanks } from '../../core/export/blanks';
import { findInternalMarkers, internalDetailNotice } from '../../core/draft/markers';
import { draftEnvelope } from '../../core/draft/envelope';
import { leftOutNote } from '../../core/mailbox';
import { markdownToHtmlDocument, markdownToText } from '../../core/export/markdown';
import { customPeriod, isIsoDate, periodFor, PeriodError, WEEK_STARTS, type WeekStart } from '../../core/calendar';
import { GitError } from '../../core/git/run';
import type { Period } from '../../core/git/types';
import { saveRecordOnce, updatesDir } from '../../core/records/store';
import { badDate, parseCommandArgs } from '../args';
import { loadClientsFile } from '../clientsFile';
import { loadSettings } from '../settings';
import { workspaceOf, writeFailure } from '../writes';
import { writeFile } from '../../core/project/write';
import { optionsFromSettings } from '../../core/project/draftOptions';
import { ExitCode, RuntimeError, UsageError, type CliIo, type Command } from '../command';
import { errorText, noticeText, t } from '../l10n';

const usage = `Usage: client-pulse draft --client NAME [options]

Drafts the update to a client: overall status with its reasons, what was done (reworded from
the commits, grouped by commitment and kind), commitments delivered, in progress, due soon and
overdue, risks with their mitigation, what is needed from the client and the plan for the next
period — in the client's language (English or Simplified Chinese). See docs/drafting.md.

Options:
  -c, --client NAME     The client, as in clients.md (required; case-insensitive)
  -p, --period PERIOD   this-week, last-week, since-last, or YYYY-MM-DD..YYYY-MM-DD
                        (default: since the last saved update, else this week)
  -f, --format FORMAT   md (default), text, html, or eml (an unsent e-mail message)
  -a, --audience WHO    client (default) or internal (the team's weekly report, with hashes)
      --lang LANG       en or zh-CN (default: the client's Language:, else en)
      --footnotes       Number the lines and list their commits at the end (client e-mail)
      --status STATUS   Override the computed status: on-track, at-risk or off-track
      --new-date TAG=DATE  The new date you propose for an overdue commitment (its #tag or the
                        start of its title), written into its line; repeat for several
      --week-start DAY  monday (default), sunday or saturday
      --signature NAME  Sign with NAME (default: the client's Owner, else git user.name)
      --file FILE       The clients file (default: .project/clients.md, found by walking up)
      --settings FILE   The clientPulse.* settings (default: .vscode/settings.json of the folder
                        that holds .project/, as the extension reads them)
      --redact PATTERN  Also remove PATTERN (a regular expression) from the client text; repeat
                        for several (added to clientPulse.redactPatterns)
  -o, --out FILE        Write the draft to FILE instead of printing it
      --save            Also save it as sent: .project/updates/<date>-<client>.md (never
                        overwrites; the newest record starts the next default period)
      --strict          Exit 1 when a line still needs rewording (code or file names, the other
                        language, or no content) or a blank is unfilled (____, [last working
                        day]): the notes on stderr say which
      --repo DIR        Also read the repository in DIR as the client's (repeatable; for a run
                        only — the repositories of its Repos: line in clients.md are always read)
  -C, --cwd DIR         Run as if started in DIR (a folder inside the git repository)
  -h, --help            Show this help

md and text start with Subject/To/Cc lines, then the body. "Today" is the local date, or
CLIENT_PULSE_TODAY=YYYY-MM-DD.
Exit codes: 0 ok, 1 lines to reword or blanks remain (--strict only; the draft is still written), 2 usage error (unknown client, bad period, bad option), 3 runtime error (no
clients file, not a git repository, broken template, internal detail in a client e-mail).
`;

const OPTIONS = {
  client: { type: 'string', short: 'c' },
  period: { type: 'string', short: 'p' },
  format: { type: 'string', short: 'f' },
  audience: { type: 'string', short: 'a' },
  lang: { type: 'string' },
  footnotes: { type: 'boolean' },
  status: { type: 'string' },
  'week-start': { type: 'string' },
  signature: { type: 'string' },
  file: { type: 'string' },
  out: { type: 'string', short: 'o' },
  save: { type: 'boolean' },
  'new-date': { type: 'string', multiple: true },
  strict: { type: 'boolean' },
  redact: { type: 'string', multiple: true },
  settings: { type: 'string' },
  repo: { type: 'string', multiple: true },
} as const;

/** How the CLI words each reword reason of core. */
const REWORD_WORDS: Record<RewordReason, (language: Language) => string> = {
  identifier: () => t('has code, file or package names'),
  'other-language': (language) => (language === 'zh-CN' ? t('is in English in a Chinese e-mail') : t('is in Chinese in an English e-mail')),
  contentless: () => t('says nothing the client can use'),
};

type Format = 'md' | 'text' | 'html' | 'eml';

function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  const found = allowed.find((a) => a.toLowerCase() === value.toLowerCase());
  if (!found) throw new UsageError(t('--{0} must be {1}; got {2}', flag, allowed.join(', '), JSON.stringify(value)));
  return found;
}

function language(text: string | undefined): Language | undefined {
  if (text === undefined) return undefined;
  const lower = text.toLowerCase();
  if (lower === 'en') return 'en';
  if (lower === 'zh-cn' || lower === 'zh') return 'zh-CN';
  throw new UsageError(t('--lang must be en or zh-CN; got {0}', JSON.stringify(text)));
}

/**
 * `--new-date TAG=YYYY-MM-DD` (repeatable) as the composer's proposedDates: each names one overdue
 * commitment of the client, by tag or by the start of its title, and a date from today on.
 */
export function proposedDatesOption(given: readonly string[] | undefined, client: Client | undefined, today: IsoDate): Record<string, IsoDate> | undefined {
  if (!given?.length || !client) return undefined;
  const out: Record<string, IsoDate> = {};
  // A new date is proposed for a promise that was missed: the overdue ones.
  const open = client.commitments.filter((c) => isOpen(c) && c.due !== undefined && c.due < today);
  const known = () => open.map((c) => (c.tags[0] ? `#${c.tags[0]}` : JSON.stringify(c.title))).join(', ') || t('none');
  for (const text of given) {
    const m = /^(.+?)=(.*)$/u.exec(text);
    if (!m || !m[1].trim()) throw new UsageError(t('--new-date must be TAG=YYYY-MM-DD (e.g. checkout=2026-12-11); got {0}', JSON.stringify(text)));
    const date = m[2].trim();
    if (!isIsoDate(date)) throw new UsageError(badDate('--new-date', date));
    if (date < today) throw new UsageError(t('--new-date: {0} is in the past; propose a date from today ({1}) on', date, today));
    const key = m[1].trim().replace(/^#/u, '').toLowerCase();
    const byTag = open.filter((c) => c.tags.some((t) => t.toLowerCase() === key));
    const matches = byTag.length > 0 ? byTag : open.filter((c) => c.title.toLowerCase().startsWith(key));
    if (matches.length !== 1) {
      const message = matches.length === 0
        ? t('--new-date: no overdue commitment of {0} is {1} (overdue: {2})', client.name, JSON.stringify(m[1].trim()), known())
        : t('--new-date: more than one overdue commitment of {0} is {1} (overdue: {2})', client.name, JSON.stringify(m[1].trim()), known());
      throw new UsageError(message, { showUsage: false });
    }
    out[matches[0].id] = date;
  }
  return out;
}

/** `undefined` means the default (since the last saved update, else this week). */
export function parsePeriodOption(text: string | undefined, today: string, weekStart: WeekStart): Period | undefined {
  if (text === undefined || text === 'since-last') return undefined;
  try {
    if (text === 'this-week' || text === 'last-week') return periodFor(text, today, weekStart);
    const m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(text.trim());
    if (m) return customPeriod(m[1], m[2]);
  } catch (e) {
    if (e instanceof PeriodError) throw new UsageError(`--period: ${errorText(e)}`);
    throw e;
  }
  throw new UsageError(t('--period must be this-week, last-week, since-last or YYYY-MM-DD..YYYY-MM-DD; got {0}', JSON.stringify(text)));
}

function people(list: readonly Person[]): string {
  return list.map((p) => (p.email ? `${p.name} <${p.email}>` : p.name)).join(', ');
}

/** The printed draft for `md` and `text`: Subject, To and Cc lines, a blank line, the body. */
export function draftWithHeaders(draft: Draft, body: string): string {
  const head = [`Subject: ${draft.subject}`];
  // The draft's recipients follow its audience (the internal report: the team, see core/draft/recipients.ts).
  if (draft.to.length) head.push(`To: ${people(draft.to)}`);
  if (draft.cc.length) head.push(`Cc: ${draft.cc.join(', ')}`);
  return `${head.join('\n')}\n\n${body}`;
}

async function render(draft: Draft, format: Format, from: Person | undefined): Promise<string | Buffer> {
  switch (format) {
    case 'md':
      return draftWithHeaders(draft, draft.markdown);
    case 'text':
      return draftWithHeaders(draft, markdownToText(draft.markdown));
    case 'html':
      return markdownToHtmlDocument(draft.markdown, draft.subject, draft.language);
    case 'eml':
      return buildEml(draftEnvelope(draft), from ? { from } : {});
  }
}

export const draft: Command = {
  name: 'draft',
  summary: 'Draft the update to a client (md, text, html or eml; client or internal audience)',
  usage,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values } = parseCommandArgs(args, OPTIONS);
    if (!values.client?.trim()) throw new UsageError(t('--client is required: the client name as written in clients.md'));
    const format = oneOf<Format>('format', values.format, ['md', 'text', 'html', 'eml'], 'md');
    const audience = oneOf<Audience>('audience', values.audience, ['client', 'internal'], 'client');
    const clientsFile = loadClientsFile(io.cwd, values.file);
    const { settings } = loadSettings(io.cwd, clientsFile.path, values.settings);
    const weekStart = oneOf<WeekStart>('week-start', values['week-start'], WEEK_STARTS, settings.weekStart);
    const status = values.status === undefined ? undefined : oneOf<Status>('status', values.status, ['on-track', 'at-risk', 'off-track'], 'on-track');
    const lang = language(values.lang);
    const period = parsePeriodOption(values.period, io.today, weekStart);
    for (const p of values.redact ?? []) {
      try {
        new RegExp(p, 'u');
      } catch (e) {
        throw new UsageError(t('--redact: {0} is not a valid regular expression ({1})', JSON.stringify(p), (e as Error).message));
      }
    }
    const fromSettings = optionsFromSettings({ ...settings, weekStart, redactPatterns: [...settings.redactPatterns, ...(values.redact ?? [])], ...(values.signature !== undefined ? { signature: values.signature } : {}) });
    if (values.save && audience !== 'client') throw new UsageError(t('--save records updates sent to the client; it cannot be used with --audience internal'));

    const projectDir = path.dirname(clientsFile.path);
    let result;
    try {
      const gathered = await gatherDraftInput({
        roots: [io.cwd],
        ...(values.repo?.length ? { extraRepos: values.repo.map((r) => path.resolve(io.cwd, r)) } : {}),
        clientsText: clientsFile.text,
        projectDir,
        client: values.client,
        period,
        today: io.today,
        ...fromSettings,
        audience,
        ...(lang ? { language: lang } : {}),
        // As in the panel: the client's Language:, else clientPulse.language, else English.
        ...(settings.language !== 'auto' ? { fallbackLanguage: settings.language } : {}),
        ...(status ? { statusOverride: status } : {}),
        ...(values.footnotes ? { footnotes: true } : {}),
      });
      // The gathered input holds the parsed clients file: --new-date is resolved against it.
      const proposedDates = proposedDatesOption(values['new-date'], findClient(gathered.input.file, values.client), io.today);
      result = { gathered, draft: composeDraft(proposedDates ? { ...gathered.input, proposedDates } : gathered.input) };
    } catch (e) {
      if (e instanceof DraftError) throw new UsageError(errorText(e), { showUsage: false });
      if (e instanceof TemplateError || e instanceof GitError) throw new RuntimeError(errorText(e));
      if (e instanceof PeriodError) throw new UsageError(errorText(e));
      throw e;
    }
    const { gathered, draft: d } = result;
    // The draft reads the client's part of clients.md as it is: a mistake there (a date that is
    // not a date, a misspelt field) leaves something out of the e-mail, so the lead hears of it here.
    const problems = problemsOf(gathered.input.file, d.client);
    for (const p of problems) io.stderr.write(`${formatDiagnostic(clientsFile.displayPath, p)}\n`);
    if (problems.length > 0) {
      io.stderr.write(`${t('warning: the part of {1} for {0} has the problems above; the draft reads it as written, so the e-mail may leave out what they hold — fix them first (client-pulse check lists every problem in the file)', d.client, clientsFile.displayPath)}\n`);
    }
    for (const w of gathered.warnings) io.stderr.write(`${t('warning: {0}', noticeText(w))}\n`);
    for (const l of d.leftOut ?? []) io.stderr.write(`${t('warning: {0}', noticeText(leftOutNote(l)))}\n`);
    if (values.period === 'since-last' && gathered.periodSource !== 'since-last') {
      io.stderr.write(`${t('note: no saved update for {0} yet; drafting this week ({1}..{2})', d.client, d.period.since, d.period.until)}\n`);
    }
    for (const n of d.leadNotes ?? []) {
      let text: string;
      switch (n.code) {
        case 'tick-commitment':
          text = t("Work on “{0}” was done on {1}, by its due date {2}: the e-mail says it is delivered pending the client's check. Tick it in clients.md once they confirm.", n.title, n.completedOn, n.due);
          break;
        case 'earlier-work':
          text = t('“{0}” is past its due date {1} and still open; “{2}” ({3}, {4}, before this period) looks like its work and is linked to nothing, so the e-mail says work on it landed, not that the date was missed. If it delivered the commitment, tick it in clients.md; if not, give the commitment a new date (the line then says the date was missed).', n.title, n.due, n.change, n.hash.slice(0, 7), n.on);
          break;
        case 'shared-change':
          text = t('"{0}" ({1}) only changed files that {2} share equally in their Paths, and it is evidence for none of their commitments: it is in none of their e-mails. To show it to a client, link it to a commitment (a #tag or a "Commitment:" trailer) or name the client ("Client:").', n.change, n.hash.slice(0, 7), n.clients.join(d.language === 'zh-CN' ? '、' : ', '));
          break;
      }
      io.stderr.write(`${t('note: {0}', text)}\n`);
    }
    for (const l of d.sections.flatMap((s) => s.lines).filter((x) => x.leftOutByDefault)) io.stderr.write(`${t('note: left out of the e-mail, as it says nothing the client can use: {0} (write what changed into the e-mail if the client should hear of it)', l.text)}\n`);
    const reword = d.sections.flatMap((s) => s.lines).filter((l) => l.needsRewording && !l.dropped);
    for (const s of d.linkSuggestions ?? []) {
      io.stderr.write(
        `${t('note: "{0}" ({1}) looks like evidence for “{2}”: link it? (a #tag of the commitment or a "Commitment:" trailer in the message)', s.change, s.hashes[0].slice(0, 7), s.commitmentTitle)}\n`,
      );
    }
    for (const l of reword) {
      const why = (l.reword ?? []).map((r) => REWORD_WORDS[r](d.language)).join(', ');
      io.stderr.write(`${t('note: reword before sending ({0}): {1}', why, l.text)}\n`);
    }
    // Blanks (a proposed date, a reason, a mitigation to agree) must be filled before the e-mail goes out.
    const blanks = findBlanks(d.markdown);
    for (const b of blanks) io.stderr.write(`${t('warning: blank to fill in at line {0}: {1}', b.line + 1, b.context)}\n`);
    // A client e-mail never carries what only the team reads (a template may have put it there): refused, nothing written.
    if (d.audience === 'client' && d.internalDetail) {
      const refused = internalDetailNotice(findInternalMarkers(d.markdown, d.internalDetail));
      if (refused) throw new RuntimeError(noticeText(refused));
    }
    const client = gathered.input.file.clients.find((c) => c.name === d.client);
    const output = await render(d, format, client?.owner);
    if (values.out !== undefined) {
      const out = path.resolve(io.cwd, values.out);
      await writeFile(out, output).catch((e: unknown) => {
        throw writeFailure(e, io.cwd);
      });
      io.stderr.write(`${t('Draft written to {0}', values.out)}\n`);
    } else {
      io.stdout.write(typeof output === 'string' ? output : output.toString('utf8'));
    }
    if (values.save) {
      const saved = await saveRecordOnce(updatesDir(projectDir), d, { sent: io.today }, { within: workspaceOf(clientsFile.path) }).catch((e: unknown) => {
        throw writeFailure(e, io.cwd);
      });
      const where = path.relative(io.cwd, saved.path) || saved.path;
      io.stderr.write(`${saved.written ? t('Record saved: {0}', where) : t('Record already saved (the same text today): {0}; nothing written', where)}\n`);
    }
    if (values.strict && (reword.length > 0 || blanks.length > 0)) {
      if (reword.length > 0) io.stderr.write(`${reword.length === 1 ? t('1 line to reword (--strict)') : t('{0} lines to reword (--strict)', reword.length)}\n`);
      if (blanks.length > 0) io.stderr.write(`${blanks.length === 1 ? t('1 blank to fill in (--strict)') : t('{0} blanks to fill in (--strict)', blanks.length)}\n`);
      return ExitCode.problems;
    }
    return ExitCode.ok;
  },
};
