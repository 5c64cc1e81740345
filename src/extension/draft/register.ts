/**
 * The "Draft client update" feature: the command (client → period → panel). The panel is the
 * shared panel service's (`extension/panel`); this feature gives it the provider of update
 * sessions (`provider.ts`).
 */
import * as vscode from 'vscode';
import { errorText } from '../notices';
import type { Client } from '../../core/clients/model';
import type { Period } from '../../core/git/types';
import { readNewestRecord, updatesDir } from '../../core/records/store';
import { parseDraftOptions, type DraftOptions, type UpdateSource } from '../../shared/protocol';
import { offerWithoutGit } from '../gitFallback';
import type { Panel } from '../panel/panel';
import type { PanelService } from '../panel/service';
import type { PanelProvider, Session } from '../panel/types';
import { documentLanguage, projectDirOf, requireClientsFile } from '../workspace';
import { parsePeriodArgument, periodOf, type PeriodChoice } from './periods';
import { periodLabel, pickClient, pickPeriod, rememberClient } from './pick';
import { recompose, updateProvider, updateTitle, type DraftServices } from './provider';

/** Arguments the command accepts (sidebar/status bar pass a client; tests pass a period too). */
export interface DraftCommandArgs {
  client?: string;
  period?: 'this-week' | 'last-week' | 'since-last' | Period;
  /** The panel's choices to keep (audience, language, status) when its period is changed. */
  options?: DraftOptions;
}

/** The audience, language and status override of `arg.options`, when valid (lines dropped belong to the old period). */
function keptOptions(arg: unknown): DraftOptions | undefined {
  if (typeof arg !== 'object' || arg === null) return undefined;
  const parsed = parseDraftOptions((arg as { options?: unknown }).options);
  if (!parsed.ok) return undefined;
  const { audience, language, statusOverride } = parsed.value;
  return { audience, language, dropped: [], ...(statusOverride ? { statusOverride } : {}) };
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

/** What "Draft client update" does, for the extension's entry to register (src/extension/lazyFeatures.ts). */
export interface DraftFeature {
  /** The panel provider of `update` sources. */
  provider: PanelProvider;
  /** The command: pick or take a client and period, compose, show the panel. */
  run(arg?: unknown): Promise<Panel | undefined>;
}

export function createDraftFeature(context: vscode.ExtensionContext, services: DraftServices, panels: PanelService): DraftFeature {
  const feature: DraftFeature = { provider: updateProvider(services), run: runDraftCommand };

  async function runDraftCommand(arg: unknown): Promise<Panel | undefined> {
    try {
      return await draftCommand(arg);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      services.log.error(`draft: ${message}`);
      void vscode.window.showErrorMessage(vscode.l10n.t('Client Pulse could not draft the update: {0}', errorText(e)));
      return undefined;
    }
  }

  async function draftCommand(arg: unknown): Promise<Panel | undefined> {
    const clients = await requireClientsFile(() => services.clientsFile());
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

    const options: DraftOptions = keptOptions(arg) ?? { audience: 'client', language: documentLanguage(settings.language, client), dropped: [] };
    const source: UpdateSource = { kind: 'update', client: client.name, period, periodLabel: periodLabel(choice, period) };
    const compose = (git: boolean) =>
      vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Drafting the update for {0}…', client.name) }, async () => {
        const { draft, warnings } = await recompose(services, { source, title: '', options, generated: '', markdown: '', subject: '', useGit: git }, options);
        const s: Session = { source, title: updateTitle(client.name, source.periodLabel), options, draft, generated: draft.markdown, markdown: draft.markdown, subject: draft.subject, useGit: git, warnings };
        return s;
      });
    let session: Session;
    try {
      session = await compose(useGit);
    } catch (e) {
      // No git, or no repository here: the commitments, risks and asks can still be drafted.
      const goOn = await offerWithoutGit(e, services.log, {
        ask: (reason) => vscode.l10n.t('Client Pulse could not read the commits ({0}). Draft from clients.md only (commitments, risks, asks)?', reason),
        button: vscode.l10n.t('Draft from clients.md only'),
      });
      if (!goOn) return undefined;
      session = await compose(false);
    }
    return panels.show(session);
  }

  return feature;
}

