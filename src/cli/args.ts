/**
 * Strict argument parsing for commands, on top of Node's `util.parseArgs`: unknown flags, missing
 * values and stray positionals become a `UsageError` with a message a person understands.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { dateFault, dateProblem } from '../core/calendar';
import { UsageError } from './command';

type Options = NonNullable<ParseArgsConfig['options']>;

export interface ParsedArgs<T extends Options> {
  values: { [K in keyof T]?: T[K] extends { type: 'boolean' } ? boolean : T[K] extends { multiple: true } ? string[] : string };
  positionals: string[];
}

/**
 * Parses `args` against `options`. `maxPositionals` bounds the number of positional arguments
 * (0 by default). Throws `UsageError` on anything unexpected.
 */
export function parseCommandArgs<T extends Options>(args: string[], options: T, maxPositionals = 0): ParsedArgs<T> {
  let parsed;
  try {
    parsed = parseArgs({ args, options, strict: true, allowPositionals: true });
  } catch (e) {
    throw new UsageError(describeParseError(e, options));
  }
  if (parsed.positionals.length > maxPositionals) {
    const extra = parsed.positionals.slice(maxPositionals).map((p) => JSON.stringify(p)).join(', ');
    throw new UsageError(`unexpected argument${parsed.positionals.length - maxPositionals > 1 ? 's' : ''}: ${extra}`);
  }
  return parsed as unknown as ParsedArgs<T>;
}

function describeParseError(e: unknown, options: Options): string {
  const code = (e as { code?: string }).code;
  const message = e instanceof Error ? e.message : String(e);
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const flag = /'([^']+)'/.exec(message)?.[1] ?? '';
    const known = Object.keys(options).map((k) => `--${k}`).join(', ');
    return `unknown option ${flag}${known ? ` (known: ${known})` : ''}`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const flag = /--([a-zA-Z0-9-]+)/.exec(message)?.[1];
    if (flag && options[flag]?.type === 'string') return `option --${flag} needs a value`;
    if (flag) return `option --${flag} takes no value`;
  }
  // Node's own message, first sentence only.
  return message.split('\n')[0].replace(/\. To specify.*$/, '');
}

/**
 * The usage message for a date option that is not a real date: why, when it has the right shape
 * (`2026-13-01: month must be 01–12`), else what is accepted.
 */
export function badDate(option: string, text: string, accepted = 'a date YYYY-MM-DD'): string {
  const problem = dateFault(text)?.code === 'format' ? undefined : dateProblem(text);
  return problem ? `${option}: ${text} is not a real date (${problem})` : `${option} must be ${accepted}; got ${JSON.stringify(text)}`;
}
