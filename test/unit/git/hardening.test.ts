/** Repository configuration must never make reading run a program; only read-only git runs. */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readActivity } from '../../../src/core/git/activity';
import { assertReadOnly, DEFAULT_GIT_TIMEOUT_MS, gitEnv, GitError, hardenedArgs, runGit, shellQuote } from '../../../src/core/git/run';
import { git, makeRepo, testGitEnv, useIsolatedGitConfig } from '../../support/git';
import { tempDir } from '../../support/temp';

/** A script that appends to `marker` whenever it runs. */
function trapScript(dir: string, name: string, marker: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, `#!/bin/sh\necho ran >> '${marker}'\ncat "$1" 2>/dev/null\nexit 1\n`, { mode: 0o755 });
  return file;
}

/** Adds a commit whose object carries a (fake) PGP signature, so `log.showSignature` calls gpg. */
function addSignedCommit(repo: string): void {
  const tree = git(repo, ['write-tree']).trim();
  const parent = git(repo, ['rev-parse', 'HEAD']).trim();
  const body =
    `tree ${tree}\nparent ${parent}\nauthor Ann Dev <ann@agency.example> 1763800000 +0000\ncommitter Ann Dev <ann@agency.example> 1763800000 +0000\n` +
    'gpgsig -----BEGIN PGP SIGNATURE-----\n \n iQEzBAABCAAdFiEE\n -----END PGP SIGNATURE-----\n\nfeat: signed change\n';
  const hash = git(repo, ['hash-object', '-t', 'commit', '-w', '--stdin'], { input: body }).trim();
  git(repo, ['update-ref', 'refs/heads/main', hash]);
}

describe('git/hardening', function () {
  this.timeout(60000);
  useIsolatedGitConfig();

  it('log.showSignature + gpg.program, textconv and external diff never run', async () => {
    const repo = makeRepo([{ message: 'feat: first', date: '2026-11-20 10:00:00 +0000', files: { '.gitattributes': '* diff=evil\n', 'a.txt': 'a\n' } }]);
    addSignedCommit(repo);
    const traps = tempDir('traps');
    const marker = path.join(traps, 'marker');
    git(repo, ['config', 'log.showSignature', 'true']);
    git(repo, ['config', 'gpg.program', trapScript(traps, 'gpg.sh', marker)]);
    git(repo, ['config', 'diff.evil.textconv', trapScript(traps, 'textconv.sh', marker)]);
    git(repo, ['config', 'diff.external', trapScript(traps, 'ext.sh', marker)]);
    git(repo, ['config', 'core.fsmonitor', trapScript(traps, 'fsmonitor.sh', marker)]);
    git(repo, ['config', 'core.pager', trapScript(traps, 'pager.sh', marker)]);

    // The trap is real: a plain `git log` in this repository runs the "gpg" program.
    execFileSync('git', ['log', '--format=%s'], { cwd: repo, env: testGitEnv(), stdio: 'ignore' });
    assert.equal(fs.existsSync(marker), true, 'plain git log should have run gpg.program');
    fs.rmSync(marker);

    for (const numstat of [false, true]) {
      const activity = await readActivity({ cwd: repo, period: { since: '2025-11-01', until: '2026-11-30' }, numstat });
      assert.deepEqual(activity.items.map((i) => i.commit.subject), ['feat: signed change', 'feat: first']);
    }
    assert.equal(fs.existsSync(marker), false, 'a program from the repository configuration ran');
  });

  it('GIT_DIR and GIT_WORK_TREE in the environment do not redirect reading', async () => {
    const mine = makeRepo([{ message: 'feat: mine', date: '2026-11-20 10:00:00 +0000' }]);
    const other = makeRepo([{ message: 'feat: other', date: '2026-11-20 10:00:00 +0000' }]);
    const saved = process.env.GIT_DIR;
    process.env.GIT_DIR = path.join(other, '.git');
    try {
      const activity = await readActivity({ cwd: mine, period: { since: '2026-11-01', until: '2026-11-30' } });
      assert.deepEqual(activity.items.map((i) => i.commit.subject), ['feat: mine']);
    } finally {
      if (saved === undefined) delete process.env.GIT_DIR;
      else process.env.GIT_DIR = saved;
    }
  });

  it('only read-only subcommands run', async () => {
    for (const args of [['commit', '-m', 'x'], ['push'], ['config', 'user.name', 'x'], ['gc'], ['-c', 'x=y', 'log'], []]) {
      assert.throws(() => assertReadOnly(args), (e: unknown) => e instanceof GitError && /only reads repositories/u.test(e.message), args.join(' '));
    }
    assert.doesNotThrow(() => assertReadOnly(['config', '--get', 'user.name']));
    await assert.rejects(runGit(tempDir('x'), ['commit', '-m', 'x']), /refusing to run "git commit"/u);
  });

  it('log and show get the safety flags; every run gets the global hardening and environment', () => {
    const args = hardenedArgs(['log', '--format=%H']);
    const sub = args.indexOf('log');
    assert.deepEqual(args.slice(0, sub), ['--no-pager', '-c', 'safe.bareRepository=explicit', '-c', 'core.fsmonitor=false', '-c', 'protocol.allow=never', '-c', 'color.ui=false']);
    for (const f of ['--no-show-signature', '--no-textconv', '--no-ext-diff']) assert.ok(args.indexOf(f) > sub, f);
    const env = gitEnv();
    assert.equal(env.GIT_TERMINAL_PROMPT, '0');
    assert.equal(env.GIT_PAGER, 'cat');
    assert.equal(env.GIT_OPTIONAL_LOCKS, '0');
    assert.equal(env.LC_ALL, 'C');
  });

  it('a reading can be cancelled', async () => {
    const repo = makeRepo([{ message: 'feat: a', date: '2026-11-20 10:00:00 +0000' }]);
    const controller = new AbortController();
    const reading = readActivity({ cwd: repo, period: { since: '2026-11-01', until: '2026-11-30' } }, undefined, { signal: controller.signal });
    controller.abort();
    await assert.rejects(reading, (e: unknown) => e instanceof GitError && /cancelled/u.test(e.message));
  });

  it('quotes paths in suggested commands', () => {
    assert.equal(shellQuote('/srv/repo'), '/srv/repo');
    assert.equal(shellQuote("/srv/my repo's"), `'/srv/my repo'\\''s'`);
  });

  it('a git that hangs is stopped after the timeout with a clear error (and the default is bounded)', async () => {
    assert.ok(DEFAULT_GIT_TIMEOUT_MS > 0 && DEFAULT_GIT_TIMEOUT_MS <= 10 * 60_000);
    const bin = tempDir('slow-git');
    fs.writeFileSync(path.join(bin, 'git'), '#!/bin/sh\nexec sleep 30\n', { mode: 0o755 });
    const saved = process.env.PATH;
    process.env.PATH = `${bin}${path.delimiter}${saved ?? ''}`;
    const t0 = Date.now();
    try {
      await assert.rejects(runGit(bin, ['log', '-1'], { timeoutMs: 300 }), (e: unknown) => e instanceof GitError && /git log took longer than 300 ms in .* and was stopped; try a shorter period/.test(e.message));
    } finally {
      process.env.PATH = saved;
    }
    assert.ok(Date.now() - t0 < 5000, 'stopped promptly');
  });
});
