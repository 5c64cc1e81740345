/**
 * The clients file itself: the `clientPulse.hasClientsFile` context key (welcome view), "Create
 * clients file" (a localised, commented template) and "Add commitment".
 */
import * as vscode from 'vscode';
import { errorText } from '../notices';
import { parseClientsOnce } from '../parsed';
import { clientsFileTemplate } from '../../core/clients/template';
import { CommandId, ContextKey, REVEAL_COMMITMENT_COMMAND } from '../commandIds';
import { askCommitmentLine, knownValues } from './addInput';
import { addCommitment as addCommitmentEdits, type NewCommitment } from '../../core/clients/edits';
import type { Services } from '../services';
import { uiLanguage } from '../workspace';
import { dateProblem } from '../inputs';
import { isOpen } from '../../core/clients/queries';

async function pickFolder(services: Services, withFile: boolean): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const entries = await services.store.all();
  const has = new Set(entries.map((e) => e.folder.uri.toString()));
  const candidates = folders.filter((f) => has.has(f.uri.toString()) === withFile);
  if (candidates.length <= 1) return candidates[0];
  const picked = await vscode.window.showQuickPick(
    candidates.map((f) => ({ label: f.name, description: f.uri.fsPath, folder: f })),
    { title: withFile ? vscode.l10n.t('Which folder\'s clients file?') : vscode.l10n.t('Create the clients file in which folder?') },
  );
  return picked?.folder;
}

async function createClientsFile(services: Services): Promise<vscode.Uri | undefined> {
  if (!services.isTrusted()) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Client Pulse is read-only in Restricted Mode. Trust this workspace to create the clients file.'));
    return undefined;
  }
  if ((vscode.workspace.workspaceFolders ?? []).length === 0) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a folder first: the clients file lives in the project it describes.'));
    return undefined;
  }
  const folder = await pickFolder(services, false);
  if (!folder) {
    const existing = await services.store.preferred();
    if (existing) await vscode.window.showTextDocument(existing.uri);
    return existing?.uri;
  }
  const uri = services.store.locationOf(folder);
  const created = await services.writeNewFile(uri, clientsFileTemplate(uiLanguage(), services.today()));
  if (!created) void vscode.window.showInformationMessage(vscode.l10n.t('{0} exists already; it is opened unchanged.', vscode.workspace.asRelativePath(uri)));
  else services.log.info(`created ${uri.fsPath}`);
  services.store.refresh();
  await vscode.window.showTextDocument(uri);
  return uri;
}

/** Arguments "Add commitment" accepts instead of asking (tests, other features). */
export interface AddCommitmentArgs extends NewCommitment {
  client: string;
  /** Clients file to add to; defaults to the preferred one. */
  uri?: string;
}

function isAddArgs(arg: unknown): arg is AddCommitmentArgs {
  if (typeof arg !== 'object' || arg === null) return false;
  const o = arg as Record<string, unknown>;
  return typeof o.client === 'string' && typeof o.text === 'string';
}

async function askNewCommitment(services: Services, clientHint: string | undefined): Promise<AddCommitmentArgs | undefined> {
  const folder = await pickFolder(services, true);
  const entry = folder ? (await services.store.all()).find((e) => e.folder.uri.toString() === folder.uri.toString()) : undefined;
  if (!entry) return undefined;
  let client = clientHint ?? (entry.clients.length === 1 ? entry.clients[0].name : undefined);
  if (!client) {
    const picked = await vscode.window.showQuickPick(
      entry.clients.map((c) => ({ label: c.name, description: vscode.l10n.t('{0} open', c.commitments.filter((m) => isOpen(m)).length) })),
      { title: vscode.l10n.t('Add commitment: which client?') },
    );
    client = picked?.label;
  }
  if (!client) return undefined;
  const found = entry.clients.find((c) => c.name.toLowerCase() === client.toLowerCase());
  if (!found) return undefined;
  // One line in the file's own syntax, with completion of the owners and tags the file knows.
  const line = await askCommitmentLine(found, knownValues(entry.clients), services.today());
  if (!line) return undefined;
  return { client: found.name, text: line.title, ...(line.due ? { due: line.due } : {}), owners: line.owners, tags: line.tags, uri: entry.uri.toString() };
}

