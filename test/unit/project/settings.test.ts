/** The settings' defaults are written once (core) and package.json says the same. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_SETTINGS, describeSettingProblem, SETTING_NAMES, settingsFrom } from '../../../src/core/project/settings';

const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, { default: unknown; enum?: string[] }> } };
};

describe('project: settings', () => {
  it("package.json's clientPulse.* defaults equal core's, and it declares exactly core's settings", () => {
    const props = manifest.contributes.configuration.properties;
    assert.deepEqual(Object.keys(props).sort(), SETTING_NAMES.map((n) => `clientPulse.${n}`).sort());
    for (const name of SETTING_NAMES) assert.deepEqual(props[`clientPulse.${name}`].default, DEFAULT_SETTINGS[name], name);
  });

  it('reads valid values and names the setting of each invalid one (default used)', () => {
    const raw: Record<string, unknown> = { weekStart: 'tuesday', redactPatterns: ['p95', '(unclosed'], botAuthors: 'ci-bot', signature: 'Alice', ticketKeyPattern: '[' };
    const { settings, problems } = settingsFrom((n) => raw[n]);
    assert.equal(settings.weekStart, 'monday');
    assert.deepEqual(settings.redactPatterns, ['p95']);
    assert.deepEqual(settings.botAuthors, DEFAULT_SETTINGS.botAuthors);
    assert.equal(settings.signature, 'Alice');
    assert.equal(settings.ticketKeyPattern, DEFAULT_SETTINGS.ticketKeyPattern);
    assert.deepEqual(problems.map((p) => p.setting).sort(), ['botAuthors', 'redactPatterns', 'ticketKeyPattern', 'weekStart']);
    assert.match(describeSettingProblem(problems.find((p) => p.setting === 'weekStart')!), /^clientPulse\.weekStart must be one of "monday", "sunday", "saturday"; got "tuesday"$/);
  });
});
