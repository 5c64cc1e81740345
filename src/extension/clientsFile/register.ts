/**
 * The clients file itself: the `clientPulse.hasClientsFile` context key (welcome view), "Create
 * clients file" (a localised, commented template) and "Add commitment".
 */
import * as vscode from 'vscode';
import { parseClients } from '../../core/clients/parse';
import { clientsFileTemplate } from '../../core/clients/template';
import { CommandId, ContextKey } from '../commandIds';
import { addCommitment as addCommitmentEdits, metadataInTitle, type NewCommitment } from '../../core/clients/edits';
import type { Services } from '../services';
import { uiLanguage } from '../workspace';
import { askDueDate, dateProblem } from '../inputs';

/** What is wrong with a commitment title as typed, or undefined. */
function titleProblem(v: string): string | undefined {
  if (v.trim() === '') return vscode.l10n.t('Write what was promised.');
  if (/[\r\n]/.test(v)) return vscode.l10n.t('One line only.');
  const token = metadataInTitle(v);
  if (!token) return undefined;
  if (token.kind === 'owner') return vscode.l10n.t('"{0}" would be read as the owner: give the owner in the next steps, or write it without @.', token.text);
  if (token.kind === 'tag') return vscode.l10n.t('"{0}" would be read as a tag: give the tag in the next steps, or write it without # (e.g. "issue 42").', token.text);
  return vscode.l10n.t('"{0}" would be read as a date: give the due date in the next step.', token.text);
}

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
  const total = 5;
  let client = clientHint;
  if (!client) {
    const picked = await vscode.window.showQuickPick(
      entry.clients.map((c) => ({ label: c.name, description: vscode.l10n.t('{0} open', c.commitments.filter((m) => !m.done).length) })),
      { title: vscode.l10n.t('Add commitment ({0}/{1}): client', 1, total) },
    );
    client = picked?.label;
  }
  if (!client) return undefined;
  const text = await vscode.window.showInputBox({
    title: vscode.l10n.t('Add commitment ({0}/{1}): what was promised', 2, total),
    prompt: vscode.l10n.t('One line, as the client would read it.'),
    validateInput: titleProblem,
  });
  if (text === undefined) return undefined;
  const due = await askDueDate(services.today(), undefined, true, { step: 3, total });
  if (due === undefined) return undefined;
  const owner = await vscode.window.showInputBox({
    title: vscode.l10n.t('Add commitment ({0}/{1}): owner', 4, total),
    prompt: vscode.l10n.t('Who delivers it, e.g. alice (optional).'),
    validateInput: (v) => (/^@?[^\s#@]*$/u.test(v.trim()) ? undefined : vscode.l10n.t('One name without spaces, e.g. alice.')),
  });
  if (owner === undefined) return undefined;
  const tag = await vscode.window.showInputBox({
    title: vscode.l10n.t('Add commitment ({0}/{1}): tag', 5, total),
    prompt: vscode.l10n.t('A tag that commits mention to link to it, e.g. loyalty (optional).'),
    validateInput: (v) => (/^#?[^\s#@]*$/u.test(v.trim()) ? undefined : vscode.l10n.t('One tag without spaces, e.g. loyalty.')),
  });
  if (tag === undefined) return undefined;
  return {
    client,
    text: text.trim(),
    due: due || undefined,
    owner: owner.trim().replace(/^@/, '') || undefined,
    tag: tag.trim().replace(/^#/, '') || undefined,
    uri: entry.uri.toString(),
  };
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
  const changed = await services.editFile(entry.uri, (text) => {
    const file = parseClients(text);
    const client = file.clients.find((c) => c.name.toLowerCase() === input.client.toLowerCase());
    if (!client) {
      unknownClient = true;
      return undefined;
    }
    return addCommitmentEdits(text, file, client.name, input);
  });
  if (unknownClient) throw new Error(vscode.l10n.t('There is no client "{0}" in {1}.', input.client, vscode.workspace.asRelativePath(entry.uri)));
  services.store.refresh();
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
    vscode.commands.registerCommand(CommandId.CreateClientsFile, async () => {
      try {
        return await createClientsFile(services);
      } catch (e) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Client Pulse could not create the clients file: {0}', e instanceof Error ? e.message : String(e)));
        return undefined;
      }
    }),
    vscode.commands.registerCommand(CommandId.AddCommitment, async (arg?: unknown) => {
      try {
        return await addCommitment(services, arg);
      } catch (e) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Client Pulse could not add the commitment: {0}', e instanceof Error ? e.message : String(e)));
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
