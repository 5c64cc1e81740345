import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CommitmentsJson } from '../../../src/cli/commands/commitments';
import { spawnSync } from 'node:child_process';
import { buildOnce, CLI, runCli } from '../../support/cli';
import { tempDir } from '../../support/temp';

const FIXTURE = path.join(__dirname, 'fixtures', 'commitments.md');
const TODAY = { CLIENT_PULSE_TODAY: '2026-11-20' };

function json(args: string[]): CommitmentsJson {
  const r = runCli(['commitments', FIXTURE, '--json', ...args], { env: TODAY });
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout) as CommitmentsJson;
}

describe('cli: commitments (spawned process)', () => {
  before(function () {
    buildOnce();
  });

  it('--json: shape, today, and order (clients by most urgent item; overdue first, then due date, undated last)', () => {
    const out = json([]);
    assert.equal(out.today, '2026-11-20');
    assert.ok(out.file.endsWith('commitments.md'));
    assert.deepEqual(
      out.commitments.map((c) => [c.client, c.title, c.due, c.daysLeft, c.overdue]),
      [
        ['Alpha Ltd', 'Very overdue', '2026-11-02', -18, true],
        ['Alpha Ltd', 'Due today', '2026-11-20', 0, false],
        ['Alpha Ltd', 'Tomorrow', '2026-11-21', 1, false],
        ['Beta Co', 'Slightly overdue', '2026-11-19', -1, true],
        ['Beta Co', 'Later thing', '2026-12-10', 20, false],
        ['Beta Co', 'No date thing', null, null, false],
      ],
    );
    const first = out.commitments[0];
    assert.deepEqual(Object.keys(first).sort(), ['cancelledDate', 'client', 'daysLeft', 'done', 'doneDate', 'due', 'id', 'line', 'overdue', 'owners', 'status', 'tags', 'title'].sort());
    assert.equal(first.line, 14);
    assert.deepEqual(first.owners, ['ann']);
    assert.deepEqual(first.tags, ['ship']);
    assert.equal(first.done, false);
    assert.equal(first.doneDate, null);
    assert.deepEqual(out.commitments[2].owners, ['ann', 'bob']);
    assert.equal(new Set(out.commitments.map((c) => c.id)).size, out.commitments.length, 'ids are unique');
  });

  it('--all adds done commitments after the open ones, and clients with only done ones', () => {
    const out = json(['--all']);
    assert.deepEqual(
      out.commitments.map((c) => [c.client, c.title, c.done]),
      [
        ['Alpha Ltd', 'Very overdue', false],
        ['Alpha Ltd', 'Due today', false],
        ['Alpha Ltd', 'Tomorrow', false],
        ['Beta Co', 'Slightly overdue', false],
        ['Beta Co', 'Later thing', false],
        ['Beta Co', 'No date thing', false],
        ['Beta Co', 'Done thing', true],
        ['星河教育', '全部完成', true],
      ],
    );
    const done = out.commitments[6];
    assert.equal(done.overdue, false, 'a done commitment is never overdue');
    assert.equal(done.doneDate, '2026-10-30');
  });

  it('--client matches case-insensitively and keeps only that client', () => {
    const out = json(['--client', 'beta co']);
    assert.deepEqual(out.commitments.map((c) => c.title), ['Slightly overdue', 'Later thing', 'No date thing']);
    assert.deepEqual(json(['-c', '星河教育']).commitments, []);
    assert.deepEqual(json(['--client', 'bet']).commitments.map((c) => c.title), ['Slightly overdue', 'Later thing', 'No date thing'], 'a unique start of the name');
  });

  it('an unknown client: one line naming the known clients, exit 2', () => {
    const r = runCli(['commitments', FIXTURE, '--client', 'Acme'], { env: TODAY });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^client-pulse commitments: no client named "Acme" in \S*commitments\.md \(clients: Beta Co, Alpha Ltd, 星河教育\)\n$/);
  });

  it('text: grouped by client, overdue marked, summary; no colour codes when not a terminal', () => {
    const r = runCli(['commitments', FIXTURE], { env: { ...TODAY, NO_COLOR: undefined } });
    assert.equal(r.code, 0, r.stderr);
    assert.doesNotMatch(r.stdout, /\u001b\[/);
    const lines = r.stdout.split('\n');
    assert.equal(lines[0], 'Alpha Ltd (3 open, 1 overdue)');
    assert.match(lines[1], /^ {2}! 2026-11-02 {2}overdue 18 days +Very overdue {2}@ann #ship {2}.*commitments\.md:14$/);
    assert.match(lines[2], /^ {4}2026-11-20 {2}due today +Due today {2}.*commitments\.md:15$/);
    assert.match(lines[3], /^ {4}2026-11-21 {2}due tomorrow +Tomorrow/);
    assert.equal(lines[4], '');
    assert.equal(lines[5], 'Beta Co (3 open, 1 overdue)');
    assert.match(lines[6], /^ {2}! 2026-11-19 {2}overdue 1 day +Slightly overdue/);
    assert.match(lines[8], /^ {4} {10} {2}no due date +No date thing/);
    assert.match(r.stdout, /\n6 open commitments, 2 overdue · today 2026-11-20\n$/);
  });

  it('without a file argument, finds .project/clients.md by walking up from a subfolder', () => {
    const root = tempDir('walk');
    try {
      fs.mkdirSync(path.join(root, '.project'));
      fs.copyFileSync(FIXTURE, path.join(root, '.project', 'clients.md'));
      const deep = path.join(root, 'apps', 'acme', 'src');
      fs.mkdirSync(deep, { recursive: true });
      const fromDeep = runCli(['commitments', '--json'], { cwd: deep, env: TODAY });
      assert.equal(fromDeep.code, 0, fromDeep.stderr);
      const parsed = JSON.parse(fromDeep.stdout) as CommitmentsJson;
      assert.equal(path.resolve(deep, parsed.file), path.join(root, '.project', 'clients.md'));
      assert.deepEqual(parsed.commitments, json([]).commitments);
      const viaCwd = runCli(['--cwd', root, 'commitments', '--json'], { env: TODAY });
      assert.equal(viaCwd.code, 0, viaCwd.stderr);
      assert.equal((JSON.parse(viaCwd.stdout) as CommitmentsJson).file, path.join('.project', 'clients.md'));
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('colour on a real terminal (pseudo-TTY via util-linux `script`), none with NO_COLOR', function () {
    const hasScript = process.platform === 'linux' && spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
    if (!hasScript) this.skip();
    const inTty = (noColor: string | undefined) => {
      const env: NodeJS.ProcessEnv = { ...process.env, ...TODAY };
      delete env.NO_COLOR;
      if (noColor !== undefined) env.NO_COLOR = noColor;
      const command = [process.execPath, CLI, 'commitments', FIXTURE].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
      const r = spawnSync('script', ['-q', '-e', '-c', command, '/dev/null'], { env, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      return r.stdout;
    };
    const coloured = inTty(undefined);
    assert.match(coloured, /\u001b\[31m!\u001b\[39m 2026-11-02/, 'overdue mark in red');
    assert.match(coloured, /\u001b\[1mAlpha Ltd\u001b\[22m/, 'client name in bold');
    assert.doesNotMatch(inTty('1'), /\u001b\[/);
  });
});
