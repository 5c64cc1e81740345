/**
 * `client-pulse commitments`: open commitments grouped by client, overdue first, then by due date.
 */
import type { Client, ClientsFile, Commitment, CommitmentStatus, IsoDate } from '../../core/clients/model';
import { daysBetween } from '../../core/calendar';
import { findClient, isOpen } from '../../core/clients/queries';
import { parseClients } from '../../core/clients/parse';
import { compareCommitments, sortCommitments } from '../../core/project/order';
import { parseCommandArgs } from '../args';
import { errorsNote, loadClientsFile, unknownClient } from '../clientsFile';
import { paint } from '../colour';
import { ExitCode, UsageError, useColour, type CliIo, type Command } from '../command';
import { t } from '../l10n';

const usage = `Usage: client-pulse commitments [file] [options]

Lists open commitments from the clients file, grouped by client: overdue first, then by due date,
commitments without a due date last. Overdue ones are marked with "!".

Arguments:
  file               The clients file (default: .project/clients.md, found by walking up)

Options:
  -c, --client NAME  Only this client (case-insensitive; a unique start of the name is enough)
  -a, --all          Also list done commitments (after the open ones)
      --json         Print JSON: { file, today, commitments: [...] } in the same order
  -C, --cwd DIR      Run as if started in DIR
  -h, --help         Show this help

"Today" is the local date, or CLIENT_PULSE_TODAY=YYYY-MM-DD.
Exit codes: 0 ok (also when the list is empty), 2 usage error or unknown client, 3 file missing.
`;

/** One row of the listing; also the JSON shape (`line` is 1-based). */
export interface CommitmentRow {
  id: string;
  client: string;
  title: string;
  due: IsoDate | null;
  /** Days from today to the due date (negative when overdue); null without a due date. */
  daysLeft: number | null;
  overdue: boolean;
  done: boolean;
  /** `open`, `in-progress` (`[/]`), `cancelled` (`[-]`) or `done`. */
  status: CommitmentStatus;
  doneDate: IsoDate | null;
  /** When a cancelled commitment was dropped (`❌ YYYY-MM-DD`). */
  cancelledDate: IsoDate | null;
  owners: string[];
  tags: string[];
  line: number;
}

export interface CommitmentsJson {
  file: string;
  today: IsoDate;
  commitments: CommitmentRow[];
}

function toRow(c: Commitment, today: IsoDate): CommitmentRow {
  const daysLeft = c.due ? daysBetween(today, c.due) : null;
  return {
    id: c.id,
    client: c.client,
    title: c.title,
    due: c.due ?? null,
    daysLeft,
    overdue: isOpen(c) && daysLeft !== null && daysLeft < 0,
    done: c.done,
    status: c.status,
    doneDate: c.doneDate ?? null,
    cancelledDate: c.cancelledDate ?? null,
    owners: c.owners,
    tags: c.tags,
    line: c.span.startLine + 1,
  };
}

/**
 * The rows to show, in display order: each client's commitments in the one commitment order
 * (`core/project/order`); clients ordered by their most urgent one (file order when equal).
 * Clients without rows are left out.
 */
export function commitmentRows(file: ClientsFile, today: IsoDate, options: { client?: Client; all?: boolean } = {}): CommitmentRow[] {
  const clients = options.client ? [options.client] : file.clients;
  const groups = clients
    .map((client, index) => ({ index, list: sortCommitments(client.commitments.filter((c) => options.all || isOpen(c)), (c) => c) }))
    .filter((g) => g.list.length > 0);
  groups.sort((a, b) => compareCommitments(a.list[0], b.list[0]) || a.index - b.index);
  return groups.flatMap((g) => g.list.map((c) => toRow(c, today)));
}

