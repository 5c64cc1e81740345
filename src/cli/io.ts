/** Builds the `CliIo` of the real process: streams, cwd, environment and "today". */
import type { IsoDate } from '../core/clients/model';
import { UsageError, type CliIo, type Writer } from './command';
import { isIsoDate } from './args';

/** Today's local calendar date, or `CLIENT_PULSE_TODAY` when set (validated). */
export function resolveToday(env: Readonly<Record<string, string | undefined>>, now: Date = new Date()): IsoDate {
  const fixed = env.CLIENT_PULSE_TODAY;
  if (fixed !== undefined && fixed !== '') {
    if (!isIsoDate(fixed)) throw new UsageError(`CLIENT_PULSE_TODAY must be a date YYYY-MM-DD, got ${JSON.stringify(fixed)}`);
    return fixed;
  }
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
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
