/** readActivity end to end on real repositories: window, routing, linking, noise, wording, redaction. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readActivity } from '../../../src/core/git/activity';
import type { ActivityItem } from '../../../src/core/git/types';
import { client, clientsFile, commitment } from '../../support/clients';
import { git, importCommits, makeRepo, useIsolatedGitConfig } from '../../support/git';

const NOV = { since: '2026-11-01', until: '2026-11-30' };

function bySubject(items: ActivityItem[], subject: string): ActivityItem {
  const found = items.find((i) => i.commit.subject === subject);
  assert.ok(found, `no item with subject ${subject}`);
  return found;
}

describe('git/activity', function () {
  this.timeout(60000);
  useIsolatedGitConfig();

  it('the window is local calendar days, both ends inclusive', async () => {
    const saved = process.env.TZ;
    process.env.TZ = 'Asia/Shanghai';
    try {
      const repo = makeRepo([
        { message: 'feat: day before', date: '2026-11-15 23:59:59 +0800' },
        { message: 'feat: first second', date: '2026-11-16 00:00:00 +0800' },
        { message: 'feat: written in Berlin', date: '2026-11-20 12:00:00 +0100' },
        { message: 'feat: last second', date: '2026-11-22 23:59:59 +0800' },
        { message: 'feat: day after', date: '2026-11-23 00:00:00 +0800' },
      ]);
      const a = await readActivity({ cwd: repo, period: { since: '2026-11-16', until: '2026-11-22' } });
      assert.deepEqual(a.items.map((i) => i.commit.subject), ['feat: last second', 'feat: written in Berlin', 'feat: first second']);
      assert.equal(a.items[1].commit.authorDate, '2026-11-20T12:00:00+01:00', 'author date keeps its own offset');
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('routes, links, classifies, rewords and redacts', async () => {
    const repo = makeRepo([
      { message: 'feat(loyalty): add points to checkout #loyalty', date: '2026-11-02 10:00:00 +0000', files: { 'apps/acme/points.ts': 'p\n' } },
      { message: 'fix: crash in [globex] export (GLX-12)\n\nReported by jane@acme.example and bob@agency.example', date: '2026-11-03 10:00:00 +0000', files: { 'libs/export.ts': 'e\n' } },
      { message: 'perf!: faster search\n\nCommitment: checkout', date: '2026-11-04 10:00:00 +0000', files: { 'apps/acme/search.ts': 's\n' } },
      { message: 'docs: clone with https://ci:hunter2@git.example.com/x.git', date: '2026-11-05 10:00:00 +0000', files: { 'README.md': 'r\n' } },
      { message: 'fix: jane@acme.example can log in again', date: '2026-11-06 10:00:00 +0000', files: { 'apps/globex/login.ts': 'l\n' } },
      { message: 'ACME-99', date: '2026-11-07 10:00:00 +0000', files: { 'apps/acme/x.ts': 'x\n' } },
      { message: 'fix: ACME-100 round totals before vouchers', date: '2026-11-08 10:00:00 +0000', files: { 'apps/acme/y.ts': 'y\n' } },
    ]);
    const file = clientsFile(
      client({
        name: 'Acme', paths: ['apps/acme/'], tags: ['acme'], contacts: [{ name: 'jane', email: 'jane@acme.example' }],
        commitments: [commitment(0, 'Loyalty', { client: 'Acme', tags: ['loyalty'] }), commitment(1, 'Checkout', { client: 'Acme', tags: ['checkout'] })],
      }),
      client({ name: 'Globex', contacts: [], paths: ['apps/globex/'], tags: ['globex'] }),
    );
    const a = await readActivity({ cwd: repo, period: NOV }, file);
    const points = bySubject(a.items, 'feat(loyalty): add points to checkout #loyalty');
    assert.deepEqual([points.clients, points.commitmentIds, points.kind, points.type, points.scope, points.breaking], [['Acme'], ['Acme#0'], 'feature', 'feat', 'loyalty', false]);
    assert.equal(points.clientText, 'Add points to checkout');

    const crash = bySubject(a.items, 'fix: crash in [globex] export (GLX-12)');
    assert.deepEqual(crash.clients, ['Globex']);
    assert.equal(crash.clientText, 'Crash in [globex] export');
    assert.equal(crash.internalText, 'fix: crash in [globex] export (GLX-12)');

    const search = bySubject(a.items, 'perf!: faster search');
    assert.deepEqual([search.kind, search.breaking, search.commitmentIds, search.clients], ['perf', true, ['Acme#1'], ['Acme']]);

    const docs = bySubject(a.items, 'docs: clone with https://ci:hunter2@git.example.com/x.git');
    assert.equal(docs.clientText, 'Clone with https://[redacted]@git.example.com/x.git');
    assert.equal(docs.internalText, 'docs: clone with https://[redacted]@git.example.com/x.git');
    assert.deepEqual(docs.clients, []);

    const login = bySubject(a.items, 'fix: jane@acme.example can log in again');
    assert.deepEqual(login.clients, ['Globex']);
    assert.equal(login.clientText, '[redacted] can log in again', "Acme's contact is not Globex's to see");

    const ticketOnly = bySubject(a.items, 'ACME-99');
    assert.equal(ticketOnly.clientText, '');
    assert.equal(ticketOnly.hidden, 'pattern');
    assert.equal(bySubject(a.items, 'fix: ACME-100 round totals before vouchers').clientText, 'Round totals before vouchers');
    assert.deepEqual(a.warnings, []);
  });

  it('hides noise by default and keeps it; every rule can be switched off', async () => {
    const repo = makeRepo([
      { message: 'feat: base', date: '2026-11-02 10:00:00 +0000' },
      { message: 'feat: on branch', date: '2026-11-03 10:00:00 +0000', branch: 'topic', files: { 'topic.txt': 't' } },
      { message: "Merge branch 'topic'", date: '2026-11-04 10:00:00 +0000', from: 0, merge: [1], files: { 'topic.txt': 't' } },
      { message: 'chore(deps): bump lodash', date: '2026-11-05 10:00:00 +0000', author: 'dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>' },
      { message: 'ci: cache node modules', date: '2026-11-06 10:00:00 +0000' },
      { message: 'feat: risky idea', date: '2026-11-07 10:00:00 +0000' },
      { message: 'style: reformat everything', date: '2026-11-08 10:00:00 +0000' },
      { message: 'feat: wip do not show', date: '2026-11-09 10:00:00 +0000' },
    ]);
    const hashes = git(repo, ['log', '--format=%H %s']).trim().split('\n').map((l) => l.split(' '));
    const risky = hashes.find((h) => h.slice(1).join(' ') === 'feat: risky idea')![0];
    const style = hashes.find((h) => h.slice(1).join(' ') === 'style: reformat everything')![0];
    importCommits(repo, [{ message: `Revert "feat: risky idea"\n\nThis reverts commit ${risky}.\n`, date: '2026-11-10 10:00:00 +0000', files: { 'r.txt': 'r' } }]);
    fs.writeFileSync(path.join(repo, 'ignore-revs.txt'), `# formatting\n${style.slice(0, 10)}\n`);
    git(repo, ['config', 'blame.ignoreRevsFile', 'ignore-revs.txt']);

    const a = await readActivity({ cwd: repo, period: NOV, noise: { hidePatterns: ['\\bwip\\b'] } });
    const hidden = Object.fromEntries(a.items.map((i) => [i.commit.subject, i.hidden ?? 'shown']));
    assert.deepEqual(hidden, {
      'Revert "feat: risky idea"': 'reverted',
      'feat: wip do not show': 'pattern',
      'style: reformat everything': 'ignored-rev',
      'feat: risky idea': 'reverted',
      'ci: cache node modules': 'type',
      'chore(deps): bump lodash': 'bot',
      "Merge branch 'topic'": 'merge',
      'feat: on branch': 'shown',
      'feat: base': 'shown',
    });
    const merge = bySubject(a.items, "Merge branch 'topic'");
    assert.equal(merge.commit.parents.length, 2);
    assert.deepEqual(merge.commit.files, ['topic.txt'], 'merges list files against their first parent');

    const all = await readActivity({
      cwd: repo,
      period: NOV,
      noise: { hideMerges: false, botAuthors: [], hiddenTypes: [], hideReverted: false, useBlameIgnoreRevs: false },
    });
    assert.deepEqual(all.items.filter((i) => i.hidden !== undefined), []);
  });

  it('pairs a revert without a hash with the nearest older commit of that subject', async () => {
    const repo = makeRepo([
      { message: 'feat: map pins', date: '2026-11-02 10:00:00 +0000' },
      { message: 'feat: map pins', date: '2026-11-03 10:00:00 +0000' },
      { message: 'Revert "feat: map pins"\n\nReverts acme/shop#12', date: '2026-11-04 10:00:00 +0000' },
      { message: 'Revert "feat: never here"', date: '2026-11-05 10:00:00 +0000' },
    ]);
    const a = await readActivity({ cwd: repo, period: NOV });
    assert.deepEqual(a.items.map((i) => [i.commit.authorDate.slice(0, 10), i.hidden ?? 'shown']), [
      ['2026-11-05', 'shown'],
      ['2026-11-04', 'reverted'],
      ['2026-11-03', 'reverted'],
      ['2026-11-02', 'shown'],
    ]);
  });

  it('applies .mailmap, filters authors after it, and reads numstat', async () => {
    const repo = makeRepo([
      { message: 'feat: one', date: '2026-11-02 10:00:00 +0000', author: 'wang <wang@old.example>', files: { '.mailmap': '王伟 <wang.wei@agency.example> <wang@old.example>\n', 'a.txt': 'a\nb\n' } },
      { message: 'feat: two', date: '2026-11-03 10:00:00 +0000', author: 'Ann Dev <ann@agency.example>', files: { 'a.txt': 'a\n', 'img.bin': Buffer.from([0, 1, 2, 0, 255]) } },
    ]);
    const a = await readActivity({ cwd: repo, period: NOV, authors: ['王伟'], numstat: true });
    assert.equal(a.items.length, 1);
    assert.equal(a.items[0].commit.authorName, '王伟');
    assert.equal(a.items[0].commit.authorEmail, 'wang.wei@agency.example');
    const b = await readActivity({ cwd: repo, period: NOV, authors: ['ANN@agency'], numstat: true });
    assert.deepEqual(b.items[0].commit.numstat, [
      { path: 'a.txt', added: 0, deleted: 1 },
      { path: 'img.bin', added: null, deleted: null },
    ]);
    const c = await readActivity({ cwd: repo, period: NOV });
    assert.equal(c.items[0].commit.numstat, undefined);
    assert.deepEqual(c.items[0].commit.files, ['a.txt', 'img.bin']);
  });

  it('gives near-identical lines one text, and everything to a single client without paths', async () => {
    const repo = makeRepo([
      { message: 'fix: the login page layout', date: '2026-11-02 10:00:00 +0000' },
      { message: 'fix: The login page layout.', date: '2026-11-03 10:00:00 +0000' },
      { message: 'fix: the logn page layout', date: '2026-11-04 10:00:00 +0000' },
      { message: 'feat: 新增会员积分', date: '2026-11-05 10:00:00 +0000' },
    ]);
    const a = await readActivity({ cwd: repo, period: NOV }, [client({ name: 'Solo', contacts: [] })]);
    const [zh, typo, dot, first] = a.items;
    assert.deepEqual([first.clientText, dot.clientText, typo.clientText], ['The login page layout', 'The login page layout', 'The login page layout']);
    assert.equal(dot.duplicateOf, first.commit.hash);
    assert.equal(typo.duplicateOf, first.commit.hash);
    assert.equal(first.duplicateOf, undefined);
    assert.equal(zh.clientText, '新增会员积分');
    assert.deepEqual(a.items.map((i) => i.clients), [['Solo'], ['Solo'], ['Solo'], ['Solo']]);
  });

  it('remembered repository facts follow configuration changes and new nested repositories', async () => {
    const repo = makeRepo([
      { message: 'style: reformat', date: '2026-11-02 10:00:00 +0000', files: { 'sub/a.txt': 'a' } },
      { message: 'feat: real work', date: '2026-11-03 10:00:00 +0000' },
    ]);
    const first = await readActivity({ cwd: path.join(repo, 'sub'), period: NOV, noise: { hiddenTypes: [] } });
    assert.deepEqual(first.items.map((i) => i.hidden), [undefined, undefined]);
    const style = first.items[1].commit.hash;
    fs.writeFileSync(path.join(repo, 'revs'), `${style}\n`);
    git(repo, ['config', 'blame.ignoreRevsFile', 'revs']);
    const second = await readActivity({ cwd: path.join(repo, 'sub'), period: NOV, noise: { hiddenTypes: [] } });
    assert.deepEqual(second.items.map((i) => i.hidden), [undefined, 'ignored-rev']);
    makeRepo([{ message: 'feat: nested', date: '2026-11-04 10:00:00 +0000' }], { dir: path.join(repo, 'sub') });
    const third = await readActivity({ cwd: path.join(repo, 'sub'), period: NOV });
    assert.equal(third.root, fs.realpathSync(path.join(repo, 'sub')));
    assert.deepEqual(third.items.map((i) => i.commit.subject), ['feat: nested']);
  });

  it('a bad user pattern is an error naming it, before git runs', async () => {
    await assert.rejects(readActivity({ cwd: '/nonexistent', period: NOV, redaction: { patterns: ['[oops'] } }), /redaction pattern: "\[oops" is not a valid regular expression/u);
    await assert.rejects(readActivity({ cwd: '/nonexistent', period: NOV, noise: { hidePatterns: ['(x'] } }), /hide pattern/u);
    await assert.rejects(readActivity({ cwd: '/nonexistent', period: { since: '2026-11-30', until: '2026-11-01' } }), /starts after it ends/u);
  });
});
