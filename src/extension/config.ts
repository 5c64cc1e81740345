/**
 * Typed reading of the `clientPulse.*` settings. Values are cached per scope and re-read only when
 * `onDidChangeConfiguration` says a `clientPulse` setting changed.
 */
import * as vscode from 'vscode';
import { noticeText } from './notices';
import { settingNotice, settingsFrom, SETTINGS_SECTION, type Settings } from '../core/project/settings';

export type { Settings };
export { DEFAULT_CLIENTS_FILE } from '../core/project/settings';
/** The settings a draft depends on: core's one `Settings`. */
export type DraftSettings = Settings;


/** The settings of `scope`, validated by core (an invalid value: its default, and a warning). */
function readSettings(scope: vscode.Uri | undefined): Settings {
  const c = vscode.workspace.getConfiguration(SETTINGS_SECTION, scope);
  const { settings, problems } = settingsFrom((name) => c.get(name));
  for (const p of problems) void vscode.window.showWarningMessage(vscode.l10n.t('Client Pulse: {0}; the default is used.', noticeText(settingNotice(p))));
  return settings;
}

export class Configuration implements vscode.Disposable {
  private readonly cache = new Map<string, Settings>();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires after a `clientPulse.*` setting changed (the cache is already cleared). */
  readonly onDidChange = this.changed.event;
  private readonly listener: vscode.Disposable;

  constructor() {
    this.listener = vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('clientPulse')) return;
      this.cache.clear();
      this.changed.fire();
    });
  }

  get(scope: vscode.Uri | undefined): Settings {
    const key = scope ? (vscode.workspace.getWorkspaceFolder(scope)?.uri ?? scope).toString() : '';
    let settings = this.cache.get(key);
    if (!settings) {
      settings = readSettings(scope);
      this.cache.set(key, settings);
    }
    return settings;
  }

  dispose(): void {
    this.listener.dispose();
    this.changed.dispose();
  }
}
