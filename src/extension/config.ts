/**
 * Typed reading of the `clientPulse.*` settings. Values are cached per scope and re-read only when
 * `onDidChangeConfiguration` says a `clientPulse` setting changed.
 */
import * as vscode from 'vscode';
import type { Language } from '../core/clients/model';
import { WEEK_STARTS, type WeekStart } from '../core/calendar';

/** The settings a draft depends on (read per clients file's folder). */
export interface DraftSettings {
  language: 'auto' | Language;
  weekStart: WeekStart;
  signature: string;
  hideCommitTypes: string[];
  /** Extra globs hidden as developer tooling (`clientPulse.hideFilePatterns`). */
  hideFilePatterns: string[];
  botAuthors: string[];
  redactPatterns: string[];
  ticketKeyPattern: string;
}

export interface Settings extends DraftSettings {
  /** Path of the clients file relative to its workspace folder. */
  clientsFile: string;
}

export const DEFAULT_CLIENTS_FILE = '.project/clients.md';

function stringArray(value: unknown, fallback: string[]): string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : fallback;
}

function readSettings(scope: vscode.Uri | undefined): Settings {
  const c = vscode.workspace.getConfiguration('clientPulse', scope);
  const language = c.get<string>('language', 'auto');
  const weekStart = c.get<string>('weekStart', 'monday') as WeekStart;
  const clientsFile = c.get<string>('clientsFile', DEFAULT_CLIENTS_FILE).trim();
  return {
    clientsFile: clientsFile === '' ? DEFAULT_CLIENTS_FILE : clientsFile,
    language: language === 'en' || language === 'zh-CN' ? (language as Language) : 'auto',
    weekStart: WEEK_STARTS.includes(weekStart) ? weekStart : 'monday',
    signature: c.get<string>('signature', ''),
    hideCommitTypes: stringArray(c.get('hideCommitTypes'), ['chore', 'ci', 'build', 'test', 'style', 'refactor']),
    hideFilePatterns: stringArray(c.get('hideFilePatterns'), []),
    botAuthors: stringArray(c.get('botAuthors'), ['dependabot', 'renovate', 'github-actions', '[bot]']),
    redactPatterns: stringArray(c.get('redactPatterns'), []),
    ticketKeyPattern: c.get<string>('ticketKeyPattern', '\\b[A-Z][A-Z0-9]+-\\d+\\b'),
  };
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
