/**
 * "Client Pulse: Clients overview": one row per client (core/overview), in a script-free webview
 * panel opened from the Commitments view's title and the palette. One panel; running the command
 * again (or its Refresh link) recomputes it. A client's name opens its draft.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { gatherOverview } from '../../core/overview/gather';
import { optionsFromSettings } from '../../core/project/draftOptions';
import { CommandId } from '../commandIds';
import { noticeText } from '../notices';
import type { Services } from '../services';
import { historyRoots, projectDirOf, requireClientsFile, uiLanguage } from '../workspace';
import { overviewHtml, type OverviewLabels } from './html';

export const OVERVIEW_VIEW_TYPE = 'clientPulse.overview';

function labels(): OverviewLabels {
  return {
    title: vscode.l10n.t('Clients overview'),
    client: vscode.l10n.t('Client'),
    status: vscode.l10n.t('Status'),
    open: vscode.l10n.t('Still open'),
    overdue: vscode.l10n.t('Overdue'),
    dueThisWeek: vscode.l10n.t('Due this week'),
    asks: vscode.l10n.t('Asks waiting'),
    lastSent: vscode.l10n.t('Last sent'),
    nextDue: vscode.l10n.t('Next due'),
    trend: vscode.l10n.t('Trend'),
    refresh: vscode.l10n.t('Refresh'),
    statusWord: { 'on-track': vscode.l10n.t('on track'), 'at-risk': vscode.l10n.t('at risk'), 'off-track': vscode.l10n.t('off track') },
    asksWaiting: (n, days) => (days === undefined ? String(n) : vscode.l10n.t('{0} (oldest {1} d)', n, days)),
    late: (date, days) => vscode.l10n.t('{0} ({1} d late)', date, days),
    openDraft: (client) => vscode.l10n.t('Draft the update for {0}', client),
    noHistory: vscode.l10n.t('Git history was not read (Restricted Mode or no repository): statuses come from clients.md alone.'),
    never: vscode.l10n.t('never'),
    empty: vscode.l10n.t('clients.md defines no client yet.'),
  };
}

/** What "Clients overview" does, for the extension's entry to register (src/extension/lazyFeatures.ts). */
export interface OverviewFeature {
  /** The command; tests read the number of rows from its result. */
  run(): Promise<{ rows: number } | undefined>;
  dispose(): void;
}

export function createOverviewFeature(context: vscode.ExtensionContext, services: Services): OverviewFeature {
  let panel: vscode.WebviewPanel | undefined;
  const show = async (): Promise<vscode.WebviewPanel | undefined> => {
    const clients = await requireClientsFile(() => services.clientsFile());
    const settings = services.settings(clients.uri);
    const fromSettings = optionsFromSettings(settings);
    const overview = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Reading every client…') }, () =>
      gatherOverview({
        roots: services.isTrusted() ? historyRoots(clients.uri) : [],
        clientsText: clients.text,
        projectDir: projectDirOf(clients.uri).fsPath,
        today: services.today(),
        weekStart: settings.weekStart,
        language: uiLanguage(),
        ...(fromSettings.noise ? { noise: fromSettings.noise } : {}),
        ...(fromSettings.redaction ? { redaction: fromSettings.redaction } : {}),
      }),
    );
    if (!panel) {
      panel = vscode.window.createWebviewPanel(OVERVIEW_VIEW_TYPE, vscode.l10n.t('Clients overview'), vscode.ViewColumn.Active, {
        enableScripts: false,
        enableCommandUris: [CommandId.DraftUpdate, CommandId.ClientsOverview],
        localResourceRoots: [],
      });
      panel.onDidDispose(() => (panel = undefined), undefined, context.subscriptions);
    } else {
      panel.reveal(undefined, false);
    }
    panel.webview.html = overviewHtml(
      {
        rows: overview.rows,
        today: overview.today,
        historyRead: overview.historyRead,
        warnings: overview.warnings.map(noticeText),
        nonce: randomBytes(16).toString('base64'),
        cspSource: panel.webview.cspSource,
        language: uiLanguage(),
        draftCommand: CommandId.DraftUpdate,
        refreshCommand: CommandId.ClientsOverview,
      },
      labels(),
    );
    services.log.info(`overview: ${overview.rows.length} clients, history ${overview.historyRead ? 'read' : 'not read'}`);
    return panel;
  };
  return {
    run: async () => {
      try {
        const p = await show();
        // Tests read what the page shows through the command's result.
        return p ? { rows: p.webview.html.match(/<tr class="[a-z-]+" data-client="/gu)?.length ?? 0 } : undefined;
      } catch (e) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Client Pulse could not show the clients overview: {0}', e instanceof Error ? e.message : String(e)));
        return undefined;
      }
    },
    dispose: () => panel?.dispose(),
  };
}
