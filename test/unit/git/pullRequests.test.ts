/** Pull requests: recognition on raw messages, and grouping of branch commits on real repositories. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readActivity } from '../../../src/core/git/activity';
import { splitMessage } from '../../../src/core/git/log-format';
import { recognisePullRequest } from '../../../src/core/git/pullRequests';
import type { ActivityItem } from '../../../src/core/git/types';
import { composeDraft } from '../../../src/core/draft/compose';
import { clientsFromSpecs as clientsFile } from '../../support/clients';
import { git, makeRepo, useIsolatedGitConfig } from '../../support/git';
import { tempDir } from '../../support/temp';

function pr(raw: string) {
  return recognisePullRequest(splitMessage(raw));
}

const NOV = { since: '2026-11-01', until: '2026-11-30' };

describe('git/pullRequests: recognition', () => {
  it('GitHub merge commit: number, branch, title from the body', () => {
    assert.deepEqual(pr('Merge pull request #4821 from sindre/retry-on-503\n\nRetry requests that fail with 503\n\nCloses #4790'), {
      number: 4821,
      title: 'Retry requests that fail with 503',
      platform: 'github',
      branch: 'sindre/retry-on-503',
      sigil: '#',
    });
    assert.equal(pr('Merge pull request #12 from acme/x')?.title, '', 'a cleared body gives no title');
  });

  it('GitLab: needs "See merge request"; title is the first paragraph', () => {
    const raw = "Merge branch 'feature/loyalty-points' into 'main'\n\nfeat(loyalty): show points at checkout\n\nCloses #311\n\nSee merge request shop/web!87";
    assert.deepEqual(pr(raw), { number: 87, title: 'feat(loyalty): show points at checkout', platform: 'gitlab', branch: 'feature/loyalty-points', sigil: '!' });
    assert.equal(pr("Merge branch 'main' into feature/x"), undefined, 'a local sync merge is no pull request');
    assert.equal(pr("Merge branch 'x' into 'main'\n\nSee merge request a/b!3")?.title, '');
  });

  it('Gitee: "!N title" with the merge line in the body or on the same paragraph', () => {
    assert.deepEqual(pr('!123 修复登录问题\n\nMerge pull request !123 from 王伟/fix-login'), { number: 123, title: '修复登录问题', platform: 'gitee', branch: '王伟/fix-login', sigil: '!' });
    const flat = pr('!4 更新 README，区分 3 个平台的编译步骤\nMerge pull request !4 from merge');
    assert.equal(flat?.title, '更新 README，区分 3 个平台的编译步骤');
    assert.equal(flat?.number, 4);
  });

  it('Azure DevOps, Bitbucket, squash merges', () => {
    assert.deepEqual(pr('Merged PR 5521: Add export to CSV\n\nRelated work items: #77'), { number: 5521, title: 'Add export to CSV', platform: 'azure', sigil: '#' });
    assert.deepEqual(pr('Merged in feature/csv-export (pull request #42)\n\nAdd export to CSV\n\nApproved-by: Jane Roe'), {
      number: 42,
      title: 'Add export to CSV',
      platform: 'bitbucket',
      branch: 'feature/csv-export',
      sigil: '#',
    });
    assert.equal(pr('Merged in feature/x (pull request #43)\n\nApproved-by: Jane Roe')?.title, '', 'a trailer block is no title');
    assert.deepEqual(pr('fix: keep the cart after login (#2210)\n\n* fix: keep cart\n* test'), { number: 2210, title: 'fix: keep the cart after login', platform: 'squash', sigil: '#' });
    assert.equal(pr('Add retries (see #12)'), undefined);
    assert.equal(pr('Bump version to 2.0.0'), undefined);
  });
});

describe('git/pullRequests: on real repositories', function () {
  this.timeout(60000);
  useIsolatedGitConfig();

  function bySubject(items: ActivityItem[], subject: string): ActivityItem {
    const found = items.find((i) => i.commit.subject === subject);
    assert.ok(found, `no item ${subject}`);
    return found;
  }

  it('git merge --no-ff: one item per pull request, branch commits hidden and counted as evidence', async () => {
    const dir = tempDir('prs');
    const env = (date: string) => ({ GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date });
    const commit = (file: string, message: string, date: string) => {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), `${message}\n`);
      git(dir, ['add', '-A']);
      git(dir, ['commit', '-q', '-m', message], { env: env(date) });
    };
    git(dir, ['init', '-q', '-b', 'main']);
    commit('README.md', 'Initial commit', '2026-10-20T10:00:00+00:00');
    git(dir, ['checkout', '-q', '-b', 'loyalty-points']);
    commit('apps/acme/points.ts', 'wip points', '2026-11-02T10:00:00+00:00');
    commit('apps/acme/points.ts', 'address review: rename PointsCalc', '2026-11-03T10:00:00+00:00');
    commit('apps/acme/points.test.ts', 'test: points rounding', '2026-11-03T11:00:00+00:00');
    git(dir, ['checkout', '-q', 'main']);
    commit('apps/globex/login.ts', 'fix: login timeout', '2026-11-04T09:00:00+00:00');
    git(dir, ['merge', '--no-ff', '-q', '-m', 'Merge pull request #41 from acme/loyalty-points\n\nShow loyalty points at checkout', 'loyalty-points'], { env: env('2026-11-04T12:00:00+00:00') });
    git(dir, ['checkout', '-q', '-b', 'csv']);
    commit('apps/acme/export.ts', 'export: write csv header #export', '2026-11-05T10:00:00+00:00');
    git(dir, ['checkout', '-q', 'main']);
    git(dir, ['merge', '--no-ff', '-q', '-m', "Merge branch 'csv' into 'main'\n\nAdd export to CSV\n\nSee merge request acme/shop!7", 'csv'], { env: env('2026-11-06T12:00:00+00:00') });

    const file = clientsFile([
      { name: 'Acme', paths: ['apps/acme/'], commitments: [{ title: 'Loyalty points', tags: ['41'] }, { title: 'CSV export', tags: ['export'] }] },
      { name: 'Globex', paths: ['apps/globex/'] },
    ]);
    const a = await readActivity({ cwd: dir, period: NOV }, file);
    const github = bySubject(a.items, 'Merge pull request #41 from acme/loyalty-points');
    assert.deepEqual(github.pullRequest, { number: 41, title: 'Show loyalty points at checkout', platform: 'github' });
    assert.equal(github.hidden, undefined, 'a titled pull request is a line, not a hidden merge');
    assert.equal(github.clientText, 'Show loyalty points at checkout');
    assert.deepEqual(github.clients, ['Acme']);
    assert.deepEqual(github.commitmentIds, ['Acme#0'], 'linked by its number, written on the commitment as #41');
    const branch = ['test: points rounding', 'address review: rename PointsCalc', 'wip points'].map((s) => bySubject(a.items, s));
    assert.deepEqual(github.branch, branch.map((b) => b.commit.hash));
    for (const b of branch) assert.deepEqual([b.hidden, b.partOf], ['branch', github.commit.hash]);
    assert.equal(bySubject(a.items, 'fix: login timeout').partOf, undefined, 'a mainline commit is no branch commit');

    const gitlab = bySubject(a.items, "Merge branch 'csv' into 'main'");
    assert.equal(gitlab.clientText, 'Add export to CSV');
    assert.deepEqual(gitlab.commitmentIds, ['Acme#1'], 'a branch commit tagged #export is evidence for the pull request');
    assert.deepEqual(bySubject(a.items, 'export: write csv header #export').commitmentIds, ['Acme#1']);

    const draft = composeDraft({ file, client: 'Acme', items: a.items, today: '2026-11-30', period: NOV, audience: 'client', language: 'en', signature: 'Ann' });
    const done = draft.sections.find((s) => s.id === 'done')!;
    assert.deepEqual(done.lines.map((l) => l.text), ['Show loyalty points at checkout', 'Add export to CSV']);
    assert.deepEqual(done.lines[0].hashes, [github.commit.hash, ...branch.map((b) => b.commit.hash)]);
    assert.doesNotMatch(draft.markdown, /wip points|PointsCalc|#41|!7|loyalty-points/u);
    // Both in progress: named once, in the plan.
    const plan = draft.sections.find((s) => s.id === 'next')!;
    assert.deepEqual(plan.lines.map((l) => [l.commitmentId, /in progress/u.test(l.text)]), [['Acme#0', true], ['Acme#1', true]]);
  });

  it('a hidden chore that is evidence still moves its commitment to in progress', async () => {
    const repo = makeRepo([{ message: 'chore: wire feature flag #flags', date: '2026-11-03 10:00:00 +0000' }]);
    const file = clientsFile([{ name: 'Acme', commitments: [{ title: 'Feature flags', tags: ['flags'] }] }]);
    const a = await readActivity({ cwd: repo, period: NOV }, file);
    assert.equal(a.items[0].hidden, 'type');
    const draft = composeDraft({ file, client: 'Acme', items: a.items, today: '2026-11-30', period: NOV, audience: 'client', language: 'en', signature: 'Ann' });
    assert.deepEqual(draft.sections.find((s) => s.id === 'next')?.lines.map((l) => l.text), ['Feature flags (in progress)']);
  });

  it('a pull request merged into a feature branch belongs to the outer one; a PR of bot commits is hidden', async () => {
    const repo = makeRepo([
      { message: 'Initial', date: '2026-10-01 10:00:00 +0000' },
      { message: 'inner work', date: '2026-11-02 10:00:00 +0000', branch: 'inner', from: 0 },
      { message: 'outer work', date: '2026-11-02 11:00:00 +0000', branch: 'outer', from: 0 },
      { message: 'Merge pull request #2 from a/inner\n\nInner part', date: '2026-11-03 10:00:00 +0000', branch: 'outer', from: 2, merge: [1] },
      { message: 'Bump lodash from 4.17.20 to 4.17.21', author: 'dependabot[bot] <bot@example.com>', date: '2026-11-03 11:00:00 +0000', branch: 'deps', from: 0 },
      { message: 'Merge pull request #3 from a/outer\n\nCheckout redesign', date: '2026-11-04 10:00:00 +0000', from: 0, merge: [3] },
      { message: 'Merge pull request #4 from a/deps\n\nBump lodash', date: '2026-11-05 10:00:00 +0000', from: 5, merge: [4] },
    ]);
    const a = await readActivity({ cwd: repo, period: NOV });
    const outer = bySubject(a.items, 'Merge pull request #3 from a/outer');
    assert.equal(outer.branch?.length, 3);
    assert.equal(bySubject(a.items, 'Merge pull request #2 from a/inner').partOf, outer.commit.hash);
    assert.equal(bySubject(a.items, 'inner work').partOf, outer.commit.hash);
    assert.equal(bySubject(a.items, 'Merge pull request #4 from a/deps').hidden, 'bot');
    assert.deepEqual(a.items.filter((i) => i.hidden === undefined).map((i) => i.clientText), ['Checkout redesign']);
  });
});