function clientArgument(arg: unknown): string | undefined {
  if (typeof arg === 'object' && arg !== null && (arg as { kind?: unknown }).kind === 'client') {
    return (arg as { client: { name: string } }).client.name;
  }
  return undefined;
}

async function addCommitment(services: Services, arg: unknown): Promise<boolean> {
  if (!services.isTrusted()) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Client Pulse is read-only in Restricted Mode. Trust this workspace to change the clients file.'));
    return false;
  }
  const input = isAddArgs(arg) ? arg : await askNewCommitment(services, clientArgument(arg));
  if (!input) return false;
  if (input.due && dateProblem(input.due)) throw new Error(dateProblem(input.due));
  const entry = input.uri ? await services.store.entryFor(vscode.Uri.parse(input.uri)) : await services.store.preferred();
  if (!entry) throw new Error(vscode.l10n.t('No clients file found. Run "Client Pulse: Create clients file" first.'));
  let unknownClient = false;
  let added: { client: string; line: number } | undefined;
  const changed = await services.editFile(entry.uri, (text) => {
    const file = parseClientsOnce(text);
    const client = file.clients.find((c) => c.name.toLowerCase() === input.client.toLowerCase());
    if (!client) {
      unknownClient = true;
      return undefined;
    }
    const edits = addCommitmentEdits(text, file, client.name, input);
    // The new row's line: where the inserted text's last line starts in the edited file.
    const lineOf = (offset: number) => (text.slice(0, offset).match(/\r\n|\r|\n/g) ?? []).length;
    const e = edits[0];
    if (e) added = { client: client.name, line: lineOf(e.offset) + (e.newText.match(/\r\n|\r|\n/g) ?? []).length };
    return edits;
  });
  if (unknownClient) throw new Error(vscode.l10n.t('There is no client "{0}" in {1}.', input.client, vscode.workspace.asRelativePath(entry.uri)));
  services.store.refresh();
  // Show the row that was added, selected, in the Commitments view.
  if (changed && added) await vscode.commands.executeCommand(REVEAL_COMMITMENT_COMMAND, { uri: entry.uri.toString(), ...added });
  return changed;
}

/** Test mode only (not in package.json): the context keys as last set. */
export const TEST_CONTEXT_COMMAND = 'clientPulse.test.contextKeys';

export function registerClientsFile(context: vscode.ExtensionContext, services: Services): void {
  let hasClientsFile: boolean | undefined;
  const updateKey = async (): Promise<void> => {
    const has = (await services.store.all()).length > 0;
    await vscode.commands.executeCommand('setContext', ContextKey.HasClientsFile, has);
    hasClientsFile = has;
  };
  let running = Promise.resolve();
  const refresh = (): void => {
    running = running.then(updateKey).catch((e: unknown) => services.log.error(`clients file: ${String(e)}`));
  };
  context.subscriptions.push(
    services.store.onDidChange(refresh),
    // A large file is there while it is still being read: no "No clients file was found" meanwhile.
    services.store.onDidStartLargeRead(() => void vscode.commands.executeCommand('setContext', ContextKey.HasClientsFile, true)),
    vscode.commands.registerCommand(CommandId.CreateClientsFile, async () => {
      try {
        return await createClientsFile(services);
      } catch (e) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Client Pulse could not create the clients file: {0}', errorText(e)));
        return undefined;
      }
    }),
    vscode.commands.registerCommand(CommandId.AddCommitment, async (arg?: unknown) => {
      try {
        return await addCommitment(services, arg);
      } catch (e) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Client Pulse could not add the commitment: {0}', errorText(e)));
        return false;
      }
    }),
  );
  if (context.extensionMode === vscode.ExtensionMode.Test) {
    context.subscriptions.push(
      vscode.commands.registerCommand(TEST_CONTEXT_COMMAND, async () => {
        await running;
        return { hasClientsFile, readOnly: !services.isTrusted() };
      }),
    );
  }
  refresh();
}
