/**
 * Strict argument parsing for commands, on top of Node's `util.parseArgs`: unknown flags, missing
 * values and stray positionals become a `UsageError` with a message a person understands.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { dateFault, dateNotice } from '../core/calendar';
import { closest } from '../core/clients/suggest';
import { UsageError } from './command';
import { noticeText, t } from './l10n';

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
    const near = misspeltOption(e, options);
    // A near miss names the option meant; the whole usage text would bury that.
    throw near ? new UsageError(near, { showUsage: false }) : new UsageError(describeParseError(e, options));
  }
  if (parsed.positionals.length > maxPositionals) {
    const extra = parsed.positionals.slice(maxPositionals).map((p) => JSON.stringify(p)).join(', ');
    throw new UsageError(parsed.positionals.length - maxPositionals > 1 ? t('unexpected arguments: {0}', extra) : t('unexpected argument: {0}', extra));
  }
  return parsed as unknown as ParsedArgs<T>;
}

/** `unknown option --clinet — did you mean --client?` when an unknown option is one typo from a known one. */
function misspeltOption(e: unknown, options: Options): string | undefined {
  if ((e as { code?: string }).code !== 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return undefined;
  const flag = /'([^']+)'/.exec(e instanceof Error ? e.message : String(e))?.[1] ?? '';
  if (!flag.startsWith('--')) return undefined;
  const name = flag.slice(2).split('=')[0];
  const near = closest(name, Object.keys(options));
  return near ? t('unknown option {0} — did you mean --{1}? (--help lists them all)', `--${name}`, near) : undefined;
}

function describeParseError(e: unknown, options: Options): string {
  const code = (e as { code?: string }).code;
  const message = e instanceof Error ? e.message : String(e);
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const flag = /'([^']+)'/.exec(message)?.[1] ?? '';
    const known = Object.keys(options).map((k) => `--${k}`).join(', ');
    return known ? t('unknown option {0} (known: {1})', flag, known) : t('unknown option {0}', flag);
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const flag = /--([a-zA-Z0-9-]+)/.exec(message)?.[1];
    if (flag && options[flag]?.type === 'string') return t('option --{0} needs a value', flag);
    if (flag) return t('option --{0} takes no value', flag);
  }
  // Node's own message, first sentence only.
  return message.split('\n')[0].replace(/\. To specify.*$/, '');
}

/**
 * The usage message for a date option that is not a real date: why, when it has the right shape
 * (`2026-13-01: month must be 01–12`), else what is accepted.
 */
export function badDate(option: string, text: string, accepted = t('a date YYYY-MM-DD')): string {
  const problem = dateFault(text)?.code === 'format' ? undefined : dateNotice(text);
  return problem ? t('{0}: {1} is not a real date ({2})', option, text, noticeText(problem)) : t('{0} must be {1}; got {2}', option, accepted, JSON.stringify(text));
}
