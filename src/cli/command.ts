/**
 * The contract of a CLI command. One file per command in `commands/`, one entry per command in
 * `commands/index.ts`. Commands never touch `process` directly: everything comes through `CliIo`,
 * so they run the same in a real process and in tests.
 */
import type { IsoDate } from '../core/clients/model';

/** Exit codes of `client-pulse` (documented in README.md and `client-pulse --help`). */
export const ExitCode = {
  /** Everything fine. */
  ok: 0,
  /** The command ran and found problems (errors in clients.md, …). */
  problems: 1,
  /** The command line was wrong: unknown flag, missing value, bad date. */
  usage: 2,
  /** The command could not run: no clients file, not a git repository, unreadable file. */
  runtime: 3,
} as const;
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

export interface Writer {
  write(text: string): void;
  /** True when the stream is an interactive terminal (colour is allowed). */
  readonly isTTY: boolean;
}

export interface CliIo {
  stdout: Writer;
  stderr: Writer;
  /** The directory the command runs in (absolute). */
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** "Today" as a calendar date; `CLIENT_PULSE_TODAY=YYYY-MM-DD` overrides the clock. */
  today: IsoDate;
}

export interface Command {
  /** The word after `client-pulse`, e.g. `check`. */
  name: string;
  /** One line for `client-pulse --help`. */
  summary: string;
  /** The full `client-pulse <name> --help` text, ending with a line break. */
  usage: string;
  /** Runs with the arguments after the command name; resolves to an exit code. */
  run(args: string[], io: CliIo): Promise<number>;
}

/** Thrown for a wrong command line: main prints the message and the command's usage, exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  /** False when the usage text would not help (e.g. an unknown client name). */
  readonly showUsage: boolean;
  constructor(message: string, options: { showUsage?: boolean } = {}) {
    super(message);
    this.showUsage = options.showUsage ?? true;
  }
}

/**
 * Thrown when a command cannot do its job for a reason outside the command line (missing file,
 * not a repository): main prints the one-line message and exits 3.
 */
export class RuntimeError extends Error {
  override readonly name = 'RuntimeError';
}

/** True when coloured output is allowed on `stdout`: a TTY and `NO_COLOR` unset or empty. */
export function useColour(io: CliIo): boolean {
  const noColour = io.env.NO_COLOR;
  if (noColour !== undefined && noColour !== '') return false;
  return io.stdout.isTTY;
}
