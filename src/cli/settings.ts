/**
 * The CLI's settings: the same `clientPulse.*` settings as the extension, read from the
 * workspace's `.vscode/settings.json` (the folder that holds `.project/`), or from `--settings
 * FILE`. An invalid file or value stops the command with a message naming the setting and file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { settingNotice, settingsFrom, type Settings } from '../core/project/settings';
import { SettingsFileError, settingsFromJsonc, WORKSPACE_SETTINGS_FILE } from '../core/project/settingsFile';
import { RuntimeError } from './command';
import { errorText, noticeText, t } from './l10n';

/** The settings for the clients file at `clientsFile` (`.../.project/clients.md`), or of `given` (relative to `cwd`). */
export function loadSettings(cwd: string, clientsFile: string, given: string | undefined): { settings: Settings; file?: string } {
  const file = given !== undefined ? path.resolve(cwd, given) : path.join(path.dirname(path.dirname(clientsFile)), ...WORKSPACE_SETTINGS_FILE.split('/'));
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' && given === undefined) return { settings: settingsFrom(() => undefined).settings };
    throw new RuntimeError(t('cannot read the settings file {0}: {1}', file, (e as Error).message));
  }
  try {
    const { settings, problems } = settingsFromJsonc(text, file);
    if (problems.length > 0) throw new RuntimeError(`${file}: ${problems.map((p) => noticeText(settingNotice(p))).join('; ')}`);
    return { settings, file };
  } catch (e) {
    if (e instanceof SettingsFileError) throw new RuntimeError(errorText(e));
    throw e;
  }
}
