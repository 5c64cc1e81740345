/**
 * `client-pulse draft` tells the lead about mistakes in the drafted client's part of clients.md
 * (the draft reads the file as written, so a date that is not a date leaves a commitment's date
 * out of the e-mail): each problem as `check` prints it, then one warning; problems of other
 * clients are left to `check`. Through the built CLI, on the demo repository.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { problemsOf } from '../../../src/core/clients/queries';
import { parseClients } from '../../../src/core/clients/parse';
import { buildOnce, runCli } from '../../support/cli';
import { DEMO_TODAY, makeDemo } from '../../support/demo';

describe('draft: problems in the client’s part of clients.md', function () {
  this.timeout(120_000);
  let repo: string;
  let tmp: string;
  before(() => {
    buildOnce();
    ({ tmp, repo } = makeDemo());
    const file = path.join(repo, '.project', 'clients.md');
    const text = fs.readFileSync(file, 'utf8');
    // A misspelt field and an impossible date for Acme Retail; an impossible date for Northwind.
    const acme = text.indexOf('# Acme Retail');
    const northwind = text.indexOf('# Northwind');
    assert.ok(acme >= 0 && northwind > acme, 'the demo has both clients, Acme first');
    const edited = `${text.slice(0, northwind).replace(/^(Cadence:.*)$/mu, 'Cadense: weekly Fri').replace(/due:\d{4}-\d{2}-\d{2}/u, 'due:2026-13-27')}${text.slice(northwind).replace(/due:\d{4}-\d{2}-\d{2}/u, 'due:2026-02-30')}`;
    fs.writeFileSync(file, edited);
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('prints each problem of the drafted client, then one warning; none of another client', () => {
    const r = runCli(['draft', '--client', 'Acme Retail'], { cwd: repo, env: { CLIENT_PULSE_TODAY: DEMO_TODAY } });
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stderr.split('\n');
    const problems = lines.filter((l) => l.startsWith('.project/clients.md:'));
    assert.equal(problems.length, 2, r.stderr);
    assert.match(problems[0], /^\.project\/clients\.md:\d+:1: warning: Unknown field "Cadense" — did you mean "Cadence"\?/u);
    assert.match(problems[1], /^\.project\/clients\.md:\d+:\d+: error: Impossible due date 2026-13-27: month must be 01–12/u);
    assert.ok(lines.includes('warning: the part of .project/clients.md for Acme Retail has the problems above; the draft reads it as written, so the e-mail may leave out what they hold — fix them first (client-pulse check lists every problem in the file)'), r.stderr);
    assert.doesNotMatch(r.stderr, /2026-02-30/u, "Northwind's problem is check's to tell");
  });

  it('says nothing when the client’s part is clean', () => {
    const r = runCli(['draft', '--client', '星河教育'], { cwd: repo, env: { CLIENT_PULSE_TODAY: DEMO_TODAY } });
    assert.equal(r.code, 0, r.stderr);
    assert.doesNotMatch(r.stderr, /clients\.md:\d+|has the problems above/u);
  });

  it('problemsOf: errors and warnings inside the client’s span only, in file order', () => {
    const file = parseClients('# A\n\nCadense: x\n\n## Commitments\n- [ ] One due:2026-13-01\n\n# B\n\n## Commitments\n- [ ] Two due:2026-02-30\n');
    assert.deepEqual(problemsOf(file, 'A').map((d) => d.code), ['unknown-field', 'invalid-date']);
    assert.deepEqual(problemsOf(file, 'B').map((d) => d.code), ['invalid-date']);
    assert.deepEqual(problemsOf(file, 'C'), [], 'no such client');
  });
});