/** "overdue 3 days", "due today", "due tomorrow", "in 4 days", "no due date", "done 2026-11-12". */
export function describeDue(row: CommitmentRow): string {
  if (row.done) return row.doneDate ? t('done {0}', row.doneDate) : t('done');
  if (row.status === 'cancelled') return row.cancelledDate ? t('cancelled {0}', row.cancelledDate) : t('cancelled');
  const n = row.daysLeft;
  if (row.status === 'in-progress') return `${t('in progress')}, ${describeDays(n)}`;
  return describeDays(n);
}

function describeDays(n: number | null): string {
  if (n === null) return t('no due date');
  if (n < 0) return n === -1 ? t('overdue 1 day') : t('overdue {0} days', -n);
  if (n === 0) return t('due today');
  if (n === 1) return t('due tomorrow');
  return t('in {0} days', n);
}

export const commitments: Command = {
  name: 'commitments',
  summary: 'List open commitments, overdue first, grouped by client',
  usage,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseCommandArgs(
      args,
      {
        client: { type: 'string', short: 'c' },
        all: { type: 'boolean', short: 'a' },
        json: { type: 'boolean' },
      },
      1,
    );
    const file = loadClientsFile(io.cwd, positionals[0]);
    const parsed = parseClients(file.text);
    let client: Client | undefined;
    if (values.client !== undefined) {
      client = findClient(parsed, values.client);
      if (!client) {
        const known = parsed.clients.map((c) => c.name).join(', ') || t('none');
        throw new UsageError(unknownClient(values.client, file.displayPath, known), { showUsage: false });
      }
    }
    const rows = commitmentRows(parsed, io.today, { client, all: values.all });
    const errors = parsed.diagnostics.filter((d) => d.severity === 'error').length;
    if (errors > 0) {
      io.stderr.write(`${errorsNote(file.displayPath, errors)}\n`);
    }
    if (values.json) {
      const json: CommitmentsJson = { file: file.displayPath, today: io.today, commitments: rows };
      io.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
      return ExitCode.ok;
    }
    io.stdout.write(renderText(rows, file.displayPath, io.today, useColour(io)));
    return ExitCode.ok;
  },
};

function renderText(rows: CommitmentRow[], displayPath: string, today: IsoDate, colour: boolean): string {
  const p = paint(colour);
  const open = rows.filter((r) => isOpen(r));
  const overdue = open.filter((r) => r.overdue).length;
  if (rows.length === 0) return `${t('No open commitments in {0} (today {1}).', displayPath, today)}\n`;
  const dueWidth = Math.max(...rows.map((r) => describeDue(r).length));
  const out: string[] = [];
  let current: string | undefined;
  for (const row of rows) {
    if (row.client !== current) {
      if (current !== undefined) out.push('');
      current = row.client;
      const mine = rows.filter((r) => r.client === row.client && isOpen(r));
      const late = mine.filter((r) => r.overdue).length;
      out.push(`${p.bold(row.client)} ${p.dim(late ? t('({0} open, {1} overdue)', mine.length, late) : t('({0} open)', mine.length))}`);
    }
    const mark = row.overdue ? p.red('!') : row.done ? p.dim('✓') : row.status === 'cancelled' ? p.dim('–') : ' ';
    const dueText = describeDue(row).padEnd(dueWidth);
    const due = row.overdue ? p.red(dueText) : row.daysLeft !== null && row.daysLeft <= 2 && !row.done ? p.yellow(dueText) : dueText;
    const meta = [...row.owners.map((o) => `@${o}`), ...row.tags.map((t) => `#${t}`)].join(' ');
    const date = (row.due ?? '').padEnd(10);
    const title = !isOpen(row) ? p.dim(row.title) : row.title;
    out.push(`  ${mark} ${date}  ${due}  ${title}${meta ? `  ${p.dim(meta)}` : ''}  ${p.dim(`${displayPath}:${row.line}`)}`);
  }
  out.push('');
  const openText = open.length === 1 ? t('1 open commitment') : t('{0} open commitments', open.length);
  out.push(`${openText}${overdue ? t(', {0}', p.red(t('{0} overdue', overdue))) : ''} · ${t('today {0}', today)}`);
  return `${out.join('\n')}\n`;
}
