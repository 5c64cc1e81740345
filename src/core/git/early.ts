/**
 * git runs started before the CLI's bundle loads. The bin entry (`src/cli/start.ts`) knows from
 * its arguments which repository and which window a command will most likely read, and starts those
 * runs (the log, `rev-parse`, `config --get-regexp`) at once, so git walks history while Node
 * reads and evaluates the rest of the CLI (about 55 ms). When core then runs git (`streamGit` in
 * run.ts), it adopts a started run only if its folder, argument list and environment are exactly
 * the ones it would have spawned; otherwise it spawns its own and the early run is stopped when
 * the command ends. So a wrong guess costs nothing but a git process, never a different output.
 *
 * The two bundles share nothing but the process: the runs are kept on `globalThis` under a
 * registered symbol. Everything a run emits before it is adopted is recorded in order (output is
 * buffered up to `MAX_BUFFERED` bytes; beyond that the run is stopped and never adopted) and
 * replayed to the adopter. No imports but Node's: the bin stays small.
 */
import { spawn, type ChildProcess } from 'node:child_process';

/** What a git run emits, in order. */
export interface GitEvents {
  stdout(chunk: Buffer): void;
  stderr(text: string): void;
  error(e: NodeJS.ErrnoException): void;
  close(code: number | null): void;
}

/** A started run that `streamGit` can listen to like a child it spawned itself. */
export interface AdoptedRun {
  listen(events: GitEvents): void;
  kill(signal?: NodeJS.Signals): void;
}

type Recorded = { [K in keyof GitEvents]: [K, Parameters<GitEvents[K]>[0]] }[keyof GitEvents];

interface EarlyRun extends AdoptedRun {
  key: string;
  /** True once adopted, stopped or over its buffer. */
  taken: boolean;
  /** Stops the run and forgets what it emits. */
  drop(): void;
}

const MAX_BUFFERED = 64 * 1024 * 1024;
const REGISTRY = Symbol.for('client-pulse.early-git');
const STATS = Symbol.for('client-pulse.early-git.stats');

function count(what: 'started' | 'adopted'): void {
  const g = globalThis as { [STATS]?: { started: number; adopted: number } };
  (g[STATS] ??= { started: 0, adopted: 0 })[what]++;
}

function registry(): EarlyRun[] | undefined {
  return (globalThis as { [REGISTRY]?: EarlyRun[] })[REGISTRY];
}

function keyOf(cwd: string, argv: readonly string[], env: Readonly<Record<string, string>>): string {
  const entries = Object.keys(env)
    .sort()
    .map((k) => [k, env[k]]);
  return JSON.stringify([cwd, argv, entries]);
}

/** Starts git in `cwd` with the full (already hardened) `argv` and `env`, to be adopted later. */
export function startEarly(cwd: string, argv: readonly string[], env: Record<string, string>): void {
  const g = globalThis as { [REGISTRY]?: EarlyRun[] };
  const runs = (g[REGISTRY] ??= []);
  const recorded: Recorded[] = [];
  let listener: GitEvents | undefined;
  let buffered = 0;
  const child: ChildProcess = spawn('git', argv, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
  const run: EarlyRun = {
    key: keyOf(cwd, argv, env),
    taken: false,
    listen(events) {
      listener = events;
      for (const [name, value] of recorded.splice(0)) (events[name] as (v: typeof value) => void)(value);
    },
    kill(signal) {
      child.kill(signal);
    },
    drop() {
      recorded.length = 0;
      listener = { stdout() {}, stderr() {}, error() {}, close() {} };
      child.kill();
    },
  };
  const emit = (event: Recorded) => {
    if (listener) (listener[event[0]] as (v: typeof event[1]) => void)(event[1]);
    else recorded.push(event);
  };
  child.stdout?.on('data', (chunk: Buffer) => {
    if (!listener) {
      buffered += chunk.length;
      if (buffered > MAX_BUFFERED && !run.taken) {
        run.taken = true;
        recorded.length = 0;
        child.kill();
        return;
      }
    }
    emit(['stdout', chunk]);
  });
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (text: string) => emit(['stderr', text]));
  child.on('error', (e: NodeJS.ErrnoException) => emit(['error', e]));
  child.on('close', (code: number | null) => emit(['close', code]));
  runs.push(run);
  count('started');
}

/** The started run with exactly this folder, argument list and environment, once; else undefined. */
export function adoptEarly(cwd: string, argv: readonly string[], env: Readonly<Record<string, string>>): AdoptedRun | undefined {
  const runs = registry();
  if (!runs?.length) return undefined;
  const key = keyOf(cwd, argv, env);
  const run = runs.find((r) => !r.taken && r.key === key);
  if (!run) return undefined;
  run.taken = true;
  count('adopted');
  return run;
}

/** Stops the started runs nobody adopted (the command read another window or folder). */
export function discardEarly(): void {
  for (const run of registry()?.splice(0) ?? []) {
    if (run.taken) continue;
    run.taken = true;
    run.drop();
  }
}

/** How many runs were started early and how many of them core adopted (for tests and the bench). */
export function earlyStats(): { started: number; adopted: number } {
  const g = globalThis as { [STATS]?: { started: number; adopted: number } };
  return { ...(g[STATS] ?? { started: 0, adopted: 0 }) };
}
