/**
 * The one panel service the draft and the handover features share: it opens a panel for a
 * session (or reveals the open one with the same key and replaces its session), restores panels
 * after a reload, and owns the actions behind the page's buttons. What depends on the kind of
 * source (its e-mail, its save, composing it again, restoring it) comes from the `PanelProvider`
 * the feature that opens such sessions gives (`provide`). In test mode it adds the commands that
 * read the panels' state and post messages to them as their page would.
 */
import * as vscode from 'vscode';
import { registerBlanksForTest } from '../blanks';
import type { IsoDate } from '../../core/model';
import type { PanelSettings, PanelSource } from '../../shared/protocol';
import { parsePageToHost, parsePersistedState } from '../../shared/protocol';
import type { ClientsSnapshot } from '../workspace';
import { Actions, type LastAction } from './actions';
import { KeptEditsStore } from './keptEdits';
import { Panel, VIEW_TYPE, type PanelHost } from './panel';
import { panelKey } from './session';
import type { PanelLog, PanelProvider, Session } from './types';

/** Test mode only (not in package.json): the open panels' state. */
export const TEST_STATE_COMMAND = 'clientPulse.test.draftPanels';
/** Test mode only: hand a message to a panel's host as if its page had posted it. */
export const TEST_POST_COMMAND = 'clientPulse.test.draftPost';

/** What the service needs from the shell. */
export interface PanelServices {
  today(): IsoDate;
  log: PanelLog;
  /** The workspace's clients file, read now; undefined when there is none. */
  clientsFile(): Promise<ClientsSnapshot | undefined>;
  /** Creates a file; resolves false (writing nothing) when it exists already. */
  writeNewFile(uri: vscode.Uri, content: Uint8Array): Promise<boolean>;
}

/** What a test reads of one open panel. */
export interface PanelSnapshot {
  key: string;
  ready: boolean;
  title: string;
  visible: boolean;
  session: Session;
  lastAction: LastAction | undefined;
  /** Edits kept from the last close, offered on the page. */
  keptEdits: Session['keptEdits'];
  /** The last notice the page was sent. */
  notice: { level: string; text: string } | undefined;
}

function panelSettings(): PanelSettings {
  return {
    canSave: vscode.workspace.isTrusted && (vscode.workspace.workspaceFolders?.length ?? 0) > 0,
    richCopy: true,
    modKey: process.platform === 'darwin' ? '⌘' : 'Ctrl',
    uiLanguage: vscode.env.language,
  };
}

export class PanelService implements vscode.Disposable {
  private readonly panels = new Map<string, Panel>();
  private readonly providers = new Map<PanelSource['kind'], PanelProvider>();
  private readonly actions: Actions;
  private readonly host: PanelHost;

  private readonly kept: KeptEditsStore;

  constructor(extensionUri: vscode.Uri, private readonly services: PanelServices, memento: vscode.Memento) {
    this.kept = new KeptEditsStore(memento);
    this.actions = new Actions({
      today: () => services.today(),
      log: services.log,
      writeNewFile: (uri, content) => services.writeNewFile(uri, content),
    });
    this.host = {
      extensionUri,
      log: services.log,
      actions: this.actions,
      settings: panelSettings,
      kept: this.kept,
      onDispose: (panel) => {
        if (this.panels.get(panel.key) === panel) this.panels.delete(panel.key);
      },
    };
  }

  /** The provider of one kind of source (one per kind, given by the feature that opens them). */
  provide(kind: PanelSource['kind'], provider: PanelProvider): void {
    if (this.providers.has(kind)) throw new Error(`a panel provider for "${kind}" sources is registered already`);
    this.providers.set(kind, provider);
  }

  /** Opens a panel for the session, or reveals the one open for the same client or path and shows the session there. */
  show(session: Session): Panel {
    const key = panelKey(session.source);
    const existing = this.panels.get(key);
    if (existing) {
      existing.replace(session);
      existing.reveal();
      return existing;
    }
    // Edits kept from the last close of this draft are offered on its page (unless they are the new draft's text).
    const kept = this.kept.get(key);
    if (kept && kept.markdown !== session.generated) session.keptEdits = kept;
    const webviewPanel = vscode.window.createWebviewPanel(VIEW_TYPE, session.title, { viewColumn: vscode.ViewColumn.Active, preserveFocus: false }, { retainContextWhenHidden: false });
    return this.add(new Panel(webviewPanel, session, this.provider(session.source), this.host));
  }

  /** A panel VS Code kept across a reload: its page's state is validated, then its provider restores the session. */
  async restore(webviewPanel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const parsed = parsePersistedState(state);
    const provider = parsed.ok ? this.providers.get(parsed.value.source.kind) : undefined;
    if (!parsed.ok || !provider) {
      this.services.log.warn(`panel: could not restore a panel (${parsed.ok ? `no provider for ${parsed.value.source.kind} sources` : parsed.error})`);
      webviewPanel.dispose();
      return;
    }
    const session = await provider.restore(parsed.value);
    const existing = this.panels.get(panelKey(session.source));
    if (existing) {
      webviewPanel.dispose();
      existing.reveal();
      return;
    }
    this.add(new Panel(webviewPanel, session, provider, this.host));
  }

  snapshot(): PanelSnapshot[] {
    return [...this.panels.values()].map((p) => ({
      key: p.key,
      ready: p.isReady,
      title: p.panel.title,
      visible: p.panel.visible,
      session: p.session,
      lastAction: this.actions.last,
      keptEdits: p.session.keptEdits,
      notice: p.lastNotice,
    }));
  }

  /** Test mode: a message to the panel `key` as if its page had posted it (it goes through validation). */
  async postForTest(key: string, message: unknown): Promise<{ accepted: boolean; error?: string }> {
    const panel = this.panels.get(key);
    if (!panel) throw new Error(`no draft panel ${key}`);
    const parsed = parsePageToHost(message);
    await panel.receiveForTest(message);
    return parsed.ok ? { accepted: true } : { accepted: false, error: parsed.error };
  }

  dispose(): void {
    for (const p of [...this.panels.values()]) p.dispose();
  }

  private provider(source: PanelSource): PanelProvider {
    const provider = this.providers.get(source.kind);
    if (!provider) throw new Error(`no panel provider for "${source.kind}" sources`);
    return provider;
  }

  private add(panel: Panel): Panel {
    this.panels.set(panel.key, panel);
    return panel;
  }
}

/** The service, its panel serializer and, in test mode, its test commands; everything disposed with the extension. */
export function registerPanelService(context: vscode.ExtensionContext, services: PanelServices): PanelService {
  const service = new PanelService(context.extensionUri, services, context.workspaceState);
  context.subscriptions.push(
    service,
    vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, {
      deserializeWebviewPanel: (panel, state) => service.restore(panel, state),
    }),
  );
  if (context.extensionMode === vscode.ExtensionMode.Test) {
    registerBlanksForTest(context);
    context.subscriptions.push(
      vscode.commands.registerCommand(TEST_STATE_COMMAND, () => service.snapshot()),
      vscode.commands.registerCommand(TEST_POST_COMMAND, (key: string, message: unknown) => service.postForTest(key, message)),
    );
  }
  return service;
}
