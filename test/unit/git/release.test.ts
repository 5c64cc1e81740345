/**
 * Releases (issue 11 item 5): release commits in English and Chinese, version bumps, and version
 * tags read from the log's decoration (no git process per commit) — on real repositories.
 */
import * as assert from 'node:assert/strict';
import { readActivity } from '../../../src/core/git/activity';
import { parseConventional } from '../../../src/core/git/conventional';
import { tagsOf } from '../../../src/core/git/log-format';
import { releaseOf, versionOfTag } from '../../../src/core/git/release';
import type { ActivityItem } from '../../../src/core/git/types';
import { clientsFromSpecs } from '../../support/clients';
import { git, makeRepo, useIsolatedGitConfig } from '../../support/git';

const NOV = { since: '2026-11-01', until: '2026-11-30' };

function bySubject(items: ActivityItem[], subject: string): ActivityItem {
  const found = items.find((i) => i.commit.subject === subject);
  assert.ok(found, `no item with subject ${subject}`);
  return found;
}

describe('git/release: what ships a version', () => {
  const releases: Array<[string, string]> = [
    ['chore(release): 10.0.0', '10.0.0'],
    ['release: v2.3.0', '2.3.0'],
    ['release: vant v4.10.0', '4.10.0'],
    ['Release v2.3.0', '2.3.0'],
    ['Prepare 4.1.0', '4.1.0'],
    ['Prepare release 4.1.0', '4.1.0'],
    ['chore: release 1.2.0', '1.2.0'],
    ['Bump version to 2.1.0', '2.1.0'],
    ['发布 1.2.0', '1.2.0'],
    ['发布版本 1.2.0', '1.2.0'],
    ['v1.2.0 发布', '1.2.0'],
    ['[maven-release-plugin] prepare release tms-1.2.0', '1.2.0'],
    ['release: v3.6.0-rc.5', '3.6.0-rc.5'],
  ];
  for (const [subject, version] of releases) {
    it(`${JSON.stringify(subject)} releases ${version}`, () => assert.deepEqual(releaseOf(subject, parseConventional(subject)), { version, commit: true }));
  }
  const notReleases = [
    'Bump nokogiri from 1.16.7 to 1.18.1',
    'chore(deps): update dependency vite to v6.0.7 (#220)',
    'chore: bump version to 5.0.2-beta.0',
    '[maven-release-plugin] prepare for next development iteration',
    'Release the lock 2.5 s earlier',
    'release notes for 2.0',
    'fix: crash in 1.2.0',
    'feat(player): release the wake lock on pause',
  ];
  for (const subject of notReleases) {
    it(`${JSON.stringify(subject)} is not a release`, () => assert.equal(releaseOf(subject, parseConventional(subject)), undefined));
  }
  it('a version tag makes any commit a release; a tag that is no version does not', () => {
    assert.deepEqual(releaseOf('feat: offline mode', parseConventional('feat: offline mode'), ['v3.0.0']), { version: '3.0.0', commit: false });
    assert.deepEqual(releaseOf('chore: bump version to 5.0.2-beta.0', parseConventional('chore: bump version to 5.0.2-beta.0'), ['v5.0.2-beta.0']), { version: '5.0.2-beta.0', commit: true });
    assert.equal(releaseOf('feat: x', parseConventional('feat: x'), ['latest', 'deploy-prod']), undefined);
    assert.deepEqual(['v5.0.1', '5.0.1', 'player@5.0.1', 'player-v5.0.1', 'release/5.0.1', 'latest'].map(versionOfTag), ['5.0.1', '5.0.1', '5.0.1', '5.0.1', '5.0.1', undefined]);
    assert.deepEqual(tagsOf('tag: v5.0.1, tag: latest'), ['v5.0.1', 'latest']);
    assert.deepEqual(tagsOf(''), []);
  });
});

describe('git/release on a real repository', function () {
  this.timeout(60000);
  useIsolatedGitConfig();

  it('reads tags from the log, shows release commits despite chore/bot/file noise, leaves development bumps hidden', async () => {
    const repo = makeRepo([
      { message: 'feat: base', date: '2026-10-20 10:00:00 +0000', files: { 'src/app.ts': 'a\n' } },
      { message: 'feat: offline mode', date: '2026-11-02 10:00:00 +0000', files: { 'src/offline.ts': 'o\n' } },
      { message: 'chore(release): 3.0.0', date: '2026-11-03 10:00:00 +0000', files: { 'package.json': '{"version":"3.0.0"}\n', 'CHANGELOG.md': '# 3.0.0\n' } },
      { message: 'chore: bump version to 3.0.1-beta.0', date: '2026-11-03 11:00:00 +0000', files: { 'package.json': '{"version":"3.0.1-beta.0"}\n' } },
      { message: 'fix: sync after wake', date: '2026-11-05 10:00:00 +0000', files: { 'src/sync.ts': 's\n' } },
      { message: 'chore(main): release 3.1.0', author: 'github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>', date: '2026-11-06 10:00:00 +0000', files: { 'package.json': '{"version":"3.1.0"}\n' } },
    ]);
    git(repo, ['tag', '-a', '-m', 'v3.0.0', 'v3.0.0', 'HEAD~3']);
    git(repo, ['tag', 'v2.9.9-hotfix', 'HEAD~4']);
    const a = await readActivity({ cwd: repo, period: NOV });
    const r300 = bySubject(a.items, 'chore(release): 3.0.0');
    assert.deepEqual(r300.commit.tags, ['v3.0.0'], 'an annotated tag, from %D');
    assert.deepEqual(r300.release, { version: '3.0.0', commit: true });
    assert.equal(r300.hidden, undefined, 'a chore touching only version files is still told');
    assert.deepEqual(bySubject(a.items, 'feat: offline mode').release, { version: '2.9.9-hotfix', commit: false }, 'a lightweight tag on a feature commit');
    assert.equal(bySubject(a.items, 'feat: offline mode').hidden, undefined);
    const beta = bySubject(a.items, 'chore: bump version to 3.0.1-beta.0');
    assert.equal(beta.release, undefined);
    assert.ok(beta.hidden, 'a development bump stays hidden');
    const bot = bySubject(a.items, 'chore(main): release 3.1.0');
    assert.deepEqual(bot.release, { version: '3.1.0', commit: true });
    assert.equal(bot.hidden, undefined, "a release bot's commit is a release");
    assert.equal(bySubject(a.items, 'fix: sync after wake').release, undefined);
  });

  it('a release that no Paths route goes to the clients whose work it ships', async () => {
    const repo = makeRepo([
      { message: 'feat: base', date: '2026-10-20 10:00:00 +0000', files: { 'apps/acme/app.ts': 'a\n', 'apps/bolt/app.ts': 'b\n' } },
      { message: 'feat: acme search', date: '2026-11-02 10:00:00 +0000', files: { 'apps/acme/search.ts': 's\n' } },
      { message: 'Release v1.4.0', date: '2026-11-03 10:00:00 +0000', files: { 'package.json': '{}\n' } },
      { message: 'feat: bolt map', date: '2026-11-04 10:00:00 +0000', files: { 'apps/bolt/map.ts': 'm\n' } },
    ]);
    const clients = [
      { name: 'Acme', paths: ['apps/acme/'] },
      { name: 'Bolt', paths: ['apps/bolt/'] },
    ];
    const a = await readActivity({ cwd: repo, period: NOV }, clientsFromSpecs(clients));
    assert.deepEqual(bySubject(a.items, 'Release v1.4.0').clients, ['Acme'], 'Bolt\'s work came after the release');
  });
});
