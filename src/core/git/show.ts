/**
 * One commit as a person reads it: `git show --stat` (author, date, message, files changed; no
 * diff) through the one hardened runner. The hash is checked first, so nothing else ever reaches
 * git's argument list (not an option, not a revision expression).
 */
import { runGit } from './run';

/** 4–40 hex digits: an abbreviated or full commit id. */
export function isCommitId(text: string): boolean {
  return /^[0-9a-f]{4,40}$/iu.test(text);
}

/** The commit's summary, at most 256 KB of it. Throws a `GitError` when git fails. */
export async function showCommit(cwd: string, hash: string, options: { timeoutMs?: number } = {}): Promise<string> {
  if (!isCommitId(hash)) throw new Error(`not a commit id: ${JSON.stringify(hash)}`);
  const { stdout } = await runGit(cwd, ['show', '--stat', '--format=fuller', '--no-decorate', '--end-of-options', `${hash}^{commit}`, '--'], { maxBytes: 256 * 1024, timeoutMs: options.timeoutMs ?? 15_000 });
  return stdout;
}
