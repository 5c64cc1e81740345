/**
 * The CLI in a project folder inside an unrelated repository: `activity` and `draft` read only the
 * folder's commits and say so; `draft` names a Cc left out of the recipients; `check` fails on it.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildOnce, runCli } from '../../support/cli';
import { commit, initRepo, testGitEnv } from '../../support/git';
import { tempDir } from '../../support/temp';

const HOSTILE = 'b@client.example%0D%0ABcc:x@elsewhere.example';
const CLIENTS = `# Acme

Contact: Jane Doe <jane@client.example>
Cc: a@client.example, ${HOSTILE}
`;

describe('cli: project folder inside another repository; hostile Cc', function () {
  this.timeout(120000);
  let parent: string;
  let project: string;
  const env = () => ({ ...testGitEnv(), CLIENT_PULSE_TODAY: '2026-11-20' }) as Record<string, string | undefined>;

  before(() => {
    buildOnce();
    parent = tempDir('cli-boundary');
    initRepo(parent);
    project = path.join(parent, 'work', 'acme');
    commit(project, 'docs: clients file', { '.project/clients.md': CLIENTS }, '2026-11-02');
    commit(parent, 'feat: private roadmap for Initech', { 'private/plan.md': 'plan' }, '2026-11-17');
    commit(project, 'feat: store locator', { 'src/locator.ts': 'pin' }, '2026-11-18');
  });
  after(() => fs.rmSync(parent, { recursive: true, force: true }));

  it('activity lists only the folder\'s commits and notes the boundary', () => {
    const r = runCli(['activity', '--since', '2026-11-16', '--until', '2026-11-22', '--json'], { cwd: project, env: env() });
    assert.equal(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout) as { items: Array<{ internalText: string }>; warnings: string[] };
    assert.deepEqual(json.items.map((i) => i.internalText), ['feat: store locator']);
    assert.ok(json.warnings.some((w) => w.includes('only commits touching work/acme/')), json.warnings.join('\n'));
  });

  it('draft leaves the private commit and the hostile Cc out, and says both', () => {
    const r = runCli(['draft', '--client', 'Acme', '--period', '2026-11-16..2026-11-22', '--format', 'eml'], { cwd: project, env: env() });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /only commits touching work\/acme\//u);
    assert.match(r.stderr, /Cc address ".*elsewhere\.example" left out of the recipients/u);
    const head = r.stdout.slice(0, r.stdout.indexOf('\r\n\r\n'));
    assert.match(head, /^Cc: a@client\.example$/mu);
    // No injected header and no hostile address (a bare /bcc/i also matched the random MIME boundary, e.g. "…ebccd…").
    assert.doesNotMatch(head, /elsewhere|^bcc:/imu);
    assert.doesNotMatch(r.stdout, /Initech/u);
  });

  it('check exits 1 with unsafe-address', () => {
    const r = runCli(['check'], { cwd: project, env: env() });
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.match(r.stdout + r.stderr, /\[unsafe-address\]/u);
  });
});
