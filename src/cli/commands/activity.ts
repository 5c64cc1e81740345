/**
 * `client-pulse activity`: the period's commits as Client Pulse sees them — routed to clients,
 * linked to commitments, reworded for clients and redacted; noise hidden unless asked for.
 */
import type { Client, ClientsFile, IsoDate } from '../../core/clients/model';
import { findClient } from '../../core/clients/queries';
import { parseClients } from '../../core/clients/parse';
import { readActivity } from '../../core/git/activity';
import { boundaryNotice, withinBoundary } from '../../core/git/boundary';
import * as path from 'node:path';
import { customPeriod, isIsoDate, periodFor, PeriodError, WEEK_STARTS, type WeekStart } from '../../core/calendar';
import { GitError } from '../../core/git/run';
import { readListedRepositories, reposBase, type ClientRepository } from '../../core/git/repositories';
import type { Activity, ActivityItem, Period } from '../../core/git/types';
import { badDate, parseCommandArgs } from '../args';
import { errorsNote, findClientsFile, loadClientsFile, unknownClient } from '../clientsFile';
import { paint } from '../colour';
import { ExitCode, RuntimeError, UsageError, useColour, type CliIo, type Command } from '../command';
import { errorText, noticeText, t } from '../l10n';
import type { Notice } from '../../core/notices';

const usage = `Usage: client-pulse activity [options]

Shows the commits of a period the way updates use them: routed to clients (Paths:, Tag:),
linked to commitments (#tag, Commitment: trailer), reworded for a reader outside the team and
redacted (secrets, other people's e-mail addresses, ticket keys). Merges, bots, chore/ci/build/
test/style/refactor commits, commits touching only tests (tests-only), CI configuration (ci-only)
or lockfiles and developer tooling (tooling), reverted pairs and .git-blame-ignore-revs entries
are hidden; so is, from every client, a commit only in files that several clients' Paths: match
equally and that is linked to none of their commitments (shared).

Options:
  -s, --since WHEN      YYYY-MM-DD, this-week or last-week (default: this-week)
  -u, --until DATE      YYYY-MM-DD, last day included (default: today, or the end of the week)
  -c, --client NAME     Only commits routed to this client (case-insensitive; a unique start of the name is enough)
      --author TEXT     Only commits whose author name or e-mail contains TEXT (repeatable)
      --show-hidden     Also list hidden commits, with the reason
      --repo DIR        Also read the repository in DIR (repeatable); with --client, all of it
                        is the client's. The repositories clients.md lists in Repos: are read too
      --json            Print JSON: { root, period, client, warnings, items: [...] }
      --week-start DAY  monday (default), sunday or saturday
      --file FILE       The clients file (default: .project/clients.md, found by walking up;
                        without one, commits are listed without clients)
  -C, --cwd DIR         Run as if started in DIR (a folder inside the git repository)
  -h, --help            Show this help

Days are local calendar days; a commit belongs to the day it was committed. "Today" is the local
date, or CLIENT_PULSE_TODAY=YYYY-MM-DD.
Exit codes: 0 ok (also when nothing happened), 2 usage error or unknown client, 3 not a git
repository, git missing or unreadable clients file.
`;

const OPTIONS = {
  since: { type: 'string', short: 's' },
  until: { type: 'string', short: 'u' },
  client: { type: 'string', short: 'c' },
  author: { type: 'string', multiple: true },
  'show-hidden': { type: 'boolean' },
  json: { type: 'boolean' },
  'week-start': { type: 'string' },
  file: { type: 'string' },
  repo: { type: 'string', multiple: true },
} as const;

