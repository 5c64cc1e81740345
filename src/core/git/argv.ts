/**
 * The hardened command line and environment of every git run, in one tiny module with no imports:
 * `run.ts` (core's runner) and the CLI's bin entry (`src/cli/start.ts`, which starts git before the
 * rest of the CLI loads, see `early.ts`) build them here, so both run exactly the same command.
 *
 * - Never a pager or a prompt: `GIT_TERMINAL_PROMPT=0`, `GIT_PAGER=cat`, `--no-pager`.
 * - No optional locks (`GIT_OPTIONAL_LOCKS=0`): reading never writes the index behind a user's back.
 * - `LC_ALL=C` so error messages are the English ones we classify.
 * - Repository configuration may not run programs: `-c safe.bareRepository=explicit`,
 *   `-c core.fsmonitor=false`, `-c protocol.allow=never`, and `log`/`show` always get
 *   `--no-show-signature --no-textconv --no-ext-diff --no-follow`.
 *
 * Which subcommands may run at all is checked by `run.ts` (`assertReadOnly`).
 */

/** Options that keep repository configuration from running programs during `log`/`show`. */
// --no-follow: a user's log.follow would follow renames (or fail: "--follow requires exactly one pathspec").
const LOG_SAFETY = ['--no-show-signature', '--no-textconv', '--no-ext-diff', '--no-color', '--no-follow'];

/** Global options placed before every subcommand. */
const GLOBAL = [
  '--no-pager',
  '-c',
  'safe.bareRepository=explicit',
  '-c',
  'core.fsmonitor=false',
  '-c',
  'protocol.allow=never',
  '-c',
  'color.ui=false',
];

/** The argument list passed to git for `args` (subcommand first): global hardening, subcommand, its safety flags. */
export function gitArgv(args: readonly string[]): string[] {
  const [sub, ...rest] = args;
  const safety = sub === 'log' || sub === 'show' ? LOG_SAFETY : [];
  return [...GLOBAL, sub, ...safety, ...rest];
}

const DROPPED_ENV = new Set(['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_PAGER', 'PAGER', 'GIT_ASKPASS', 'SSH_ASKPASS', 'GIT_EXTERNAL_DIFF']);

/** The environment git runs with: the caller's, minus variables that redirect git, plus hardening. */
export function gitEnv(extra: Record<string, string | undefined> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v === undefined) continue;
    // A stray GIT_DIR/GIT_WORK_TREE (e.g. from a hook that started VS Code) would point every
    // command at another repository than the folder we were given.
    // GIT_ASKPASS/SSH_ASKPASS: nothing we run talks to a network, so no helper program is needed.
    if (DROPPED_ENV.has(k)) continue;
    env[k] = v;
  }
  Object.assign(env, {
    GIT_TERMINAL_PROMPT: '0',
    GIT_PAGER: 'cat',
    PAGER: 'cat',
    GIT_OPTIONAL_LOCKS: '0',
    GIT_NO_LAZY_FETCH: '1',
    LC_ALL: 'C',
    LANGUAGE: 'C',
    GCM_INTERACTIVE: 'never',
  });
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

/** The repository facts' two short runs (see facts.ts): where the repository is, and three config keys. */
export const REV_PARSE_ARGS: readonly string[] = ['rev-parse', '--path-format=absolute', '--show-toplevel', '--absolute-git-dir', '--git-common-dir', '--is-shallow-repository'];
export const CONFIG_KEYS = /^(user\.name|user\.email|blame\.ignorerevsfile)$/;
export const CONFIG_ARGS: readonly string[] = ['config', '-z', '--get-regexp', CONFIG_KEYS.source];
