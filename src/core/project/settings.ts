/**
 * The `clientPulse.*` settings, typed, with their defaults written once (package.json's
 * `contributes.configuration` must say the same; a unit test checks it). The extension reads them
 * from VS Code's configuration, the CLI from the workspace's `.vscode/settings.json`
 * (`settingsFile.ts`); both turn the raw values into `Settings` here, with the same validation.
 */
import type { Language } from '../clients/model';
import { DEFAULT_NOISE } from '../git/noise';
import { WEEK_STARTS, type WeekStart } from '../calendar';
import { DEFAULT_TICKET_KEY_PATTERN } from '../git/redact';
import { wordNotice, type SettingsNotice } from '../notices';

export interface Settings {
  /** Path of the clients file relative to its workspace folder. */
  clientsFile: string;
  /** Draft language when the client has no `Language:`; `auto`: the UI's. */
  language: 'auto' | Language;
  weekStart: WeekStart;
  /** Name that signs updates; empty: git `user.name`, else the client's Owner. */
  signature: string;
  hideCommitTypes: string[];
  /** Extra globs of files whose commits are hidden as developer tooling when they touch nothing else. */
  hideFilePatterns: string[];
  botAuthors: string[];
  /** Extra regular expressions removed from client-facing text. */
  redactPatterns: string[];
  ticketKeyPattern: string;
}

export type SettingName = keyof Settings;

export const DEFAULT_CLIENTS_FILE = '.project/clients.md';

export const LANGUAGE_SETTINGS: readonly Settings['language'][] = ['auto', 'en', 'zh-CN'];
export { WEEK_STARTS };

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  clientsFile: DEFAULT_CLIENTS_FILE,
  language: 'auto',
  weekStart: 'monday',
  signature: '',
  hideCommitTypes: [...DEFAULT_NOISE.hiddenTypes],
  hideFilePatterns: [],
  botAuthors: [...DEFAULT_NOISE.botAuthors],
  redactPatterns: [],
  ticketKeyPattern: DEFAULT_TICKET_KEY_PATTERN,
});

export const SETTING_NAMES = Object.keys(DEFAULT_SETTINGS) as SettingName[];

/** The section every key is under: `clientPulse.redactPatterns`. */
export const SETTINGS_SECTION = 'clientPulse';

/** A value that cannot be used (the default is used instead); each front words it. */
export type SettingProblem =
  | { setting: SettingName; code: 'not-string' | 'not-string-list'; value: unknown }
  | { setting: SettingName; code: 'not-one-of'; value: unknown; allowed: readonly string[] }
  | { setting: SettingName; code: 'bad-pattern'; value: string; reason: string };

export interface ReadSettings {
  settings: Settings;
  problems: SettingProblem[];
}

function patternProblem(setting: SettingName, source: string): SettingProblem | undefined {
  if (source.trim() === '') return undefined;
  try {
    new RegExp(source, 'u');
    return undefined;
  } catch (e) {
    return { setting, code: 'bad-pattern', value: source, reason: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * `Settings` from raw values (`get(name)` is undefined for a setting that is not set). A value of
 * the wrong type, outside its choices or an invalid regular expression is a problem, and the
 * default is used for it.
 */
export function settingsFrom(get: (name: SettingName) => unknown): ReadSettings {
  const problems: SettingProblem[] = [];
  const str = (name: 'clientsFile' | 'signature' | 'ticketKeyPattern'): string => {
    const v = get(name);
    if (v === undefined || v === null) return DEFAULT_SETTINGS[name];
    if (typeof v !== 'string') {
      problems.push({ setting: name, code: 'not-string', value: v });
      return DEFAULT_SETTINGS[name];
    }
    return v;
  };
  const oneOf = <T extends string>(name: 'language' | 'weekStart', allowed: readonly T[]): T => {
    const v = get(name);
    if (v === undefined || v === null) return DEFAULT_SETTINGS[name] as T;
    const found = allowed.find((a) => a === v);
    if (found === undefined) problems.push({ setting: name, code: 'not-one-of', value: v, allowed });
    return found ?? (DEFAULT_SETTINGS[name] as T);
  };
  const list = (name: 'hideCommitTypes' | 'hideFilePatterns' | 'botAuthors' | 'redactPatterns'): string[] => {
    const v = get(name);
    if (v === undefined || v === null) return [...DEFAULT_SETTINGS[name]];
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) {
      problems.push({ setting: name, code: 'not-string-list', value: v });
      return [...DEFAULT_SETTINGS[name]];
    }
    return [...(v as string[])];
  };

  const clientsFile = str('clientsFile').trim();
  const redactPatterns = list('redactPatterns');
  const badPatterns = redactPatterns.map((p) => patternProblem('redactPatterns', p)).filter((p): p is SettingProblem => p !== undefined);
  problems.push(...badPatterns);
  let ticketKeyPattern = str('ticketKeyPattern');
  const ticketProblem = patternProblem('ticketKeyPattern', ticketKeyPattern);
  if (ticketProblem) {
    problems.push(ticketProblem);
    ticketKeyPattern = DEFAULT_SETTINGS.ticketKeyPattern;
  }
  const settings: Settings = {
    clientsFile: clientsFile === '' ? DEFAULT_CLIENTS_FILE : clientsFile,
    language: oneOf('language', LANGUAGE_SETTINGS),
    weekStart: oneOf('weekStart', WEEK_STARTS),
    signature: str('signature'),
    hideCommitTypes: list('hideCommitTypes'),
    hideFilePatterns: list('hideFilePatterns'),
    botAuthors: list('botAuthors'),
    // An invalid pattern is left out; the others still apply (nothing that should be hidden shows).
    redactPatterns: redactPatterns.filter((p) => !badPatterns.some((b) => b.value === p)),
    ticketKeyPattern,
  };
  return { settings, problems };
}

/** The problem as a notice naming the setting (`clientPulse.weekStart must be one of …`); each front words it. */
export function settingNotice(p: SettingProblem): SettingsNotice {
  const name = `${SETTINGS_SECTION}.${p.setting}`;
  const value = JSON.stringify(p.value) ?? String(p.value);
  switch (p.code) {
    case 'not-string':
      return { code: 'settings.not-string', name, value };
    case 'not-string-list':
      return { code: 'settings.not-string-list', name, value };
    case 'not-one-of':
      return { code: 'settings.not-one-of', name, value, allowed: p.allowed.map((a) => JSON.stringify(a)) };
    case 'bad-pattern':
      return { code: 'settings.bad-pattern', name, value, reason: p.reason };
  }
}

/** The problem in English (logs, tests). */
export function describeSettingProblem(p: SettingProblem): string {
  return wordNotice(settingNotice(p));
}