/** The period from `--since`/`--until` (validated; a UsageError says what to write). */
export function activityPeriod(since: string | undefined, until: string | undefined, today: IsoDate, weekStart: WeekStart): Period {
  try {
    if (until !== undefined && !isIsoDate(until)) throw new UsageError(badDate('--until', until));
    if (since === undefined || since === 'this-week' || since === 'last-week') {
      const week = periodFor(since ?? 'this-week', today, weekStart);
      return until === undefined ? week : customPeriod(week.since, until);
    }
    if (!isIsoDate(since)) throw new UsageError(badDate('--since', since, t('YYYY-MM-DD, this-week or last-week')));
    return customPeriod(since, until ?? (since > today ? since : today));
  } catch (e) {
    if (e instanceof PeriodError) throw new UsageError(errorText(e));
    throw e;
  }
}

/** One item of `--json`. */
export interface ActivityRow {
  hash: string;
  date: string;
  author: string;
  clients: string[];
  commitments: string[];
  kind: string;
  type: string | null;
  scope: string | null;
  breaking: boolean;
  /** Reworded and redacted for clients. */
  text: string;
  /** The subject as written, secrets redacted. */
  internalText: string;
  hidden: string | null;
  duplicateOf: string | null;
  /** The repository as Repos: (or --repo) names it; null for the repository the command ran in. */
  repository: string | null;
}

function toRow(i: ActivityItem): ActivityRow {
  return {
    hash: i.commit.hash,
    date: i.commit.authorDate,
    author: i.commit.authorName,
    clients: i.clients,
    commitments: i.commitmentIds,
    kind: i.kind,
    type: i.type ?? null,
    scope: i.scope ?? null,
    breaking: i.breaking,
    text: i.clientText,
    internalText: i.internalText,
    hidden: i.hidden ?? null,
    duplicateOf: i.duplicateOf ?? null,
    repository: i.repository ?? null,
  };
}

function loadClients(io: CliIo, given: string | undefined): { file?: ClientsFile; displayPath?: string; folder?: string; projectDir?: string } {
  if (given === undefined && findClientsFile(io.cwd) === undefined) return {};
  const loaded = loadClientsFile(io.cwd, given);
  const file: ClientsFile = parseClients(loaded.text);
  const errors = file.diagnostics.filter((d) => d.severity === 'error').length;
  if (errors > 0) io.stderr.write(`${errorsNote(loaded.displayPath, errors)}\n`);
  // The folder that holds `.project/` is the repository boundary (as for `draft` and `handover`).
  return { file, displayPath: loaded.displayPath, folder: path.dirname(path.dirname(loaded.path)), projectDir: path.dirname(loaded.path) };
}

