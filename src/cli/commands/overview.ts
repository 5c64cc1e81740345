/**
 * `client-pulse overview`: one row per client — status with its reason, commitments open /
 * overdue / due this week, unanswered asks and how long they wait, the last update sent and the
 * next one due, the trend of the last saved statuses. The same rows as the extension's
 * "Clients overview" (both call `gatherOverview`).
 */
import * as path from 'node:path';
import { WEEK_STARTS, type WeekStart } from '../../core/calendar';
import { gatherOverview } from '../../core/overview/gather';
import { sparkline, type OverviewRow } from '../../core/overview/compute';
import type { Status } from '../../core/model';
import { parseCommandArgs } from '../args';
import { loadClientsFile } from '../clientsFile';
import { paint } from '../colour';
import { ExitCode, UsageError, useColour, type CliIo, type Command } from '../command';
import { loadSettings } from '../settings';
import { cliLanguage, noticeText, t } from '../l10n';
import { optionsFromSettings } from '../../core/project/draftOptions';

const usage = `Usage: client-pulse overview [options]

One row per client of clients.md: the computed status and its main reason, open / overdue /
due-this-week commitments, unanswered asks (and how long the oldest has waited), the last update
sent and the next one due by the client's Cadence:, and the statuses of the last saved updates
(▁ on track, ▄ at risk, █ off track; oldest first). Every repository a client lists in Repos: is
read, in parallel. A client's status is computed as in its draft: for the period since its last
saved update, else this week.

Options:
      --json            Print JSON: { today, historyRead, warnings, rows: [...] }
      --week-start DAY  monday (default), sunday or saturday
      --file FILE       The clients file (default: .project/clients.md, found by walking up)
      --settings FILE   The clientPulse.* settings (default: .vscode/settings.json of the folder
                        that holds .project/)
  -C, --cwd DIR         Run as if started in DIR (a folder inside the git repository)
  -h, --help            Show this help

"Today" is the local date, or CLIENT_PULSE_TODAY=YYYY-MM-DD.
Exit codes: 0 ok, 2 usage error, 3 no clients file.
`;

const OPTIONS = {
  json: { type: 'boolean' },
  'week-start': { type: 'string' },
  file: { type: 'string' },
  settings: { type: 'string' },
} as const;

const STATUS_WORDS: Record<Status, () => string> = {
  'on-track': () => t('on track'),
  'at-risk': () => t('at risk'),
  'off-track': () => t('off track'),
};

/** Display width: CJK characters take two columns. */
function width(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return w;
}

function pad(text: string, to: number): string {
  return text + ' '.repeat(Math.max(0, to - width(text)));
}

function cells(r: OverviewRow): string[] {
  const asks = r.asks.unanswered === 0 ? '0' : r.asks.oldestDays !== undefined ? t('{0} (oldest {1} d)', r.asks.unanswered, r.asks.oldestDays) : String(r.asks.unanswered);
  const next = r.nextDue === undefined ? '—' : r.nextOverdueDays > 0 ? t('{0} ({1} d late)', r.nextDue, r.nextOverdueDays) : r.nextDue;
  return [r.client, STATUS_WORDS[r.status](), String(r.commitments.open), String(r.commitments.overdue), String(r.commitments.dueThisWeek), asks, r.lastSent ?? '—', next, sparkline(r.history) || '—'];
}

export function renderOverview(rows: readonly OverviewRow[], colour: boolean): string {
  const p = paint(colour);
  const head = [t('Client'), t('Status'), t('Still open'), t('Overdue'), t('Due this week'), t('Asks waiting'), t('Last sent'), t('Next due'), t('Trend')];
  const body = rows.map(cells);
  const widths = head.map((h, k) => Math.max(width(h), ...body.map((b) => width(b[k]))));
  const line = (c: string[]) => c.map((x, k) => pad(x, widths[k])).join('  ').trimEnd();
  const out = [p.bold(line(head))];
  rows.forEach((r, k) => {
    const text = line(body[k]);
    const shown = r.status === 'off-track' ? p.red(text) : r.status === 'at-risk' ? p.yellow(text) : text;
    out.push(shown);
    if (r.reason) out.push(`  ${p.dim(r.reason)}`);
  });
  return `${out.join('\n')}\n`;
}

export const overview: Command = {
  name: 'overview',
  summary: 'One row per client: status, commitments, asks, last and next update, trend',
  usage,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values } = parseCommandArgs(args, OPTIONS);
    const clientsFile = loadClientsFile(io.cwd, values.file);
    const { settings } = loadSettings(io.cwd, clientsFile.path, values.settings);
    const weekStartText = values['week-start'];
    const weekStart: WeekStart | undefined = weekStartText === undefined ? settings.weekStart : WEEK_STARTS.find((w) => w === weekStartText.toLowerCase());
    if (!weekStart) throw new UsageError(t('--week-start must be monday, sunday or saturday; got {0}', JSON.stringify(weekStartText)));
    const fromSettings = optionsFromSettings({ ...settings, weekStart });
    const result = await gatherOverview({
      roots: [io.cwd],
      clientsText: clientsFile.text,
      projectDir: path.dirname(clientsFile.path),
      today: io.today,
      weekStart,
      language: cliLanguage() === 'zh-cn' ? 'zh-CN' : 'en',
      ...(fromSettings.noise ? { noise: fromSettings.noise } : {}),
      ...(fromSettings.redaction ? { redaction: fromSettings.redaction } : {}),
    });
    const warnings = result.warnings.map(noticeText);
    for (const w of warnings) io.stderr.write(`${t('warning: {0}', w)}\n`);
    if (!result.historyRead) io.stderr.write(`${t('note: no git history was read; statuses come from clients.md alone')}\n`);
    if (values.json) {
      const rows = result.rows.map((r) => ({ ...r, repoProblems: r.repoProblems.map(noticeText) }));
      io.stdout.write(`${JSON.stringify({ today: result.today, historyRead: result.historyRead, warnings, rows }, null, 2)}\n`);
      return ExitCode.ok;
    }
    io.stdout.write(renderOverview(result.rows, useColour(io)));
    return ExitCode.ok;
  },
};
