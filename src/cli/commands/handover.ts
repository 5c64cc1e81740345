/**
 * `client-pulse handover --from <person>`: the handover notes for everything a leaving person
 * carries (per client: promises, risks, contacts, history, code, branches, letter, checklist).
 */
import * as path from 'node:path';
import type { Language, Person } from '../../core/clients/model';
import { GitError } from '../../core/git/run';
import { composeHandover } from '../../core/handover/compose';
import { gatherHandoverInput, HandoverError, parseSince } from '../../core/handover/gather';
import { realHandoverGit } from '../../core/handover/gitSource';
import { parseNameEmail } from '../../core/handover/person';
import { handoverDir, saveHandover } from '../../core/handover/store';
import { parseCommandArgs } from '../args';
import { loadClientsFile } from '../clientsFile';
import { loadSettings } from '../settings';
import { workspaceOf, writeFailure } from '../writes';
import { writeFile } from '../../core/project/write';
import { optionsFromSettings } from '../../core/project/draftOptions';
import { ExitCode, RuntimeError, UsageError, type CliIo, type Command } from '../command';
import { errorText, noticeText, t, translate } from '../l10n';

const usage = `Usage: client-pulse handover --from PERSON [options]

Writes the handover notes of a person who leaves: for every client, the profile, contacts,
cadence and last update, status with reasons, every open commitment (overdue first), risks,
asks still waiting, feedback, the window's work by week and area, the code the person changed
and who else knows it, unmerged branches, deadlines of the next 30 days, a transition letter to
the client and an internal checklist (each client's part in the client's language).

Options:
      --from PERSON     Who leaves: a name or an e-mail as in git (required)
      --to "NAME <EMAIL>"
                        Who takes over; without it each client's Backup stands in
  -c, --client NAME     Only this client (repeatable; default: all clients)
      --since WHEN      Start of the look-back window: YYYY-MM-DD or a number of days
                        such as 90d (default: 90d)
      --lang LANG       Language of the document frame: en or zh-CN (default: en)
      --file FILE       The clients file (default: .project/clients.md, found by walking up)
  -o, --out FILE        Write the notes to FILE instead of printing them
      --save            Also save them as .project/handover/<date>-<person>.md (never
                        overwrites an earlier one: -2, -3… are added)
  -C, --cwd DIR         Run as if started in DIR (a folder inside the git repository)
  -h, --help            Show this help

"Today" is the local date, or CLIENT_PULSE_TODAY=YYYY-MM-DD.
Exit codes: 0 ok, 2 usage error (unknown client or person, bad date), 3 runtime error (no
clients file, not a git repository).
`;

const OPTIONS = {
  from: { type: 'string' },
  to: { type: 'string' },
  client: { type: 'string', short: 'c', multiple: true },
  since: { type: 'string' },
  lang: { type: 'string' },
  file: { type: 'string' },
  out: { type: 'string', short: 'o' },
  save: { type: 'boolean' },
} as const;

function language(text: string | undefined): Language {
  if (text === undefined) return 'en';
  const lower = text.toLowerCase();
  if (lower === 'en') return 'en';
  if (lower === 'zh-cn' || lower === 'zh') return 'zh-CN';
  throw new UsageError(t('--lang must be en or zh-CN; got {0}', JSON.stringify(text)));
}

export const handover: Command = {
  name: 'handover',
  summary: 'Write handover notes for a person who leaves (per client, with letter and checklist)',
  usage,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values } = parseCommandArgs(args, OPTIONS);
    if (!values.from?.trim()) throw new UsageError(t('--from is required: the name or e-mail of the person who leaves'));
    let to: Person | undefined;
    if (values.to !== undefined) {
      const parsed = parseNameEmail(values.to);
      if ('error' in parsed) throw new UsageError(`--to: ${noticeText(parsed.error)}`);
      to = parsed.person;
    }
    const lang = language(values.lang);
    let since: string | undefined;
    try {
      since = values.since !== undefined ? parseSince(values.since, io.today) : undefined;
    } catch (e) {
      throw new UsageError(`--since: ${errorText(e)}`);
    }
    const clientsFile = loadClientsFile(io.cwd, values.file);
    const { noise, redaction } = optionsFromSettings(loadSettings(io.cwd, clientsFile.path, undefined).settings);
    let doc;
    try {
      const input = await gatherHandoverInput({
        roots: [io.cwd],
        clientsText: clientsFile.text,
        from: values.from,
        ...(to ? { to } : {}),
        ...(values.client ? { clients: values.client } : {}),
        ...(since ? { since } : {}),
        today: io.today,
        language: lang,
        projectDir: path.dirname(clientsFile.path),
        noise,
        redaction,
        git: realHandoverGit(),
      });
      doc = composeHandover(input, translate);
    } catch (e) {
      if (e instanceof HandoverError) throw new UsageError(errorText(e));
      if (e instanceof GitError) throw new RuntimeError(errorText(e));
      throw e;
    }
    if (values.out !== undefined) {
      const out = path.resolve(io.cwd, values.out);
      await writeFile(out, doc.markdown).catch((e: unknown) => {
        throw writeFailure(e, io.cwd);
      });
      io.stderr.write(`${t('Handover notes written to {0}', values.out)}\n`);
    } else {
      io.stdout.write(doc.markdown);
    }
    if (values.save) {
      const saved = await saveHandover(handoverDir(path.dirname(clientsFile.path)), io.today, doc.from.name, doc.markdown, { within: workspaceOf(clientsFile.path) }).catch((e: unknown) => {
        throw writeFailure(e, io.cwd);
      });
      io.stderr.write(`${t('Saved {0}', path.relative(io.cwd, saved) || saved)}\n`);
    }
    return ExitCode.ok;
  },
};
