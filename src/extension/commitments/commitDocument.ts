/**
 * A commit opened from a tooltip's link: a read-only virtual document (`client-pulse-commit:`)
 * with `git show --stat` of it (core/git/show.ts, through the hardened runner). Git runs only in a
 * trusted workspace.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { isCommitId, showCommit } from '../../core/git/show';
import { errorText } from '../notices';
import { CommandId } from '../commandIds';
import { requireTrust } from '../trust';

export const COMMIT_SCHEME = 'client-pulse-commit';

/** What a tooltip's link passes to the command: the folder of the repository and the commit. */
export interface CommitRef {
  folder: string;
  hash: string;
}

export function isCommitRef(arg: unknown): arg is CommitRef {
  if (typeof arg !== 'object' || arg === null) return false;
  const { folder, hash } = arg as { folder?: unknown; hash?: unknown };
  return typeof folder === 'string' && path.isAbsolute(folder) && typeof hash === 'string' && isCommitId(hash);
}

/** The `command:` link of a commit in a trusted markdown tooltip. */
export function commitLink(ref: CommitRef): string {
  return `command:${CommandId.ShowCommit}?${encodeURIComponent(JSON.stringify([ref]))}`;
}

function commitUri(ref: CommitRef): vscode.Uri {
  return vscode.Uri.from({ scheme: COMMIT_SCHEME, path: `/${ref.hash.slice(0, 7)}.txt`, query: new URLSearchParams({ folder: ref.folder, hash: ref.hash }).toString() });
}

export function registerCommitDocuments(context: vscode.ExtensionContext): void {
  const provider: vscode.TextDocumentContentProvider = {
    async provideTextDocumentContent(uri) {
      const query = new URLSearchParams(uri.query);
      const ref = { folder: query.get('folder') ?? '', hash: query.get('hash') ?? '' };
      if (!isCommitRef(ref)) return '';
      try {
        requireTrust(vscode.l10n.t('Showing the commit'));
        return await showCommit(ref.folder, ref.hash);
      } catch (e) {
        return vscode.l10n.t('The commit {0} could not be shown: {1}', ref.hash.slice(0, 7), errorText(e));
      }
    },
  };
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(COMMIT_SCHEME, provider),
    vscode.commands.registerCommand(CommandId.ShowCommit, async (arg?: unknown) => {
      if (!isCommitRef(arg)) return undefined;
      const document = await vscode.workspace.openTextDocument(commitUri(arg));
      await vscode.window.showTextDocument(document, { preview: true });
      return document.uri.toString();
    }),
  );
}
