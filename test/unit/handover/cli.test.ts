/** `client-pulse handover` as a real process on the demo workspace. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildOnce, runCli } from '../../support/cli';
import { makeDemo } from '../../support/demo';

const TODAY = '2026-11-20';
const GOLDEN = path.join(__dirname, 'golden');

describe('handover: the CLI (spawned process)', function () {
  this.timeout(60000);
  let root = '';
  const env = { CLIENT_PULSE_TODAY: TODAY, TZ: 'UTC' };
  before(function () {
    buildOnce();
    root = makeDemo(TODAY).repo;
  });
  after(() => {
    if (root) fs.rmSync(path.dirname(root), { recursive: true, force: true });
  });

  for (const lang of ['en', 'zh-CN'] as const) {
    it(`prints the same notes as the golden file (--lang ${lang})`, () => {
      const r = runCli(['handover', '--from', 'alice@agency.example', '--lang', lang], { cwd: root, env });
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stderr, '');
      assert.equal(r.stdout, fs.readFileSync(path.join(GOLDEN, `demo.${lang}.md`), 'utf8'));
    });
  }

  it('--save writes .project/handover/<date>-<person>.md and never overwrites it', () => {
    const args = ['handover', '--from', 'Alice Martin', '--to', 'Carol Jones <carol@agency.example>', '-c', 'acme retail', '--since', '30d', '--save'];
    const first = runCli(args, { cwd: root, env });
    assert.equal(first.code, 0, first.stderr);
    const file = path.join(root, '.project', 'handover', `${TODAY}-alice-martin.md`);
    assert.equal(fs.readFileSync(file, 'utf8'), first.stdout);
    assert.match(first.stderr, /Saved \.project\/handover\/2026-11-20-alice-martin\.md/);
    assert.match(first.stdout, /^# Handover: Alice Martin → Carol Jones$/m);
    assert.match(first.stdout, /history from 22 Oct to 20 Nov \(30 days\) · 1 client/);
    assert.ok(!first.stdout.includes('## Northwind Logistics'));
    fs.appendFileSync(file, '\nMy own notes.\n');
    const second = runCli(args, { cwd: root, env });
    assert.equal(second.code, 0, second.stderr);
    assert.match(fs.readFileSync(file, 'utf8'), /My own notes\.\n$/, 'the first file is untouched');
    assert.equal(fs.readFileSync(path.join(root, '.project', 'handover', `${TODAY}-alice-martin-2.md`), 'utf8'), second.stdout);
  });

  it('--out writes the file instead of printing', () => {
    const out = path.join(path.dirname(root), 'notes.md');
    const r = runCli(['handover', '--from', 'alice@agency.example', '--out', out], { cwd: root, env });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
    assert.equal(fs.readFileSync(out, 'utf8'), fs.readFileSync(path.join(GOLDEN, 'demo.en.md'), 'utf8'));
  });

  it('explains every wrong command line with exit 2', () => {
    const cases: Array<[string[], RegExp]> = [
      [['handover'], /--from is required/],
      [['handover', '--from', 'alice@agency.example', '--to', 'Carol'], /--to: expected "Name <email>"/],
      [['handover', '--from', 'alice@agency.example', '--since', 'last year'], /--since: expected a date YYYY-MM-DD or a number of days/],
      [['handover', '--from', 'alice@agency.example', '-c', 'Initech'], /no client named "initech" in clients.md \(clients: Acme Retail, Northwind Logistics, 星河教育\)/],
      [['handover', '--from', 'zoe'], /nobody called "zoe"/],
      [['handover', '--from', 'alice@agency.example', '--lang', 'fr'], /--lang must be en or zh-CN/],
    ];
    for (const [args, message] of cases) {
      const r = runCli(args, { cwd: root, env });
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, message, args.join(' '));
      assert.equal(r.stdout, '');
    }
  });

  it('outside a git repository: exit 3 with an actionable message', () => {
    const lonely = path.join(path.dirname(root), 'lonely');
    fs.mkdirSync(path.join(lonely, '.project'), { recursive: true });
    fs.copyFileSync(path.join(root, '.project', 'clients.md'), path.join(lonely, '.project', 'clients.md'));
    const r = runCli(['handover', '--from', 'alice@agency.example'], { cwd: lonely, env });
    assert.equal(r.code, 3, r.stderr);
    assert.match(r.stderr, /not inside a git repository/);
  });
});
