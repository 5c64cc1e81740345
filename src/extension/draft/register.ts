/**
 * The "Draft client update" feature: the command (client → period → panel), the panel serializer
 * that restores panels after a reload, `openDocumentPanel` for other features (handover notes),
 * and, in test mode only, commands that read the panels' state.
 */
import * as vscode from 'vscode';
import { errorText } from '../notices';
import type { Client, IsoDate, Language } from '../../core/clients/model';
import { GitError } from '../../core/git/run';
import type { Period } from '../../core/git/types';
import { readNewestRecord, updatesDir } from '../../core/records/store';
import type { DraftOptions, PanelSettings, UpdateSource } from '../../shared/protocol';
import { parsePageToHost, parsePersistedState } from '../../shared/protocol';
import { PanelActions } from './actions';
import type { DraftSettings } from '../config';
import { composeUpdate, initialLanguage, projectDirOf, type ClientsSnapshot } from './compose';
import { DraftPanel, panelKey, VIEW_TYPE, type PanelHost, type Session } from './panel';
import { parsePeriodArgument, periodOf, type PeriodChoice } from './periods';
import { periodLabel, pickClient, pickPeriod, rememberClient } from './pick';

export const DRAFT_COMMAND = 'clientPulse.draftUpdate';
/** Test mode only (not in package.json): the open panels' state. */
export const TEST_STATE_COMMAND = 'clientPulse.test.draftPanels';
/** Test mode only: hand a message to a panel's host as if its page had posted it. */
export const TEST_POST_COMMAND = 'clientPulse.test.draftPost';

/** What this feature needs from the shell. */
export interface DraftServices {
  today(): IsoDate;
  log: { info(message: string): void; warn(message: string): void; error(message: string): void };
  /** The workspace's clients file, read now; undefined when there is none. */
  clientsFile(): Promise<ClientsSnapshot | undefined>;
  settings(scope: vscode.Uri | undefined): DraftSettings;
  /** Creates a file; resolves false (writing nothing) when it exists already. */
  writeNewFile(uri: vscode.Uri, content: Uint8Array): Promise<boolean>;
}

/** A document another feature hands to the panel (same editor, preview and exports). */
export interface PanelDocument {
  kind: 'handover';
  title: string;
  markdown: string;
  language: Language;
  /** Workspace-relative path "Save" writes to; a `-2`, `-3`… suffix when it exists. */
  suggestedRecordPath: string;
  /** Subject line for mail and .eml; defaults to the title. */
  subject?: string;
}

interface Feature {
  context: vscode.ExtensionContext;
  services: DraftServices;
  panels: Map<string, DraftPanel>;
  actions: PanelActions;
  host: PanelHost;
}

let feature: Feature | undefined;

/** Arguments the command accepts (sidebar/status bar pass a client; tests pass a period too). */
export interface DraftCommandArgs {
  client?: string;
  period?: 'this-week' | 'last-week' | 'since-last' | Period;
}

function clientArgument(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  if (typeof arg !== 'object' || arg === null) return undefined;
  const o = arg as Record<string, unknown>;
  if (typeof o.client === 'string') return o.client;
  if (typeof o.client === 'object' && o.client !== null && typeof (o.client as { name?: unknown }).name === 'string') return (o.client as { name: string }).name;
  if (typeof o.clientName === 'string') return o.clientName;
  if (typeof o.name === 'string') return o.name;
  return undefined;
}

function panelSettings(): PanelSettings {
  return {
    canSave: vscode.workspace.isTrusted && (vscode.workspace.workspaceFolders?.length ?? 0) > 0,
    richCopy: true,
    modKey: process.platform === 'darwin' ? '⌘' : 'Ctrl',
    uiLanguage: vscode.env.language,
  };
}

function updateTitle(client: string, label: string): string {
  return vscode.l10n.t('Update: {0} ({1})', client, label);
}

