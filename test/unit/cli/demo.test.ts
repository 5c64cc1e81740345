import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CommitmentsJson } from '../../../src/cli/commands/commitments';
import { buildOnce, ROOT, runCli } from '../../support/cli';
import { git } from '../../support/git';
import { tempDir } from '../../support/temp';

const DEMO = path.join(ROOT, 'scripts', 'demo.mjs');

function makeDemo(out: string, today: string, env: Record<string, string> = {}): void {
  const r = spawnSync(process.execPath, [DEMO, '--out', out, '--today', today, '--quiet'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, r.stderr);
}

describe('demo workspace generator (scripts/demo.mjs)', function () {
  this.timeout(60000);
  let tmp: string;
  before(() => {
    tmp = tempDir('demo-gen');
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('same today → same commit hashes on every branch, even in another time zone', () => {
    const a = path.join(tmp, 'a');
    const b = path.join(tmp, 'b');
    makeDemo(a, '2026-11-20', { TZ: 'UTC' });
    makeDemo(b, '2026-11-20', { TZ: 'Asia/Shanghai' });
    const refs = (dir: string) => git(dir, ['for-each-ref', '--format=%(refname) %(objectname)']);
    assert.equal(refs(a), refs(b));
    assert.match(refs(a), /refs\/heads\/main [0-9a-f]{40}/);
    assert.match(refs(a), /refs\/heads\/feature\/payments-v2 [0-9a-f]{40}/);
  });

  it('running again over an existing demo recreates it identically', () => {
    const a = path.join(tmp, 'again');
    makeDemo(a, '2026-11-20');
    const first = git(a, ['rev-parse', 'HEAD']);
    makeDemo(a, '2026-11-20');
    assert.equal(git(a, ['rev-parse', 'HEAD']), first);
    assert.equal(git(a, ['status', '--porcelain']), '', 'clean working tree');
  });

  it('dates follow today: another today gives other hashes and the newest commit is yesterday', () => {
    const a = path.join(tmp, 'd1');
    const b = path.join(tmp, 'd2');
    makeDemo(a, '2026-11-20');
    makeDemo(b, '2027-03-01');
    assert.notEqual(git(a, ['rev-parse', 'HEAD']), git(b, ['rev-parse', 'HEAD']));
    assert.equal(git(b, ['log', '-1', '--format=%ad', '--date=short', 'main']), '2027-02-28');
    assert.equal(git(b, ['log', '--reverse', '--format=%ad', '--date=short', 'main']).split('\n')[0], '2027-01-25');
  });

  it('has the promised story: clients file, record, mailmap, merge, revert pair, bot, unmerged branch, CJK paths', () => {
    const dir = path.join(tmp, 'story');
    makeDemo(dir, '2026-11-20');
    const clients = fs.readFileSync(path.join(dir, '.project', 'clients.md'), 'utf8');
    for (const heading of ['# Acme Retail', '# Northwind Logistics', '# 星河教育']) assert.ok(clients.includes(`\n${heading}\n`) || clients.startsWith(`${heading}\n`), heading);
    assert.ok(fs.existsSync(path.join(dir, '.project', 'updates', '2026-11-13-acme-retail.md')));
    const authors = new Set(git(dir, ['log', '--all', '--format=%aN']).split('\n'));
    assert.deepEqual([...authors].sort(), ['Alice Martin', 'Priya Nair', 'Tom Hughes', 'dependabot[bot]', '王伟'].sort());
    assert.equal(git(dir, ['config', 'user.name']).trim(), 'Alice Martin', 'the demo is opened as Alice, whatever the machine git user');
    assert.equal(git(dir, ['config', 'user.email']).trim(), 'alice@agency.example');
    const raw = new Set(git(dir, ['log', '--all', '--format=%an']).split('\n'));
    assert.ok(raw.has('Wang Wei') && raw.has('tom'), 'raw aliases exist for .mailmap to fold');
    assert.equal(git(dir, ['log', '--merges', '--format=%s', 'main']), "Merge branch 'feature/loyalty-onboarding'");
    const reverted = /This reverts commit ([0-9a-f]{40})/.exec(git(dir, ['log', '--grep=^Revert', '--format=%B', 'main']))?.[1];
    assert.ok(reverted);
    assert.match(git(dir, ['log', '-1', '--format=%s', reverted]), /opening hours on map pins/);
    assert.equal(git(dir, ['branch', '--no-merged', 'main', '--format=%(refname:short)']), 'feature/payments-v2');
    const breaking = git(dir, ['log', '--grep=BREAKING CHANGE', '--format=%s', 'main']);
    assert.match(breaking, /^feat\(locator\)!:/);
    assert.match(git(dir, ['log', '--grep=ACME-142', '--format=%B', 'main']), /ghp_[A-Za-z0-9]{36}/);
    assert.match(git(dir, ['log', '--format=%(trailers:key=Commitment,valueonly)', 'main']), /checkout/);
    const files = git(dir, ['-c', 'core.quotepath=false', 'ls-files']);
    assert.match(files, /^apps\/xinghe\/课程\/目录\.vue$/m);
    assert.match(files, /^apps\/acme\/checkout\//m);
  });

  it('refuses to delete a folder that is not a demo', () => {
    const precious = path.join(tmp, 'precious');
    fs.mkdirSync(precious);
    fs.writeFileSync(path.join(precious, 'keep.txt'), 'mine');
    const r = spawnSync(process.execPath, [DEMO, '--out', precious, '--today', '2026-11-20'], { encoding: 'utf8' });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /not a Client Pulse demo; refusing to delete it/);
    assert.equal(fs.readFileSync(path.join(precious, 'keep.txt'), 'utf8'), 'mine');
  });

  it('its clients.md passes `check` and `commitments` shows the overdue promises first', function () {
    buildOnce();
    const dir = path.join(tmp, 'cli');
    makeDemo(dir, '2026-11-20');
    const env = { CLIENT_PULSE_TODAY: '2026-11-20' };
    const checked = runCli(['--cwd', dir, 'check'], { env });
    assert.equal(checked.code, 0, checked.stdout + checked.stderr);
    assert.equal(checked.stdout, `${path.join('.project', 'clients.md')}: no problems (3 clients)\n`);
    const r = runCli(['--cwd', dir, 'commitments', '--json'], { env });
    assert.equal(r.code, 0, r.stderr);
    const rows = (JSON.parse(r.stdout) as CommitmentsJson).commitments;
    const overdue = rows.filter((c) => c.overdue).map((c) => [c.client, c.daysLeft]);
    assert.deepEqual(overdue, [
      ['星河教育', -5],
      ['Acme Retail', -3],
      ['Northwind Logistics', -1],
    ]);
    assert.equal(rows.filter((c) => !c.overdue).length, 5);
    assert.ok(rows.every((c) => !c.done));
  });
});
