/**
 * Starting git before the CLI loads (src/cli/early.ts, src/core/git/early.ts): core adopts the
 * early runs when they are exactly its own, spawns its own when the guess was wrong, and the
 * built CLI prints byte for byte the same with and without the early start.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startGitEarly } from '../../../src/cli/early';
import { runCli as runInProcess } from '../../../src/cli/main';
import { discardEarly, earlyStats } from '../../../src/core/git/early';
import { buildOnce, runCli } from '../../support/cli';
import { commit, initRepo, testGitEnv, useIsolatedGitConfig } from '../../support/git';
import { tempDir } from '../../support/temp';

const CLIENTS = `# Acme

Contact: Jane Doe <jane@client.example>
Paths: src/acme/
Tag: acme

## Commitments

- [ ] Store locator #locator (due 2026-11-27)
`;

describe('cli: git started before the CLI loads', function () {
  this.timeout(120000);
  useIsolatedGitConfig();
  let repo: string;
  const today = '2026-11-20';

  before(() => {
    buildOnce();
    repo = tempDir('cli-early');
    initRepo(repo);
    commit(repo, 'docs: clients file', { '.project/clients.md': CLIENTS }, '2026-11-02');
    commit(repo, 'feat: older work', { 'src/acme/old.ts': 'x' }, '2026-11-10');
    commit(repo, 'feat(acme): store locator #locator', { 'src/acme/locator.ts': 'pin' }, '2026-11-17');
    commit(repo, 'fix: map pins for acme', { 'src/acme/map.ts': 'pin' }, '2026-11-18');
    commit(repo, 'chore: tooling', { 'tools/x.sh': 'x' }, '2026-11-19');
  });
  after(() => fs.rmSync(repo, { recursive: true, force: true }));

  async function inProcess(argv: string[]): Promise<{ code: number; stdout: string; started: number; adopted: number }> {
    const before = earlyStats();
    const saved = process.env.CLIENT_PULSE_TODAY;
    process.env.CLIENT_PULSE_TODAY = today;
    let stdout = '';
    try {
      startGitEarly(argv);
      const code = await runInProcess(argv, () => ({
        stdout: { write: (t: string) => void (stdout += t), isTTY: false },
        stderr: { write: () => undefined, isTTY: false },
        cwd: repo,
        env: { ...process.env, NO_COLOR: '1' },
        today,
      }));
      return { code, stdout, started: earlyStats().started - before.started, adopted: earlyStats().adopted - before.adopted };
    } finally {
      discardEarly();
      if (saved === undefined) delete process.env.CLIENT_PULSE_TODAY;
      else process.env.CLIENT_PULSE_TODAY = saved;
    }
  }

  it('draft adopts the early log, rev-parse and config (three runs, none spawned twice)', async () => {
    const r = await inProcess(['-C', repo, 'draft', '--client', 'Acme']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /locator/iu);
    assert.deepEqual({ started: r.started, adopted: r.adopted }, { started: 3, adopted: 3 });
  });

  it('activity with --since/--until adopts the log (in this process the repository facts are remembered from the draft)', async () => {
    const r = await inProcess(['--cwd', repo, 'activity', '--since', '2026-11-09', '--until', '2026-11-20', '--json']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /older work/u);
    assert.deepEqual({ started: r.started, adopted: r.adopted }, { started: 3, adopted: 1 });
  });

  it('a wrong guess (the week starts on Sunday in the settings) reads its own log, with the same output', async () => {
    const settings = path.join(repo, '.vscode', 'settings.json');
    fs.mkdirSync(path.dirname(settings), { recursive: true });
    fs.writeFileSync(settings, '{ "clientPulse.weekStart": "sunday" }\n');
    try {
      const r = await inProcess(['-C', repo, 'draft', '--client', 'Acme', '--period', 'this-week']);
      assert.equal(r.code, 0);
      // The Monday week's log is not core's (the facts are remembered in this process): nothing adopted.
      assert.match(r.stdout, /week 47 \(15–21 Nov\)/u);
      assert.deepEqual({ started: r.started, adopted: r.adopted }, { started: 3, adopted: 0 });
    } finally {
      fs.rmSync(path.dirname(settings), { recursive: true, force: true });
    }
  });

  it('the built CLI prints the same bytes with and without the early start', () => {
    const env = { ...testGitEnv(), CLIENT_PULSE_TODAY: today } as Record<string, string | undefined>;
    const cases = [
      ['draft', '--client', 'Acme'],
      ['draft', '--client', 'Acme', '--period', '2026-11-01..2026-11-20', '--audience', 'internal'],
      ['draft', '--client', 'acme', '-p', 'last-week', '--format', 'text'],
      ['activity', '--json'],
      ['activity', '--since', 'last-week', '--until', '2026-11-20'],
      ['activity', '--since', '2026-11-21'],
      ['draft', '--client', 'Nobody'],
    ];
    for (const args of cases) {
      const early = runCli(['-C', repo, ...args], { env });
      const late = runCli(['-C', repo, ...args], { env: { ...env, CLIENT_PULSE_EARLY_GIT: '0' } });
      assert.equal(early.stdout, late.stdout, args.join(' '));
      assert.equal(early.stderr, late.stderr, args.join(' '));
      assert.equal(early.code, late.code, args.join(' '));
    }
    // Outside a repository and with a missing folder, the errors are the same too.
    const outside = tempDir('cli-early-outside');
    for (const args of [['-C', outside, 'activity'], ['-C', path.join(outside, 'missing'), 'draft', '--client', 'Acme']]) {
      const early = runCli(args, { env });
      const late = runCli(args, { env: { ...env, CLIENT_PULSE_EARLY_GIT: '0' } });
      assert.deepEqual(early, late, args.join(' '));
    }
  });
});
