/**
 * The parser's problems in the Problems panel for each clients file, updated as the user types
 * (the store debounces), and quick fixes from the core's `fix` edits. In a trusted workspace, a
 * repository of a `Repos:` line that cannot be read is a warning on its entry too (checked with
 * read-only git, each folder at most every 10 seconds).
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { duplicatesAcrossFiles } from '../../core/clients/acrossFiles';
import { allRepositories, checkRepository, repositoryDiagnostics, reposBase, type CheckedRepository, type ClientRepository } from '../../core/git/repositories';
import { translate } from '../notices';
import type { Services } from '../services';
import { DIAGNOSTIC_SOURCE, rangeOf, toDiagnostic } from './convert';

const checkedAt = new Map<string, { at: number; result: Promise<CheckedRepository> }>();

function check(repo: ClientRepository): Promise<CheckedRepository> {
  const known = checkedAt.get(repo.dir);
  if (known && Date.now() - known.at < 10_000) return known.result.then((c) => ({ ...c, client: repo.client, ref: repo.ref, ...(c.problem ? { problem: { ...c.problem, client: repo.client, repo: repo.ref.path } } : {}) }) as CheckedRepository);
  const result = checkRepository(repo);
  checkedAt.set(repo.dir, { at: Date.now(), result });
  return result;
}

async function update(collection: vscode.DiagnosticCollection, services: Services): Promise<void> {
  const entries = await services.store.all();
  const seen = new Set<string>();
  // A multi-root workspace: a client defined in two folders' clients files is diagnosed in both.
  const across = duplicatesAcrossFiles(entries.map((e) => ({ name: vscode.workspace.asRelativePath(e.uri), file: e.file })));
  for (const [k, entry] of entries.entries()) {
    seen.add(entry.uri.toString());
    const own = [...entry.file.diagnostics, ...across[k]];
    collection.set(entry.uri, own.map(toDiagnostic));
    const repos = entry.uri.scheme === 'file' && services.isTrusted() ? allRepositories(entry.file, reposBase(path.dirname(entry.uri.fsPath))) : [];
    if (repos.length > 0) {
      const problems = repositoryDiagnostics(await Promise.all(repos.map(check)), translate);
      if (problems.length > 0) collection.set(entry.uri, [...own, ...problems].map(toDiagnostic));
    }
  }
  collection.forEach((uri) => {
    if (!seen.has(uri.toString())) collection.delete(uri);
  });
}

class FixProvider implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly services: Services) {}

  async provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection): Promise<vscode.CodeAction[]> {
    if (!this.services.store.folderOf(document.uri)) return [];
    const entry = await this.services.store.entryFor(document.uri);
    // Fixes carry offsets into the text they were computed from: offer them only for that text.
    if (!entry || entry.text !== document.getText()) return [];
    const actions: vscode.CodeAction[] = [];
    for (const d of entry.file.diagnostics) {
      if (!d.fix || !rangeOf(d.span).intersection(range)) continue;
      const action = new vscode.CodeAction(d.fix.title, vscode.CodeActionKind.QuickFix);
      const edit = new vscode.WorkspaceEdit();
      for (const e of d.fix.edits) {
        edit.replace(document.uri, new vscode.Range(document.positionAt(e.offset), document.positionAt(e.offset + e.length)), e.newText);
      }
      action.edit = edit;
      action.diagnostics = [toDiagnostic(d)];
      action.isPreferred = d.fix.edits.length > 0;
      actions.push(action);
    }
    return actions;
  }
}

export function registerDiagnostics(context: vscode.ExtensionContext, services: Services): void {
  const collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);
  let pending = Promise.resolve();
  const refresh = (): void => {
    pending = pending.then(() => update(collection, services)).catch((e: unknown) => services.log.error(`diagnostics: ${String(e)}`));
  };
  context.subscriptions.push(
    collection,
    services.store.onDidChange(refresh),
    vscode.languages.registerCodeActionsProvider({ scheme: 'file', language: 'markdown' }, new FixProvider(services), {
      providedCodeActionKinds: FixProvider.kinds,
    }),
  );
  refresh();
}
