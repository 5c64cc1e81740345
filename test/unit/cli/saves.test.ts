/**
 * The CLI's saves on a real demo workspace: `draft --save` and `handover --save` refuse a
 * symlinked `.project/updates` (or `handover`) that leads out of the workspace and write nothing
 * there; a read-only `--out` file is worded, not a raw EACCES/EPERM.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildOnce, runCli } from '../../support/cli';
import { DEMO_TODAY, makeDemo } from '../../support/demo';
import { tempDir } from '../../support/temp';

describe('cli: saves stay inside the workspace', function () {
  this.timeout(120000);
  let tmp: string;
  let repo: string;
  const env = { CLIENT_PULSE_TODAY: DEMO_TODAY };

  before(() => {
    buildOnce();
    ({ tmp, repo } = makeDemo());
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('draft --save into a symlinked .project/updates that leads elsewhere: refused, exit 3, nothing written there', () => {
    const outside = tempDir('outside');
    fs.rmSync(path.join(repo, '.project', 'updates'), { recursive: true, force: true });
    fs.symlinkSync(outside, path.join(repo, '.project', 'updates'));
    try {
      const r = runCli(['draft', '--client', 'Northwind Logistics', '--period', 'last-week', '--save'], { cwd: repo, env });
      assert.equal(r.code, 3, r.stderr);
      assert.match(r.stderr, /was not saved: \.project\/updates leads to .*, outside the workspace folder/);
      assert.doesNotMatch(r.stderr, /Record saved/);
      assert.deepEqual(fs.readdirSync(outside), []);
    } finally {
      fs.rmSync(path.join(repo, '.project', 'updates'));
    }
  });

  it('handover --save through a symlinked .project/handover: refused, nothing written there', () => {
    const outside = tempDir('outside');
    fs.symlinkSync(outside, path.join(repo, '.project', 'handover'));
    try {
      const r = runCli(['handover', '--from', 'alice@agency.example', '--save'], { cwd: repo, env });
      assert.equal(r.code, 3, r.stderr);
      assert.match(r.stderr, /was not saved: \.project\/handover leads to .*, outside the workspace folder/);
      assert.deepEqual(fs.readdirSync(outside), []);
    } finally {
      fs.rmSync(path.join(repo, '.project', 'handover'));
    }
  });

  it('draft --out onto a read-only file says so and leaves it as it was', () => {
    const out = path.join(tempDir('out'), 'update.md');
    fs.writeFileSync(out, 'keep me\n');
    fs.chmodSync(out, 0o444);
    const r = runCli(['draft', '--client', 'Northwind Logistics', '--period', 'last-week', '--out', out], { cwd: repo, env });
    assert.equal(r.code, 3, r.stderr);
    assert.match(r.stderr, /update\.md is read-only; it was not changed\. Make it writable/);
    assert.doesNotMatch(r.stderr, /EACCES|EPERM/);
    assert.equal(fs.readFileSync(out, 'utf8'), 'keep me\n');
  });
});
