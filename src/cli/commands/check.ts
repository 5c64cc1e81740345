/** `client-pulse check [file]`: reports every problem in clients.md, exits 1 when there are errors. */
import * as path from 'node:path';
import { parseClients } from '../../core/clients/parse';
import { allRepositories, checkRepositories, repositoryDiagnostics, reposBase } from '../../core/git/repositories';
import type { Diagnostic, Severity } from '../../core/clients/model';
import { parseCommandArgs } from '../args';
import { loadClientsFile } from '../clientsFile';
import { paint, type Paint } from '../colour';
import { ExitCode, useColour, type CliIo, type Command } from '../command';
import { t, translate } from '../l10n';

const usage = `Usage: client-pulse check [file] [options]

Checks a clients file and prints every problem, one per line:
  file:line:col: severity: message [code]
Lines and columns are 1-based. Severities: error, warning, info. The repositories of Repos:
lines are checked too (missing, not a git repository, not its top folder, refused by git).

Arguments:
  file           The clients file (default: .project/clients.md, found by walking up from the
                 current folder)

Options:
  -q, --quiet    Print only errors (no warnings, no info, no summary line)
  -C, --cwd DIR  Run as if started in DIR
  -h, --help     Show this help

Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 usage error, 3 file missing or unreadable.
`;

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** `path:line:col: severity: message [code]`, 1-based, as compilers print it. */
export function formatDiagnostic(displayPath: string, d: Diagnostic, p: Paint = paint(false)): string {
  const sev = d.severity === 'error' ? p.red(d.severity) : d.severity === 'warning' ? p.yellow(d.severity) : p.cyan(d.severity);
  return `${p.bold(`${displayPath}:${d.span.startLine + 1}:${d.span.startColumn + 1}`)}: ${sev}: ${d.message} ${p.dim(`[${d.code}]`)}`;
}

const COUNTED = {
  client: () => [t('1 client'), t('{0} clients')],
  error: () => [t('1 error'), t('{0} errors')],
  warning: () => [t('1 warning'), t('{0} warnings')],
  note: () => [t('1 note'), t('{0} notes')],
} as const;

function plural(n: number, word: keyof typeof COUNTED): string {
  const [one, many] = COUNTED[word]();
  return n === 1 ? one : many.replace('{0}', String(n));
}

export const check: Command = {
  name: 'check',
  summary: 'Check .project/clients.md and report every problem (file:line:col)',
  usage,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseCommandArgs(args, { quiet: { type: 'boolean', short: 'q' } }, 1);
    const file = loadClientsFile(io.cwd, positionals[0]);
    const parsed = parseClients(file.text);
    const p = paint(useColour(io));
    // Read-only git, each listed repository once, a few at a time.
    const repos = allRepositories(parsed, reposBase(path.dirname(file.path)));
    const repoProblems = repos.length ? repositoryDiagnostics(await checkRepositories(repos), translate) : [];
    const diagnostics = [...parsed.diagnostics, ...repoProblems].sort(
      (a, b) => a.span.startLine - b.span.startLine || a.span.startColumn - b.span.startColumn || ORDER[a.severity] - ORDER[b.severity],
    );
    const shown = values.quiet ? diagnostics.filter((d) => d.severity === 'error') : diagnostics;
    for (const d of shown) io.stdout.write(`${formatDiagnostic(file.displayPath, d, p)}\n`);
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
    const infos = diagnostics.length - errors - warnings;
    if (!values.quiet) {
      const clients = plural(parsed.clients.length, 'client');
      if (diagnostics.length === 0) {
        io.stdout.write(`${t('{0}: no problems ({1})', file.displayPath, clients)}\n`);
      } else {
        const parts = [plural(errors, 'error'), plural(warnings, 'warning')];
        if (infos > 0) parts.push(plural(infos, 'note'));
        io.stdout.write(`${file.displayPath}: ${parts.join(', ')} (${clients})\n`);
      }
    }
    return errors > 0 ? ExitCode.problems : ExitCode.ok;
  },
};
