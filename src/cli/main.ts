/**
 * `client-pulse`: the headless CLI. Dispatches to the commands in `commands/index.ts`, prints
 * help, and turns errors into one-line messages with documented exit codes:
 * 0 ok · 1 problems found · 2 usage error · 3 runtime error.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ExitCode, RuntimeError, UsageError, type CliIo, type Command } from './command';
import { commands } from './commands';
import { processIo } from './io';
import { discardEarly } from '../core/git/early';
import { closest } from '../core/clients/suggest';
import { cliLanguageOf, errorText, localeLanguage, t, useLanguage, type CliLanguage } from './l10n';

import { version as packageVersion } from '../../package.json';

const PROGRAM = 'client-pulse';

export function version(): string {
  return packageVersion;
}

export function mainUsage(table: readonly Command[] = commands): string {
  const width = Math.max(...table.map((c) => c.name.length), 8);
  const lines = table.map((c) => `  ${c.name.padEnd(width)}  ${t(c.summary)}`);
  return [
    t('Usage: {0} <command> [options]', PROGRAM),
    '',
    t('Client Pulse turns git commits and a hand-kept .project/clients.md into client updates,'),
    t('open-commitment lists and handover notes.'),
    '',
    t('Commands:'),
    ...lines,
    '',
    t('Options:'),
    `  -C, --cwd DIR    ${t('Run as if started in DIR (any command)')}`,
    `  --lang LANG      ${t('Language of messages and help: en or zh-cn (default: from LC_ALL, LC_MESSAGES or LANG); give it before the command')}`,
    `  -h, --help       ${t('Show help (also after a command: client-pulse check --help)')}`,
    `  -v, --version    ${t('Show the version')}`,
    '',
    t('Environment:'),
    `  CLIENT_PULSE_TODAY=YYYY-MM-DD  ${t('Use this date as "today" (reproducible output)')}`,
    `  NO_COLOR=1                     ${t('Never colour the output')}`,
    `  LANG=zh_CN.UTF-8               ${t('Messages in Simplified Chinese (as --lang zh-cn)')}`,
    '',
    t('Exit codes: 0 ok, 1 problems found, 2 usage error, 3 runtime error (missing file, not a git repository).'),
    '',
  ].join('\n');
}

/**
 * Removes the global `--lang LANG` / `--lang=LANG` from the options before the command (after it,
 * `--lang` is the command's own, e.g. the draft's language). Returns the rest and the language.
 */
export function extractLanguage(argv: string[]): { args: string[]; language?: CliLanguage } {
  const args = [...argv];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--cwd' || a === '-C') {
      i++;
      continue;
    }
    if (a !== '--lang' && !a.startsWith('--lang=')) {
      if (a.startsWith('-') && a !== '--') continue;
      break;
    }
    const value = a === '--lang' ? args[i + 1] : a.slice('--lang='.length);
    const language = value === undefined ? undefined : cliLanguageOf(value);
    if (language === undefined) {
      throw new UsageError(t('option --lang needs en or zh-cn; got {0}', JSON.stringify(value ?? '')));
    }
    args.splice(i, a === '--lang' ? 2 : 1);
    return { args, language };
  }
  return { args };
}

function wantsHelp(args: string[]): boolean {
  for (const a of args) {
    if (a === '--') return false;
    if (a === '--help' || a === '-h') return true;
  }
  return false;
}

/**
 * Removes the global `--cwd DIR` / `-C DIR` / `--cwd=DIR` (before any `--`) from `argv`.
 * Returns the remaining arguments and the directory, if given.
 */
export function extractCwd(argv: string[]): { args: string[]; cwd?: string } {
  const args: string[] = [];
  let cwd: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      args.push(...argv.slice(i));
      break;
    }
    if (a === '--cwd' || a === '-C') {
      const value = argv[i + 1];
      if (value === undefined || value === '--') throw new UsageError(t('option {0} needs a folder', a));
      cwd = value;
      i++;
    } else if (a.startsWith('--cwd=')) {
      cwd = a.slice('--cwd='.length);
      if (!cwd) throw new UsageError(t('option {0} needs a folder', '--cwd'));
    } else {
      args.push(a);
    }
  }
  return { args, cwd };
}

