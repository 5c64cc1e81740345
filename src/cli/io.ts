/** Builds the `CliIo` of the real process: streams, cwd, environment and "today". */
import { resolveToday as calendarToday, TodayError } from '../core/calendar';
import type { IsoDate } from '../core/model';
import { UsageError, type CliIo, type Writer } from './command';
import { errorText } from './l10n';

/** "Today" by the calendar's one rule; a bad `CLIENT_PULSE_TODAY` is a usage error. */
export function resolveToday(env: Readonly<Record<string, string | undefined>>, now: Date = new Date()): IsoDate {
  try {
    return calendarToday(env, now);
  } catch (e) {
    if (e instanceof TodayError) throw new UsageError(errorText(e));
    throw e;
  }
}

function streamWriter(stream: NodeJS.WriteStream): Writer {
  return {
    write: (text: string) => {
      stream.write(text);
    },
    get isTTY() {
      return stream.isTTY === true;
    },
  };
}

export function processIo(): CliIo {
  return {
    stdout: streamWriter(process.stdout),
    stderr: streamWriter(process.stderr),
    cwd: process.cwd(),
    env: process.env,
    today: resolveToday(process.env),
  };
}
