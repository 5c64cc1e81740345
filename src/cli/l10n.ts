/**
 * The CLI's language: English, or Simplified Chinese when `--lang zh-cn` or the locale
 * (`LC_ALL`, else `LC_MESSAGES`, else `LANG`: `zh_CN.UTF-8`) asks for it. Every sentence the CLI
 * prints for a person goes through `t` (`@vscode/l10n`, the library VS Code's own l10n-sample uses
 * for code that runs outside VS Code), looked up in the extension's `l10n/bundle.l10n.zh-cn.json`,
 * so `client-pulse` and the panel say the same words. Core's notices are worded here with the
 * same translation. (A draft's own language — the client's `Language:` — is separate.)
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import { noticeOf, wordNotice, type Notice, type Translate } from '../core/notices';

export type CliLanguage = 'en' | 'zh-cn';

export const CLI_LANGUAGES: readonly CliLanguage[] = ['en', 'zh-cn'];

/** `zh-CN`, `zh_CN.UTF-8`, `zh-Hans`, `zh` → `zh-cn`; `en_GB`, `C`, `POSIX` → `en`; anything else undefined. */
export function cliLanguageOf(tag: string): CliLanguage | undefined {
  const t = tag.trim().toLowerCase().replace(/[.@].*$/u, '').replace(/_/gu, '-');
  if (t === 'zh' || t === 'zh-cn' || t === 'zh-sg' || t === 'zh-hans' || t.startsWith('zh-hans-')) return 'zh-cn';
  if (t === 'c' || t === 'posix' || t === 'en' || t.startsWith('en-')) return 'en';
  return undefined;
}

/** The language the locale asks for: the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set (POSIX order). */
export function localeLanguage(env: Readonly<Record<string, string | undefined>>): CliLanguage {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (value !== undefined && value !== '') return cliLanguageOf(value) ?? 'en';
  }
  return 'en';
}

/**
 * The extension's zh-CN bundle, which the package ships in `l10n/` beside `dist/` (read at run
 * time, not bundled into `dist/cli.js` a second time); from the sources, the repository's `l10n/`.
 */
export function zhCnBundleFile(): string | undefined {
  for (const up of [['..'], ['..', '..']]) {
    const file = path.join(__dirname, ...up, 'l10n', 'bundle.l10n.zh-cn.json');
    if (fs.existsSync(file)) return file;
  }
  return undefined;
}

let spoken: CliLanguage = 'en';

/** The language the CLI speaks now (set by `useLanguage`). */
export function cliLanguage(): CliLanguage {
  return spoken;
}

/** Speaks `language` from now on (English when the bundle is missing: nothing is lost, only translated). */
export function useLanguage(language: CliLanguage): void {
  spoken = language;
  const file = language === 'zh-cn' ? zhCnBundleFile() : undefined;
  if (file) l10n.config({ fsPath: file });
  else l10n.config({ contents: {} });
}

/** A sentence in the CLI's language: the English text with `{0}` or `{name}` placeholders. */
export function t(message: string, ...args: Array<string | number>): string;
export function t(message: string, args: Record<string, string | number>): string;
export function t(message: string, ...args: unknown[]): string {
  return (l10n.t as (m: string, ...a: unknown[]) => string)(message, ...args);
}

export const translate: Translate = (template, values) => l10n.t(template, values);

/** A core notice in the CLI's language. */
export function noticeText(notice: Notice): string {
  return wordNotice(notice, translate);
}

/** Anything thrown, in the CLI's language: a core notice worded, any other error's own message. */
export function errorText(e: unknown): string {
  return noticeText(noticeOf(e));
}
