/**
 * A wider read filtered down to one period (the clients overview) keeps exactly the commits git's
 * own window gives that period (the drafts): both go by the committer date, in local days. A
 * rebased or cherry-picked commit's author date can lie weeks before it entered the history.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readActivity } from '../../../src/core/git/activity';
import { inPeriod } from '../../../src/core/git/period';
import { git, initRepo, useIsolatedGitConfig } from '../../support/git';
import { tempDir } from '../../support/temp';

describe('git/period: inPeriod agrees with git’s window', function () {
  this.timeout(60000);
  useIsolatedGitConfig();

  it('a commit authored before the period and committed in it is in; the reverse is out', async () => {
    const repo = tempDir('in-period');
    initRepo(repo);
    const at = (message: string, authored: string, committed: string) => {
      fs.writeFileSync(path.join(repo, `${message.replace(/\W+/gu, '-')}.txt`), message);
      git(repo, ['add', '-A']);
      git(repo, ['commit', '-q', '-m', message], { env: { GIT_AUTHOR_DATE: authored, GIT_COMMITTER_DATE: committed } });
    };
    at('feat: rebased onto main this week', '2026-11-03T10:00:00+00:00', '2026-11-17T09:00:00+00:00');
    at('feat: authored this week', '2026-11-18T10:00:00+00:00', '2026-11-18T10:00:00+00:00');
    at('feat: late night in Shanghai', '2026-11-21T01:30:00+08:00', '2026-11-21T01:30:00+08:00');
    const period = { since: '2026-11-14', until: '2026-11-20' };
    const narrow = await readActivity({ cwd: repo, period });
    const wide = await readActivity({ cwd: repo, period: { since: '2026-11-01', until: '2026-11-30' } });
    const kept = wide.items.filter((i) => inPeriod(period)(i.commit)).map((i) => i.commit.subject);
    assert.deepEqual(kept.sort(), narrow.items.map((i) => i.commit.subject).sort());
    // In UTC (the test's zone) the Shanghai commit is on 20 Nov, inside the period; the rebased one is in by its commit date.
    assert.deepEqual(kept.sort(), ['feat: authored this week', 'feat: late night in Shanghai', 'feat: rebased onto main this week']);
    assert.equal(wide.items.find((i) => i.commit.subject.startsWith('feat: rebased'))?.commit.authorDate.slice(0, 10), '2026-11-03', 'the author date is kept for display');
    // Without a committer time (hand-built commits) the author's day is used.
    assert.equal(inPeriod(period)({ authorDate: '2026-11-14T00:10:00+08:00' }), true);
    assert.equal(inPeriod(period)({ authorDate: '2026-11-21T00:10:00+00:00' }), false);
  });
});