/** Runs the CLI with `argv` (without `node` and the script); resolves to the exit code. */
export async function runCli(argv: string[], makeIo: () => CliIo = processIo, table: readonly Command[] = commands): Promise<number> {
  let io: CliIo | undefined;
  let args: string[];
  try {
    useLanguage(localeLanguage(process.env));
    const { args: rest, language } = extractLanguage(argv);
    if (language) useLanguage(language);
    io = makeIo();
    if (!language) useLanguage(localeLanguage(io.env));
    const extracted = extractCwd(rest);
    args = extracted.args;
    if (extracted.cwd !== undefined) io = { ...io, cwd: checkedDirectory(io.cwd, extracted.cwd) };
  } catch (e) {
    (io?.stderr ?? process.stderr).write(`${PROGRAM}: ${errorText(e)}\n`);
    return e instanceof UsageError ? ExitCode.usage : ExitCode.runtime;
  }
  const [first, ...rest] = args;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    const topic = first === 'help' ? rest[0] : undefined;
    const command = topic ? table.find((c) => c.name === topic) : undefined;
    if (topic && !command) return unknownCommand(io, topic, table);
    (first === undefined ? io.stderr : io.stdout).write(command ? t(command.usage) : mainUsage(table));
    return first === undefined ? ExitCode.usage : ExitCode.ok;
  }
  if (first === '--version' || first === '-v' || first === '-V') {
    io.stdout.write(`${version()}\n`);
    return ExitCode.ok;
  }
  const command = table.find((c) => c.name === first);
  if (!command) return unknownCommand(io, first, table);
  if (wantsHelp(rest)) {
    io.stdout.write(t(command.usage));
    return ExitCode.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`${PROGRAM} ${command.name}: ${e.message}\n${e.showUsage ? `\n${t(command.usage)}` : ''}`);
      return ExitCode.usage;
    }
    if (e instanceof RuntimeError) {
      io.stderr.write(`${PROGRAM} ${command.name}: ${e.message}\n`);
      return ExitCode.runtime;
    }
    const detail = e instanceof Error && io.env.CLIENT_PULSE_DEBUG ? e.stack ?? e.message : errorText(e);
    io.stderr.write(`${PROGRAM} ${command.name}: ${t('unexpected error: {0}', detail)}\n`);
    return ExitCode.runtime;
  }
}

function checkedDirectory(base: string, dir: string): string {
  const resolved = path.resolve(base, dir);
  let ok: boolean;
  try {
    ok = fs.statSync(resolved).isDirectory();
  } catch {
    ok = false;
  }
  if (!ok) throw new RuntimeError(t('--cwd: no such folder: {0}', resolved));
  return resolved;
}

function unknownCommand(io: CliIo, name: string, table: readonly Command[]): number {
  const commandNames = table.map((c) => c.name).join(', ');
  const near = name.startsWith('-') ? undefined : closest(name, table.map((c) => c.name));
  if (near) {
    io.stderr.write(`${PROGRAM}: ${t('unknown command {0} — did you mean {1}? (client-pulse --help lists them all)', JSON.stringify(name), near)}\n`);
    return ExitCode.usage;
  }
  const hint = name.startsWith('-') ? t('unknown option {0} (commands: {1})', name, commandNames) : t('unknown command {0} (commands: {1})', JSON.stringify(name), commandNames);
  io.stderr.write(`${PROGRAM}: ${hint}\n\n${mainUsage(table)}`);
  return ExitCode.usage;
}

/** Runs the CLI with `argv` and sets the process's exit code (the bin, `start.ts`, calls it). */
export function main(argv: string[]): void {
  runCli(argv)
    .then(
      (code) => {
        process.exitCode = code;
      },
      (e: unknown) => {
        process.stderr.write(`${PROGRAM}: ${t('unexpected error: {0}', errorText(e))}\n`);
        process.exitCode = ExitCode.runtime;
      },
    )
    // git runs the bin started for a window the command did not read (src/cli/early.ts) must not keep the process alive.
    .finally(discardEarly);
}

if (require.main === module) main(process.argv.slice(2));
