/** The small read-only helpers (handover, CLI) and the log parser fed in awkward chunks. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { logArgs } from '../../../src/core/git/activity';
import { currentUser } from '../../../src/core/git/facts';
import { LogParser, parseTrailers, splitMessage } from '../../../src/core/git/log-format';
import { defaultBranch, gitVersion, GitError, hardenedArgs, isGitUnavailable, listAuthors, repoInfo, repoRoot, streamGit, unmergedBranches } from '../../../src/core/git/run';
import type { Commit } from '../../../src/core/git/types';
import { git, makeRepo, useIsolatedGitConfig } from '../../support/git';
import { tempDir } from '../../support/temp';

describe('git/helpers', function () {
  this.timeout(60000);
  useIsolatedGitConfig();

  it('gitVersion reads the installed version, or says git is missing', async () => {
    assert.match(await gitVersion(), /^\d+\.\d+\.\d+/u);
    const saved = process.env.PATH;
    process.env.PATH = tempDir('no-git');
    try {
      await assert.rejects(gitVersion(), (e: unknown) => e instanceof GitError && e.code === 'git-not-found');
    } finally {
      process.env.PATH = saved;
    }
  });

  it('isGitUnavailable: no git, no repository; not a git run that failed, not another error', async () => {
    const saved = process.env.PATH;
    process.env.PATH = tempDir('no-git');
    try {
      await assert.rejects(gitVersion(), (e: unknown) => isGitUnavailable(e));
    } finally {
      process.env.PATH = saved;
    }
    await assert.rejects(repoRoot(tempDir('not-a-repo')), (e: unknown) => isGitUnavailable(e) && e.code === 'not-a-repository');
    assert.equal(isGitUnavailable(new GitError('git-failed', { code: 'git.failed', cwd: '.', detail: 'fatal: bad revision' })), false);
    assert.equal(isGitUnavailable(new Error('not-a-repository')), false);
  });

  it('repoRoot and repoInfo from a sub-folder', async () => {
    const repo = makeRepo([{ message: 'feat: a', date: '2026-11-02 10:00:00 +0000', files: { 'deep/er/x.txt': 'x' } }]);
    const real = fs.realpathSync(repo);
    assert.equal(await repoRoot(path.join(repo, 'deep', 'er')), real);
    const info = await repoInfo(path.join(repo, 'deep'));
    assert.deepEqual(info, { root: real, gitDir: path.join(real, '.git'), commonDir: path.join(real, '.git'), shallow: false });
  });

  it('currentUser reads user.name and user.email', async () => {
    const repo = makeRepo([], { config: { 'user.name': '王伟', 'user.email': 'wang.wei@agency.example' } });
    assert.deepEqual(await currentUser(repo), { name: '王伟', email: 'wang.wei@agency.example' });
    const bare = makeRepo([]);
    assert.deepEqual(await currentUser(bare), { name: undefined, email: undefined });
    // Remembered, but a changed config is read again; the last value of a key wins, as with `git config --get`.
    git(bare, ['config', 'user.name', 'Ana María  Ruiz']);
    git(bare, ['config', '--add', 'user.email', 'old@agency.example']);
    git(bare, ['config', '--add', 'user.email', 'ana@agency.example']);
    assert.deepEqual(await currentUser(bare), { name: 'Ana María  Ruiz', email: 'ana@agency.example' });
  });

  it('listAuthors counts commits after .mailmap, most first, optionally since a day', async () => {
    const repo = makeRepo([
      { message: 'a', date: '2026-10-01 10:00:00 +0000', author: 'Old Ann <ann@old.example>', files: { '.mailmap': 'Ann Dev <ann@agency.example> <ann@old.example>\n' } },
      { message: 'b', date: '2026-11-02 10:00:00 +0000', author: 'Ann Dev <ann@agency.example>' },
      { message: 'c', date: '2026-11-03 10:00:00 +0000', author: 'Bo <bo@agency.example>' },
      { message: 'd', date: '2026-11-04 10:00:00 +0000', author: 'Ann Dev <ann@agency.example>' },
    ]);
    assert.deepEqual(await listAuthors(repo), [
      { name: 'Ann Dev', email: 'ann@agency.example', commits: 3 },
      { name: 'Bo', email: 'bo@agency.example', commits: 1 },
    ]);
    assert.deepEqual(await listAuthors(repo, '2026-11-03'), [
      { name: 'Ann Dev', email: 'ann@agency.example', commits: 1 },
      { name: 'Bo', email: 'bo@agency.example', commits: 1 },
    ]);
    assert.deepEqual(await listAuthors(makeRepo([])), []);
  });

  it('unmergedBranches lists local and remote branches ahead of the default branch', async () => {
    const origin = makeRepo([
      { message: 'feat: base', date: '2026-11-01 10:00:00 +0000' },
      { message: 'feat: remote work', date: '2026-11-02 10:00:00 +0000', branch: 'fix/login', author: 'Bo <bo@agency.example>', files: { 'apps/globex/login.ts': 'l' } },
    ]);
    const dir = tempDir('clone');
    git(dir, ['clone', '-q', origin, 'c']);
    const clone = path.join(dir, 'c');
    git(clone, ['checkout', '-q', '-b', 'feature/acme-loyalty']);
    fs.mkdirSync(path.join(clone, 'apps', 'acme'), { recursive: true });
    for (const [i, name] of ['one', 'two'].entries()) {
      fs.writeFileSync(path.join(clone, 'apps', 'acme', `${name}.ts`), name);
      git(clone, ['add', '.']);
      git(clone, ['commit', '-q', '-m', `feat: loyalty ${name}`], { env: {
        GIT_AUTHOR_NAME: 'Ann Dev',
        GIT_AUTHOR_EMAIL: 'Ann@Agency.example',
        GIT_AUTHOR_DATE: `2026-11-1${i}T10:00:00+01:00`,
        GIT_COMMITTER_DATE: `2026-11-1${i}T10:00:00+01:00`,
      } });
    }
    git(clone, ['checkout', '-q', 'main']);
    git(clone, ['branch', '-q', 'merged-already']);
    assert.equal(await defaultBranch(clone), 'origin/main');
    const { base, branches } = await unmergedBranches(clone);
    assert.equal(base, 'origin/main');
    assert.deepEqual(branches, [
      {
        name: 'feature/acme-loyalty',
        remote: false,
        lastAuthorName: 'Ann Dev',
        lastAuthorEmail: 'Ann@Agency.example',
        lastDate: '2026-11-11T10:00:00+01:00',
        subject: 'feat: loyalty two',
        ahead: 2,
        authors: ['ann@agency.example'],
        files: ['apps/acme/one.ts', 'apps/acme/two.ts'],
      },
      {
        name: 'origin/fix/login',
        remote: true,
        lastAuthorName: 'Bo',
        lastAuthorEmail: 'bo@agency.example',
        lastDate: '2026-11-02T10:00:00+00:00',
        subject: 'feat: remote work',
        ahead: 1,
        authors: ['bo@agency.example'],
        files: ['apps/globex/login.ts'],
      },
    ]);
    assert.deepEqual(await unmergedBranches(makeRepo([])), { base: 'main', branches: [] }, 'an empty repository has its unborn branch and nothing ahead');
  });
});

describe('git/log-format', function () {
  this.timeout(60000);
  useIsolatedGitConfig();

  it('parses the same commits whatever the chunk boundaries', async () => {
    const repo = makeRepo([
      { message: 'feat: one\n\nbody\n\nSigned-off-by: A <a@x>', date: '2026-11-02 10:00:00 +0000', files: { 'a b.txt': 'x', 'ü.txt': 'y' } },
      { message: "Merge 'x'", date: '2026-11-03 10:00:00 +0000', files: {} },
      { message: 'fix: three', date: '2026-11-04 10:00:00 +0000', author: 'Zoë <z@x>', files: { 'a b.txt': null } },
    ]);
    for (const numstat of [false, true]) {
      const chunks: Buffer[] = [];
      await streamGit(repo, logArgs({ period: { since: '2026-11-01', until: '2026-11-30' }, numstat }), (c) => chunks.push(Buffer.from(c)));
      const whole = Buffer.concat(chunks);
      const parse = (sizes: (i: number) => number): Commit[] => {
        const out: Commit[] = [];
        const p = new LogParser(numstat, (c) => out.push(c));
        for (let i = 0, k = 0; i < whole.length; k++) {
          const n = Math.max(1, sizes(k));
          p.push(whole.subarray(i, i + n));
          i += n;
        }
        p.end();
        return out;
      };
      const reference = parse(() => whole.length);
      assert.deepEqual(reference.map((c) => [c.subject, c.authorName, c.files]), [
        ['fix: three', 'Zoë', ['a b.txt']],
        ["Merge 'x'", 'Ann Dev', []],
        ['feat: one', 'Ann Dev', ['a b.txt', 'ü.txt']],
      ]);
      assert.deepEqual(parse(() => 1), reference, 'one byte at a time');
      assert.deepEqual(parse((k) => (k * 7919) % 13), reference, 'uneven chunks');
    }
  });

  it('splits messages and reads trailers like git', () => {
    assert.deepEqual(splitMessage('\n\nsubject line\nwrapped\n\nbody\r\n\r\nKey: v\n  folded\nOther-Key: w\n'), {
      subject: 'subject line wrapped',
      subjectLine: 'subject line',
      body: 'body\n\nKey: v\n  folded\nOther-Key: w',
      trailers: [
        { key: 'Key', value: 'v folded' },
        { key: 'Other-Key', value: 'w' },
      ],
    });
    assert.deepEqual(splitMessage('one line\n'), { subject: 'one line', body: '', trailers: [] });
    assert.deepEqual(splitMessage('subject\n\n\n\nbody  \n\n'), { subject: 'subject', body: 'body', trailers: [] });
    assert.deepEqual(parseTrailers('just text: with a colon\nand more'), []);
    assert.deepEqual(parseTrailers('Fixes the bug\nSigned-off-by: A <a@x>\nmore text\nmore text'), [{ key: 'Signed-off-by', value: 'A <a@x>' }]);
    assert.deepEqual(parseTrailers('only prose here'), []);
  });

  it('user values reach git after --end-of-options or --, as single arguments', () => {
    const args = hardenedArgs(logArgs({ period: { since: '2026-11-01', until: '2026-11-02' }, paths: ['--output=x', '-p'] }));
    const end = args.indexOf('--end-of-options');
    assert.ok(end > 0 && args[end + 1] === 'HEAD' && args[end + 2] === '--');
    assert.deepEqual(args.slice(end + 3), [':(top,literal)--output=x', ':(top,literal)-p']);
  });
});