export const activity: Command = {
  name: 'activity',
  summary: "Show a period's commits routed to clients, reworded and redacted",
  usage,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values } = parseCommandArgs(args, OPTIONS);
    const weekStartText = values['week-start'] ?? 'monday';
    const weekStart = WEEK_STARTS.find((w) => w === weekStartText.toLowerCase());
    if (!weekStart) throw new UsageError(t('--week-start must be monday, sunday or saturday; got {0}', JSON.stringify(weekStartText)));
    const period = activityPeriod(values.since, values.until, io.today, weekStart);
    const { file, displayPath, folder, projectDir } = loadClients(io, values.file);
    let client: Client | undefined;
    if (values.client !== undefined) {
      client = file && findClient(file, values.client);
      if (!client) {
        const known = file ? file.clients.map((c) => c.name).join(', ') || t('none') : t('no clients file found');
        throw new UsageError(unknownClient(values.client, displayPath, known), { showUsage: false });
      }
    }
    let result: Activity;
    const listedWarnings: Notice[] = [];
    try {
      const bounded = await withinBoundary({ cwd: io.cwd, period, authors: values.author }, folder);
      result = bounded.request ? await readActivity(bounded.request, file) : { root: bounded.boundary?.root ?? io.cwd, items: [], warnings: [] };
      if (bounded.boundary) result.warnings.unshift(boundaryNotice(bounded.boundary));
      // The repositories clients.md lists (Repos:) and those given with --repo, in parallel.
      const extra: ClientRepository[] = (values.repo ?? []).map((dir) => ({ client: client?.name ?? '', dir: path.resolve(io.cwd, dir), ref: { path: dir, paths: [], span: client?.headingSpan ?? { startLine: 0, startColumn: 0, endLine: 0, endColumn: 0, startOffset: 0, endOffset: 0 } } }));
      if (extra.length > 0 || file?.clients.some((c) => c.repos.length > 0)) {
        const listed = await readListedRepositories(
          file ?? { clients: [], diagnostics: [], eol: '\n', hasBom: false },
          projectDir ? reposBase(projectDir) : io.cwd,
          { period, ...(values.author ? { authors: values.author } : {}) },
          { ...(client ? { clients: [client.name] } : {}), extra, skipRoots: [result.root] },
        );
        const seen = new Set(result.items.map((i) => i.commit.hash));
        result.items.push(...listed.items.filter((i) => !seen.has(i.commit.hash)));
        result.items.sort((a, b) => Date.parse(b.commit.authorDate) - Date.parse(a.commit.authorDate));
        listedWarnings.push(...listed.warnings);
      }
    } catch (e) {
      if (e instanceof GitError) throw new RuntimeError(errorText(e));
      if (e instanceof PeriodError) throw new UsageError(errorText(e));
      throw e;
    }
    const routed = client ? result.items.filter((i) => i.clients.includes(client.name)) : result.items;
    const shown = values['show-hidden'] ? routed : routed.filter((i) => i.hidden === undefined);
    const warnings = [...result.warnings, ...listedWarnings].map(noticeText);
    for (const w of warnings) io.stderr.write(`${t('note: {0}', w)}\n`);
    if (values.json) {
      const json = { root: result.root, period, client: client?.name ?? null, warnings, items: shown.map(toRow) };
      io.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
      return ExitCode.ok;
    }
    io.stdout.write(renderText(shown, routed.length - routed.filter((i) => i.hidden === undefined).length, period, client?.name, values['show-hidden'] === true, useColour(io)));
    return ExitCode.ok;
  },
};

function renderText(items: ActivityItem[], hiddenCount: number, period: Period, client: string | undefined, showHidden: boolean, colour: boolean): string {
  const p = paint(colour);
  const range = t('commits {0} – {1}', period.since, period.until);
  const head = client ? t('{0}: {1}', client, range) : range;
  if (items.length === 0) {
    return `${hiddenCount && !showHidden ? t('{0}: none ({1} hidden; --show-hidden lists them)', head, hiddenCount) : t('{0}: none', head)}\n`;
  }
  const out = [p.bold(head), ''];
  for (const i of items) {
    const hash = p.dim(i.commit.hash.slice(0, 10));
    const date = i.commit.authorDate.slice(0, 10);
    const kind = i.kind.padEnd(7);
    // Hidden commits are the team's business: shown as written (secrets still redacted).
    const text = i.hidden ? p.dim(i.internalText) : i.clientText;
    const extra: string[] = [];
    if (i.breaking) extra.push(p.yellow(t('breaking')));
    if (!client && i.clients.length) extra.push(`[${i.clients.join(', ')}]`);
    if (i.repository !== undefined) extra.push(p.dim(t('(in {0})', i.repository)));
    if (i.commitmentIds.length) extra.push(`→ ${i.commitmentIds.join(', ')}`);
    if (i.hidden) extra.push(p.dim(t('(hidden: {0})', i.hidden)));
    if (i.duplicateOf) extra.push(p.dim(t('(same as {0})', i.duplicateOf.slice(0, 10))));
    out.push(`  ${hash}  ${date}  ${kind}  ${text}${extra.length ? `  ${extra.join(' ')}` : ''}`);
  }
  const visible = items.filter((i) => i.hidden === undefined).length;
  const shown = visible === 1 ? t('1 commit') : t('{0} commits', visible);
  out.push('', hiddenCount ? (showHidden ? t('{0}, {1} hidden', shown, hiddenCount) : t('{0}, {1} hidden (--show-hidden lists them)', shown, hiddenCount)) : shown);
  return `${out.join('\n')}\n`;
}
