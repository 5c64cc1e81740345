/** Every repository shape gives a result or a clear error (real repositories in temp folders). */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readActivity, readCommits } from '../../../src/core/git/activity';
import { GitError } from '../../../src/core/git/run';
import type { ActivityRequest, Commit, GitErrorCode } from '../../../src/core/git/types';
import { git, makeRepo, useIsolatedGitConfig } from '../../support/git';
import { tempDir } from '../../support/temp';
import { wordNotice } from '../../../src/core/notices';

const NOV = { since: '2026-11-01', until: '2026-11-30' };

function request(cwd: string, extra: Partial<ActivityRequest> = {}): ActivityRequest {
  return { cwd, period: NOV, ...extra };
}

async function rejectsWith(p: Promise<unknown>, code: GitErrorCode, message: RegExp): Promise<GitError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof GitError, `expected a GitError, got ${String(e)}`);
    assert.equal(e.code, code, e.message);
    assert.match(e.message, message);
    return e;
  }
  assert.fail(`expected a ${code} error`);
}

async function commitsOf(cwd: string, extra: Partial<ActivityRequest> = {}): Promise<Commit[]> {
  const out: Commit[] = [];
  await readCommits(request(cwd, extra), (c) => out.push(c));
  return out;
}

describe('git/shapes', function () {
  this.timeout(60000);
  const { globalConfig } = useIsolatedGitConfig();

  it('not a repository', async () => {
    const dir = tempDir('plain');
    await rejectsWith(readActivity(request(dir)), 'not-a-repository', /is not inside a git repository/u);
  });

  it('a folder inside .git', async () => {
    const repo = makeRepo([{ message: 'feat: a', date: '2026-11-10 10:00:00 +0000' }]);
    await rejectsWith(readActivity(request(path.join(repo, '.git', 'refs'))), 'not-a-repository', /inside a \.git folder/u);
  });

  it('a folder that does not exist', async () => {
    await rejectsWith(readActivity(request(path.join(tempDir('gone'), 'nope'))), 'not-a-repository', /folder not found/u);
  });

  it('git not installed (PATH without git)', async () => {
    const repo = makeRepo([{ message: 'feat: a', date: '2026-11-10 10:00:00 +0000' }]);
    const saved = process.env.PATH;
    process.env.PATH = tempDir('empty-path');
    try {
      await rejectsWith(readActivity(request(repo)), 'git-not-found', /git is not installed or not on PATH; install it from https:\/\/git-scm.com/u);
    } finally {
      process.env.PATH = saved;
    }
  });

  it('empty repository: readCommits says so, readActivity gives no items and a warning', async () => {
    const repo = makeRepo([]);
    await rejectsWith(readCommits(request(repo), () => undefined), 'empty-repository', /has no commits yet; make a first commit/u);
    const activity = await readActivity(request(repo));
    assert.deepEqual(activity.items, []);
    assert.equal(activity.root, fs.realpathSync(repo));
    assert.deepEqual(activity.warnings, [{ code: 'reading.no-commits' }]);
  });

  it('a bare repository is refused unless explicit (safe.bareRepository=explicit)', async () => {
    const repo = makeRepo([{ message: 'feat: a', date: '2026-11-10 10:00:00 +0000' }]);
    const bare = tempDir('bare');
    git(bare, ['clone', '-q', '--bare', repo, 'b.git']);
    await rejectsWith(readActivity(request(path.join(bare, 'b.git'))), 'not-a-repository', /bare repository/u);
  });

  it('shallow clone: reads what is there and warns', async () => {
    const repo = makeRepo([
      { message: 'feat: old', date: '2026-11-02 10:00:00 +0000' },
      { message: 'feat: middle', date: '2026-11-03 10:00:00 +0000' },
      { message: 'feat: new', date: '2026-11-04 10:00:00 +0000' },
    ]);
    const dir = tempDir('shallow');
    git(dir, ['clone', '-q', '--depth=1', `file://${repo}`, 'c']);
    const activity = await readActivity(request(path.join(dir, 'c')));
    assert.deepEqual(activity.items.map((i) => i.clientText), ['New']);
    assert.equal(activity.items[0].commit.parents.length, 0, 'the shallow boundary has no parents');
    assert.deepEqual(activity.warnings, [{ code: 'reading.shallow-cut', cut: '2026-11-04' }]);
    assert.deepEqual(activity.warnings.map((w) => wordNotice(w)), ['shallow clone: history before 2026-11-04 is missing, so this period may look emptier than it was; run "git fetch --unshallow" for the full history']);
    const later = await readActivity(request(path.join(dir, 'c'), { period: { since: '2026-11-04', until: '2026-11-30' } }));
    assert.deepEqual(later.warnings, [{ code: 'reading.shallow-cut', cut: '2026-11-04' }]);
    const before = await readActivity(request(path.join(dir, 'c'), { period: { since: '2026-11-01', until: '2026-11-03' } }));
    assert.deepEqual(before.items, []);
    assert.deepEqual(before.warnings, [{ code: 'reading.shallow-period' }]);
    git(dir, ['clone', '-q', '--depth=2', `file://${repo}`, 'c2']);
    const inside = await readActivity(request(path.join(dir, 'c2'), { period: { since: '2026-11-04', until: '2026-11-30' } }));
    assert.deepEqual([inside.items.length, inside.warnings], [1, []], 'a period after the cut needs no warning');
  });

  it('detached HEAD: reads the checked-out history and warns', async () => {
    const repo = makeRepo([
      { message: 'feat: one', date: '2026-11-02 10:00:00 +0000' },
      { message: 'feat: two', date: '2026-11-03 10:00:00 +0000' },
    ]);
    git(repo, ['checkout', '-q', '--detach', 'HEAD~1']);
    const activity = await readActivity(request(repo));
    assert.deepEqual(activity.items.map((i) => i.clientText), ['One']);
    assert.deepEqual(activity.warnings.map((w) => w.code), ['reading.detached-head']);
    assert.match(activity.warnings.map((w) => wordNotice(w)).join('\n'), /detached HEAD/u);
  });

  it('worktree: reads the worktree branch, root is the worktree', async () => {
    const repo = makeRepo([
      { message: 'feat: base', date: '2026-11-02 10:00:00 +0000' },
      { message: 'feat: on side', date: '2026-11-03 10:00:00 +0000', branch: 'side' },
    ]);
    const wt = path.join(tempDir('wt'), 'side-tree');
    git(repo, ['worktree', 'add', '-q', wt, 'side']);
    const activity = await readActivity(request(path.join(wt)));
    assert.equal(activity.root, fs.realpathSync(wt));
    assert.deepEqual(activity.items.map((i) => i.clientText), ['On side', 'Base']);
    assert.deepEqual(activity.warnings, []);
  });

  it('submodule: a folder inside it reads the submodule, the parent reads the parent', async () => {
    const sub = makeRepo([{ message: 'feat: in submodule', date: '2026-11-05 10:00:00 +0000', files: { 'lib/a.txt': 'a' } }]);
    const parent = makeRepo([{ message: 'feat: in parent', date: '2026-11-04 10:00:00 +0000' }]);
    git(parent, ['-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', sub, 'vendor/sub']);
    git(parent, ['commit', '-q', '-m', 'chore: add submodule'], { env: { GIT_COMMITTER_DATE: '2026-11-06T10:00:00+00:00', GIT_AUTHOR_DATE: '2026-11-06T10:00:00+00:00' } });
    const inner = await readActivity(request(path.join(parent, 'vendor', 'sub', 'lib')));
    assert.equal(inner.root, fs.realpathSync(path.join(parent, 'vendor', 'sub')));
    assert.deepEqual(inner.items.map((i) => i.clientText), ['In submodule']);
    const outer = await readActivity(request(parent), undefined);
    assert.deepEqual(outer.items.map((i) => [i.clientText, i.hidden]), [['Add submodule', 'type'], ['In parent', undefined]]);
    assert.deepEqual(outer.items[0].commit.files.sort(), ['.gitmodules', 'vendor/sub']);
  });

  it('safe.directory refusal names the exact command, which then works', async function () {
    if (typeof process.getuid !== 'function' || process.getuid() !== 0) this.skip(); // needs root to give the folder away
    const repo = makeRepo([{ message: 'feat: theirs', date: '2026-11-10 10:00:00 +0000' }]);
    execFileSync('chown', ['-R', '12345:12345', repo]);
    const err = await rejectsWith(readActivity(request(repo)), 'unsafe-directory', /belongs to another user/u);
    assert.ok(err.message.endsWith(`git config --global --add safe.directory ${repo}`), err.message);
    // Run the command the message gives (against the isolated global config) and read again.
    const command = err.message.slice(err.message.indexOf('git config')).split(' ');
    execFileSync(command[0], command.slice(1), { env: { ...process.env, GIT_CONFIG_GLOBAL: globalConfig } });
    const activity = await readActivity(request(repo));
    assert.deepEqual(activity.items.map((i) => i.clientText), ['Theirs']);
  });
});