export function registerDraftPanel(context: vscode.ExtensionContext, services: DraftServices): void {
  const panels = new Map<string, DraftPanel>();
  const actions = new PanelActions({
    today: () => services.today(),
    log: services.log,
    projectDir: async () => {
      const clients = await services.clientsFile();
      return clients && projectDirOf(clients.uri);
    },
    workspaceRoot: async () => {
      const clients = await services.clientsFile();
      return (clients && vscode.workspace.getWorkspaceFolder(clients.uri)?.uri) ?? vscode.workspace.workspaceFolders?.[0]?.uri;
    },
    writeNewFile: (uri, content) => services.writeNewFile(uri, content),
  });

  const host: PanelHost = {
    extensionUri: context.extensionUri,
    log: services.log,
    actions,
    settings: panelSettings,
    async recompose(session, options) {
      if (session.source.kind !== 'update') throw new Error('only updates are composed');
      const clients = await requireClientsFile(services);
      const composed = await composeUpdate({
        clients,
        settings: services.settings(clients.uri),
        client: session.source.client,
        period: session.source.period,
        options,
        today: services.today(),
        useGit: session.useGit,
      });
      for (const w of composed.warnings) services.log.warn(`draft: ${w}`);
      const warnings = [...composed.warnings];
      if (!session.useGit) {
        warnings.unshift(vscode.l10n.t('Git history was not read, so the work done in this period is missing from this draft. Add it by hand before sending.'));
      }
      return { draft: composed.draft, warnings };
    },
    onDispose(panel) {
      if (panels.get(panel.key) === panel) panels.delete(panel.key);
    },
  };
  feature = { context, services, panels, actions, host };

  context.subscriptions.push(
    vscode.commands.registerCommand(DRAFT_COMMAND, (arg?: unknown) => runDraftCommand(arg)),
    vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, {
      async deserializeWebviewPanel(panel, state) {
        await restorePanel(panel, state);
      },
    }),
    { dispose: () => [...panels.values()].forEach((p) => p.dispose()) },
  );

  if (context.extensionMode === vscode.ExtensionMode.Test) {
    context.subscriptions.push(
      vscode.commands.registerCommand(TEST_STATE_COMMAND, () =>
        [...panels.values()].map((p) => ({
          key: p.key,
          ready: p.isReady,
          title: p.panel.title,
          visible: p.panel.visible,
          session: p.session,
          lastAction: actions.last,
        })),
      ),
      vscode.commands.registerCommand(TEST_POST_COMMAND, async (key: string, message: unknown) => {
        const panel = panels.get(key);
        if (!panel) throw new Error(`no draft panel ${key}`);
        const parsed = parsePageToHost(message);
        await panel.receiveForTest(message);
        return parsed.ok ? { accepted: true } : { accepted: false, error: parsed.error };
      }),
    );
  }

  async function runDraftCommand(arg: unknown): Promise<DraftPanel | undefined> {
    try {
      return await draftCommand(arg);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      services.log.error(`draft: ${message}`);
      void vscode.window.showErrorMessage(vscode.l10n.t('Client Pulse could not draft the update: {0}', errorText(e)));
      return undefined;
    }
  }

  async function draftCommand(arg: unknown): Promise<DraftPanel | undefined> {
    const clients = await requireClientsFile(services);
    if (!clients.clients.length) {
      void vscode.window.showWarningMessage(vscode.l10n.t('{0} defines no client yet. Add a "# Client name" heading first.', vscode.workspace.asRelativePath(clients.uri)));
      return undefined;
    }
    const wanted = clientArgument(arg);
    let client: Client | undefined;
    if (wanted) {
      client = clients.clients.find((c) => c.name.toLowerCase() === wanted.trim().toLowerCase());
      if (!client) throw new Error(vscode.l10n.t('no client named "{0}" in {1}', wanted, vscode.workspace.asRelativePath(clients.uri)));
    } else {
      client = await pickClient(clients.clients, context.workspaceState);
    }
    if (!client) return undefined;
    await rememberClient(context.workspaceState, client.name);

    const settings = services.settings(clients.uri);
    const today = services.today();
    const projectDir = projectDirOf(clients.uri);
    const last = await readNewestRecord(updatesDir(projectDir.fsPath), client.name).catch(() => undefined);
    const periodArg = typeof arg === 'object' && arg !== null ? parsePeriodArgument((arg as DraftCommandArgs).period) : undefined;
    let period: Period | undefined;
    let choice: PeriodChoice = 'custom';
    if (periodArg && typeof periodArg === 'string') {
      period = periodOf(periodArg, today, settings.weekStart, last);
      choice = periodArg;
      if (!period) throw new Error(vscode.l10n.t('there is no saved update for {0} to draft "since the last update" from', client.name));
    } else if (periodArg) {
      period = periodArg;
    } else {
      const picked = await pickPeriod(today, settings.weekStart, last);
      if (!picked) return undefined;
      period = picked.period;
      choice = picked.choice;
    }

    let useGit = true;
    if (!vscode.workspace.isTrusted) {
      // A person is asked; a call with arguments (another command, a test) gets the draft from
      // clients.md, whose panel says that the commits were not read.
      if (periodArg === undefined) {
        const fromFile = vscode.l10n.t('Draft from clients.md only');
        const answer = await vscode.window.showWarningMessage(
          vscode.l10n.t('This workspace is not trusted, so Client Pulse does not run git here. The draft can still be written from clients.md (commitments, risks, asks), without the work done this period.'),
          { modal: true },
          fromFile,
        );
        if (answer !== fromFile) return undefined;
      }
      useGit = false;
    }

    const options: DraftOptions = { audience: 'client', language: initialLanguage(client, settings.language), dropped: [] };
    const source: UpdateSource = { kind: 'update', client: client.name, period, periodLabel: periodLabel(choice, period) };
    const compose = (git: boolean) =>
      vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Drafting the update for {0}…', client.name) }, async () => {
        const { draft, warnings } = await host.recompose({ source, title: '', options, generated: '', markdown: '', subject: '', useGit: git }, options);
        const s: Session = { source, title: updateTitle(client.name, source.periodLabel), options, draft, generated: draft.markdown, markdown: draft.markdown, subject: draft.subject, useGit: git, warnings };
        return s;
      });
    let session: Session;
    try {
      session = await compose(useGit);
    } catch (e) {
      // No git, or no repository here: the commitments, risks and asks can still be drafted.
      if (!(e instanceof GitError) || !['git-not-found', 'not-a-repository', 'empty-repository', 'unsafe-directory'].includes(e.code)) throw e;
      services.log.warn(`draft: ${e.message}`);
      const fromFile = vscode.l10n.t('Draft from clients.md only');
      const answer = await vscode.window.showWarningMessage(
        vscode.l10n.t('Client Pulse could not read the commits ({0}). Draft from clients.md only (commitments, risks, asks)?', errorText(e)),
        fromFile,
      );
      if (answer !== fromFile) return undefined;
      session = await compose(false);
    }
    return showSession(session);
  }

  async function restorePanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const parsed = parsePersistedState(state);
    if (!parsed.ok) {
      services.log.warn(`draft panel: could not restore a panel (${parsed.error})`);
      panel.dispose();
      return;
    }
    const { source, options, markdown, generated, subject } = parsed.value;
    const base: Session = {
      source,
      title: source.kind === 'update' ? updateTitle(source.client, source.periodLabel) : source.title,
      options,
      generated,
      markdown,
      subject,
      useGit: vscode.workspace.isTrusted,
    };
    if (source.kind === 'update') {
      try {
        const { draft, warnings } = await host.recompose(base, options);
        base.draft = draft;
        base.warnings = warnings;
        base.generated = draft.markdown;
      } catch (e) {
        services.log.warn(`draft panel: restored ${source.client} without recomposing (${e instanceof Error ? e.message : String(e)})`);
      }
    }
    const existing = panels.get(panelKey(source));
    if (existing) {
      panel.dispose();
      existing.reveal();
      return;
    }
    const p = new DraftPanel(panel, base, host);
    panels.set(p.key, p);
  }
}

