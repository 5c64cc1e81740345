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

import { version as packageVersion } from '../../package.json';

const PROGRAM = 'client-pulse';

export function version(): string {
  return packageVersion;
}

export function mainUsage(table: readonly Command[] = commands): string {
  const width = Math.max(...table.map((c) => c.name.length), 8);
  const lines = table.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    `Usage: ${PROGRAM} <command> [options]`,
    '',
    'Client Pulse turns git commits and a hand-kept .project/clients.md into client updates,',
    'open-commitment lists and handover notes.',
    '',
    'Commands:',
    ...lines,
    '',
    'Options:',
    '  -C, --cwd DIR  Run as if started in DIR (any command)',
    '  -h, --help     Show help (also after a command: client-pulse check --help)',
    '  -v, --version  Show the version',
    '',
    'Environment:',
    '  CLIENT_PULSE_TODAY=YYYY-MM-DD  Use this date as "today" (reproducible output)',
    '  NO_COLOR=1                     Never colour the output',
    '',
    'Exit codes: 0 ok, 1 problems found, 2 usage error, 3 runtime error (missing file, not a git repository).',
    '',
  ].join('\n');
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
      if (value === undefined || value === '--') throw new UsageError(`option ${a} needs a folder`);
      cwd = value;
      i++;
    } else if (a.startsWith('--cwd=')) {
      cwd = a.slice('--cwd='.length);
      if (!cwd) throw new UsageError('option --cwd needs a folder');
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
    io = makeIo();
    const extracted = extractCwd(argv);
    args = extracted.args;
    if (extracted.cwd !== undefined) io = { ...io, cwd: checkedDirectory(io.cwd, extracted.cwd) };
  } catch (e) {
    (io?.stderr ?? process.stderr).write(`${PROGRAM}: ${e instanceof Error ? e.message : String(e)}\n`);
    return e instanceof UsageError ? ExitCode.usage : ExitCode.runtime;
  }
  const [first, ...rest] = args;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    const topic = first === 'help' ? rest[0] : undefined;
    const command = topic ? table.find((c) => c.name === topic) : undefined;
    if (topic && !command) return unknownCommand(io, topic, table);
    (first === undefined ? io.stderr : io.stdout).write(command ? command.usage : mainUsage(table));
    return first === undefined ? ExitCode.usage : ExitCode.ok;
  }
  if (first === '--version' || first === '-v' || first === '-V') {
    io.stdout.write(`${version()}\n`);
    return ExitCode.ok;
  }
  const command = table.find((c) => c.name === first);
  if (!command) return unknownCommand(io, first, table);
  if (wantsHelp(rest)) {
    io.stdout.write(command.usage);
    return ExitCode.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`${PROGRAM} ${command.name}: ${e.message}\n${e.showUsage ? `\n${command.usage}` : ''}`);
      return ExitCode.usage;
    }
    if (e instanceof RuntimeError) {
      io.stderr.write(`${PROGRAM} ${command.name}: ${e.message}\n`);
      return ExitCode.runtime;
    }
    const detail = e instanceof Error ? (io.env.CLIENT_PULSE_DEBUG ? e.stack ?? e.message : e.message) : String(e);
    io.stderr.write(`${PROGRAM} ${command.name}: unexpected error: ${detail}\n`);
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
  if (!ok) throw new RuntimeError(`--cwd: no such folder: ${resolved}`);
  return resolved;
}

function unknownCommand(io: CliIo, name: string, table: readonly Command[]): number {
  const hint = name.startsWith('-') ? `unknown option ${name}` : `unknown command ${JSON.stringify(name)}`;
  io.stderr.write(`${PROGRAM}: ${hint} (commands: ${table.map((c) => c.name).join(', ')})\n\n${mainUsage(table)}`);
  return ExitCode.usage;
}

if (require.main === module) {
  runCli(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`${PROGRAM}: unexpected error: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = ExitCode.runtime;
    },
  );
}
