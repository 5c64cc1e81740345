/**
 * The CLI and the panel draft the same e-mail for the same repository and settings: `client-pulse
 * draft` (the built dist/cli.js, reading .vscode/settings.json) against the panel's compose path
 * (the settings as VS Code hands them over → core's Settings → the same gather options).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { draftWithHeaders } from '../../../src/cli/commands/draft';
import { composeDraft } from '../../../src/core/draft/compose';
import { gatherDraftInput } from '../../../src/core/draft/gather';
import { optionsFromSettings } from '../../../src/core/project/draftOptions';
import { settingsFrom } from '../../../src/core/project/settings';
import { buildOnce, runCli } from '../../support/cli';
import { DEMO_TODAY, makeDemo } from '../../support/demo';

describe('project: the CLI and the panel draft the same e-mail', function () {
  this.timeout(120000);
  let tmp: string;
  let repo: string;
  const env = { CLIENT_PULSE_TODAY: DEMO_TODAY };
  // What VS Code reads from the same file (it is plain JSON here, so JSON.parse gives VS Code's view).
  const raw = { 'clientPulse.redactPatterns': ['build pipeline'], 'clientPulse.signature': 'Alice Martin', 'clientPulse.hideCommitTypes': ['docs'] };

  before(() => {
    buildOnce();
    ({ tmp, repo } = makeDemo());
    fs.mkdirSync(path.join(repo, '.vscode'), { recursive: true });
    fs.writeFileSync(path.join(repo, '.vscode', 'settings.json'), `// workspace settings\n${JSON.stringify(raw, null, 2).replace(/\n}$/, ',\n}')}\n`);
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  async function panelDraft(client: string): Promise<string> {
    const { settings, problems } = settingsFrom((name) => (raw as Record<string, unknown>)[`clientPulse.${name}`]);
    assert.deepEqual(problems, []);
    const g = await gatherDraftInput({
      roots: [repo],
      clientsText: fs.readFileSync(path.join(repo, '.project', 'clients.md'), 'utf8'),
      projectDir: path.join(repo, '.project'),
      client,
      today: DEMO_TODAY,
      ...optionsFromSettings(settings),
      audience: 'client',
    });
    const d = composeDraft(g.input);
    return draftWithHeaders(d, d.markdown);
  }

  it('with redactPatterns, hideCommitTypes and signature from .vscode/settings.json (JSONC)', async () => {
    for (const client of ['Acme Retail', '星河教育']) {
      const cli = runCli(['draft', '--client', client], { cwd: repo, env });
      assert.equal(cli.code, 0, cli.stderr);
      assert.equal(cli.stdout, await panelDraft(client), client);
    }
    const acme = runCli(['draft', '--client', 'Acme Retail'], { cwd: repo, env }).stdout;
    // The settings took effect: with the defaults the update differs (commit lines not redacted).
    const plain = runCli(['draft', '--client', 'Acme Retail', '--settings', path.join(tmp, 'none.json')], { cwd: repo, env });
    assert.equal(plain.code, 3);
    assert.match(plain.stderr, /cannot read the settings file/);
    fs.writeFileSync(path.join(tmp, 'empty.json'), '{}');
    const defaults = runCli(['draft', '--client', 'Acme Retail', '--settings', path.join(tmp, 'empty.json'), '--signature', 'Alice Martin'], { cwd: repo, env });
    assert.equal(defaults.code, 0, defaults.stderr);
    assert.notEqual(defaults.stdout, acme);
    assert.match(defaults.stdout, /TestFlight build pipeline/);
    assert.doesNotMatch(acme, /build pipeline/);
  });

  it('--redact adds patterns; an invalid setting names the setting and the file', () => {
    const r = runCli(['draft', '--client', 'Acme Retail', '--settings', path.join(tmp, 'empty.json'), '--redact', 'build pipeline'], { cwd: repo, env });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /TestFlight for the loyalty beta/);
    assert.doesNotMatch(r.stdout, /build pipeline/);
    const bad = path.join(tmp, 'bad.json');
    fs.writeFileSync(bad, '{ "clientPulse.weekStart": "tuesday" }');
    const b = runCli(['draft', '--client', 'Acme Retail', '--settings', bad], { cwd: repo, env });
    assert.equal(b.code, 3);
    assert.ok(b.stderr.includes(`${bad}: clientPulse.weekStart must be one of "monday", "sunday", "saturday"; got "tuesday"`), b.stderr);
  });
});
