/**
 * The one answer of the commands that read history when there is none to read here (no git, no
 * repository, nothing committed, a repository git refuses: core's `isGitUnavailable`): the user
 * is asked whether to write from clients.md alone. Any other error is the caller's to show.
 */
import * as vscode from 'vscode';
import { isGitUnavailable } from '../core/git/run';
import type { Logger } from './log';

export interface WithoutGitQuestion {
  /** The question, with git's reason in it. */
  ask(reason: string): string;
  /** The button that goes on without git. */
  button: string;
}

/** Resolves true when the user chose to go on without git; rethrows an error that is not "no history here". */
export async function offerWithoutGit(e: unknown, log: Pick<Logger, 'warn'>, question: WithoutGitQuestion): Promise<boolean> {
  if (!isGitUnavailable(e)) throw e;
  log.warn(`git unavailable: ${e.message}`);
  const answer = await vscode.window.showWarningMessage(question.ask(e.message), question.button);
  return answer === question.button;
}