describe('git/hostile messages, names and paths', function () {
  this.timeout(60000);
  useIsolatedGitConfig();

  it('CRLF messages and Latin-1 messages (with and without an encoding header)', async () => {
    const latin1 = Buffer.from('fix: café déjà vu\n\nCorrigé à la main\n', 'latin1');
    const repo = makeRepo([
      { message: 'feat: windows line\r\n\r\nBody line one\r\n\r\nCommitment: loyalty\r\n', date: '2026-11-02 10:00:00 +0000' },
      { message: latin1, encoding: 'iso-8859-1', date: '2026-11-03 10:00:00 +0000', author: 'Zoë Müller <zoe@agency.example>' },
      { message: latin1, date: '2026-11-04 10:00:00 +0000' },
      { message: 'feat: 新增会员积分\n\n详细说明', date: '2026-11-05 10:00:00 +0800' },
    ]);
    const [zh, raw, encoded, crlf] = await commitsOf(repo);
    assert.equal(crlf.subject, 'feat: windows line');
    assert.equal(crlf.body, 'Body line one\n\nCommitment: loyalty');
    assert.deepEqual(crlf.trailers, [{ key: 'Commitment', value: 'loyalty' }]);
    assert.equal(encoded.subject, 'fix: café déjà vu');
    assert.equal(encoded.body, 'Corrigé à la main');
    assert.equal(raw.subject, 'fix: café déjà vu', 'invalid UTF-8 without a header is read as Latin-1');
    assert.equal(zh.subject, 'feat: 新增会员积分');
    assert.equal(zh.authorDate, '2026-11-05T10:00:00+08:00');
  });

  it('repository settings that change the output format do not change what we read', async () => {
    const repo = makeRepo(
      [{ message: 'feat: 新增会员积分 café', date: '2026-11-02 10:00:00 +0000', files: { 'dir/ü file.txt': 'x' } }],
      { config: { 'i18n.logOutputEncoding': 'ISO-8859-1', 'core.quotePath': 'true', 'color.ui': 'always', 'log.decorate': 'full', 'diff.relative': 'true', 'format.pretty': 'oneline', 'diff.noprefix': 'true' } },
    );
    const [c] = await commitsOf(path.join(repo, 'dir'), { numstat: true });
    assert.equal(c.subject, 'feat: 新增会员积分 café');
    assert.deepEqual(c.files, ['dir/ü file.txt']);
  });

  it('a 1 MB message', async () => {
    const body = 'x'.repeat(1024 * 1024);
    const repo = makeRepo([
      { message: `feat: huge\n\n${body}\n`, date: '2026-11-02 10:00:00 +0000' },
      { message: 'fix: after', date: '2026-11-03 10:00:00 +0000' },
    ]);
    const [after, huge] = await commitsOf(repo);
    assert.equal(huge.body.length, body.length);
    assert.equal(after.subject, 'fix: after');
  });

  it('messages, names and file names containing every delimiter we use', async () => {
    const evil = 'feat: \x01cp\x00 tricks\n\n\x01cp\n0\t0\tfake.txt\nM\n\x01';
    const repo = makeRepo([
      {
        message: 'feat: start',
        date: '2026-11-02 10:00:00 +0000',
        files: { '\x01cp': 'mark as a file name', 'M': 'status as a file name', '1\t2\tx': 'numstat as a file name', 'a\nb': 'newline' },
      },
      { message: Buffer.from(evil, 'latin1'), date: '2026-11-03 10:00:00 +0000', author: '\x01cp Eve <eve\x01cp@x.example>', files: { 'plain.txt': 'p' } },
      { message: 'fix: last\n\nSigned-off-by: A <a@x>', date: '2026-11-04 10:00:00 +0000' },
    ]);
    for (const numstat of [false, true]) {
      const commits = await commitsOf(repo, { numstat });
      assert.deepEqual(commits.map((c) => c.subject), ['fix: last', 'feat: \x01cp', 'feat: start']);
      assert.equal(commits[1].body, '', 'git cuts the message at the NUL');
      assert.equal(commits[1].authorName, '\x01cp Eve');
      assert.deepEqual(commits[1].files, ['plain.txt']);
      assert.deepEqual(commits[2].files.sort(), ['1\t2\tx', 'M', 'a\nb', '\x01cp'].sort());
      assert.deepEqual(commits[0].trailers, [{ key: 'Signed-off-by', value: 'A <a@x>' }]);
      if (numstat) assert.deepEqual(commits[2].numstat?.find((f) => f.path === 'M'), { path: 'M', added: 1, deleted: 0 });
    }
    const activity = await readActivity(request(repo));
    assert.deepEqual(activity.items.map((i) => i.internalText), ['fix: last', 'feat: cp', 'feat: start'], 'control characters never reach text');
    assert.deepEqual(activity.items.map((i) => i.clientText), ['Last', 'Cp', 'Start']);
  });

  it('log.follow in the repository configuration does not change which commits a path selects', async () => {
    const repo = makeRepo(
      [
        { message: 'feat: add a', date: '2026-11-02 10:00:00 +0000', files: { 'a.txt': 'same content\n' } },
        { message: 'feat: rename a to b', date: '2026-11-03 10:00:00 +0000', files: { 'a.txt': null, 'b.txt': 'same content\n' } },
      ],
      { config: { 'log.follow': 'true' } },
    );
    // Plain `git log -- b.txt` follows the rename here and also lists "add a".
    assert.equal(git(repo, ['log', '--format=%s', '--', 'b.txt']).trim().split('\n').length, 2, 'the trap is set');
    assert.deepEqual((await commitsOf(repo, { paths: ['b.txt'] })).map((c) => c.subject), ['feat: rename a to b']);
    assert.deepEqual((await commitsOf(repo, { paths: ['b.txt'], numstat: true })).map((c) => c.subject), ['feat: rename a to b']);
  });

  it('authors and paths starting with "-" never become git options', async () => {
    const repo = makeRepo([
      { message: 'feat: dash author', date: '2026-11-02 10:00:00 +0000', author: '--output=x <-x@dash.example>', files: { '-rf/--output=evil': 'x' } },
      { message: 'feat: normal', date: '2026-11-03 10:00:00 +0000', files: { 'src/a.txt': 'a' } },
    ]);
    const trap = path.join(tempDir('trap'), 'written');
    const hostile = [`--output=${trap}`, '--all', '-p', '--exec=touch ' + trap];
    // Authors: matched after mailmap in core, as plain text.
    assert.deepEqual((await commitsOf(repo, { authors: hostile })).map((c) => c.subject), []);
    assert.deepEqual((await commitsOf(repo, { authors: ['--output=x'] })).map((c) => c.subject), ['feat: dash author']);
    // Paths: literal pathspecs after `--`.
    assert.deepEqual((await commitsOf(repo, { paths: hostile })).map((c) => c.subject), []);
    assert.deepEqual((await commitsOf(repo, { paths: ['-rf/--output=evil'] })).map((c) => c.subject), ['feat: dash author']);
    assert.deepEqual((await commitsOf(repo, { paths: ['-rf'] })).map((c) => c.subject), ['feat: dash author']);
    assert.deepEqual((await commitsOf(repo, { paths: ['src/*.txt'] })).map((c) => c.subject), [], 'paths are literal, not globs');
    const fromSub: Commit[] = [];
    await readCommits({ cwd: path.join(repo, 'src'), period: NOV, paths: ['src/a.txt'] }, (c) => fromSub.push(c));
    assert.deepEqual(fromSub.map((c) => c.subject), ['feat: normal'], 'paths are relative to the top level, whatever the folder');
    assert.equal(fs.existsSync(trap), false);
    assert.equal(fs.existsSync(path.join(repo, 'x')), false);
  });
  it('messages only (files: false) and maxCount: the same commits and messages, no file lists, the newest N', async () => {
    const repo = makeRepo([
      { message: 'feat: one #alpha\n\nCommitment: beta', date: '2026-11-02 10:00:00 +0000', files: { 'a.txt': 'a' } },
      { message: 'fix: two', date: '2026-11-03 10:00:00 +0000', files: { 'b.txt': 'b', 'c/d.txt': 'd' } },
      { message: 'Merge branch x', date: '2026-11-04 10:00:00 +0000', files: { 'e.txt': 'e' } },
    ]);
    const full = await commitsOf(repo);
    const bare = await commitsOf(repo, { files: false });
    assert.deepEqual(bare.map((c) => [c.hash, c.subject, c.body, c.trailers]), full.map((c) => [c.hash, c.subject, c.body, c.trailers]));
    assert.ok(full.some((c) => c.files.length > 0));
    assert.deepEqual(bare.map((c) => c.files), [[], [], []]);
    assert.deepEqual((await commitsOf(repo, { files: false, maxCount: 2 })).map((c) => c.subject), ['Merge branch x', 'fix: two']);
  });
});
