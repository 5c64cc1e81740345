/**
 * The `clientPulse.*` settings of a workspace's `.vscode/settings.json`, for the CLI (the
 * extension gets the same values from VS Code). The file is JSONC (comments, trailing commas), as
 * VS Code writes it: read with `jsonc-parser`, VS Code's own parser.
 */
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { SETTINGS_SECTION, settingsFrom, type ReadSettings } from './settings';
import { NoticeError, type SettingsNotice } from '../notices';
import { brandClass } from '../brand';

/** The workspace settings file under a workspace folder. */
export const WORKSPACE_SETTINGS_FILE = '.vscode/settings.json';

export class SettingsFileError extends NoticeError<SettingsNotice> {
  override readonly name = 'SettingsFileError';
}
brandClass(SettingsFileError, 'SettingsFileError');

/** The settings `text` (of `file`, named in errors) holds; keys as VS Code writes them (`"clientPulse.weekStart"`). */
export function settingsFromJsonc(text: string, file: string): ReadSettings {
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0) {
    const first = errors[0];
    const line = text.slice(0, first.offset).split('\n').length;
    throw new SettingsFileError({ code: 'settings-file.invalid-json', file, line, reason: printParseErrorCode(first.error) });
  }
  if (value === undefined || value === null) return settingsFrom(() => undefined);
  if (typeof value !== 'object' || Array.isArray(value)) throw new SettingsFileError({ code: 'settings-file.not-object', file });
  const o = value as Record<string, unknown>;
  return settingsFrom((name) => o[`${SETTINGS_SECTION}.${name}`]);
}