function showSession(session: Session): DraftPanel {
  const f = requireFeature();
  const key = panelKey(session.source);
  const existing = f.panels.get(key);
  if (existing) {
    existing.replace(session);
    existing.reveal();
    return existing;
  }
  const webviewPanel = vscode.window.createWebviewPanel(VIEW_TYPE, session.title, { viewColumn: vscode.ViewColumn.Active, preserveFocus: false }, { retainContextWhenHidden: false });
  const panel = new DraftPanel(webviewPanel, session, f.host);
  f.panels.set(key, panel);
  return panel;
}

function requireFeature(): Feature {
  if (!feature) throw new Error('the draft panel is not registered (call registerDraftPanel first)');
  return feature;
}

async function requireClientsFile(services: DraftServices): Promise<ClientsSnapshot> {
  const clients = await services.clientsFile();
  if (!clients) throw new Error(vscode.l10n.t('no clients file found. Run "Client Pulse: Create clients file" first.'));
  return clients;
}

/**
 * Opens (or reveals and replaces) a panel for a document such as handover notes: the same editor,
 * preview, copy and mail buttons; "Save" writes `suggestedRecordPath` without overwriting.
 */
export function openDocumentPanel(_context: vscode.ExtensionContext, _services: unknown, doc: PanelDocument): void {
  const session: Session = {
    source: { kind: 'document', docKind: doc.kind, title: doc.title, language: doc.language, suggestedRecordPath: doc.suggestedRecordPath },
    title: doc.title,
    options: { audience: 'client', language: doc.language, dropped: [] },
    generated: doc.markdown,
    markdown: doc.markdown,
    subject: doc.subject ?? doc.title,
    useGit: false,
  };
  showSession(session);
}
