/**
 * Releases (issue 11 item 5): release commits in English and Chinese, version bumps, and version
 * tags read from the log's decoration (no git process per commit) — on real repositories.
 */
import * as assert from 'node:assert/strict';
import { readActivity } from '../../../src/core/git/activity';
import { parseConventional } from '../../../src/core/git/conventional';
import { tagsOf } from '../../../src/core/git/log-format';
import { changesetsRelease, releaseOf, versionOfTag } from '../../../src/core/git/release';
import { composeDraft } from '../../../src/core/draft/compose';
import { parseClients } from '../../../src/core/clients/parse';
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

describe('git/release: changesets "Version Packages"', () => {
  const BODY = 'This PR was opened by the Changesets release GitHub action.\n\n# Releases\n## @northwind/ui@3.1.0\n\n### Minor Changes\n\n- 1a2b3c4: dark theme tokens\n\n## @northwind/payments@1.4.0\n\n### Patch Changes\n\n- Updated dependencies\n  - @northwind/ui@3.1.0\n\n## cli@0.9.0-next.1\n';
  it('reads the packages and versions of the body', () => {
    assert.deepEqual(changesetsRelease('Version Packages', BODY), {
      version: '3.1.0',
      commit: true,
      packages: [
        { name: '@northwind/ui', version: '3.1.0' },
        { name: '@northwind/payments', version: '1.4.0' },
        { name: 'cli', version: '0.9.0-next.1' },
      ],
    });
    assert.deepEqual(changesetsRelease('chore: version packages (#88)', ''), { version: '', commit: true, packages: [] });
    assert.deepEqual(changesetsRelease('chore(release): version packages', '## a@1.0.0')?.packages, [{ name: 'a', version: '1.0.0' }]);
    assert.equal(changesetsRelease('Version packages of the monorepo are now pinned', BODY), undefined);
    assert.equal(changesetsRelease('docs: how to version packages', BODY), undefined);
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

  it('a changesets "Version Packages" commit is a release: each client reads the versions of the packages in its Paths', async () => {
    const BOT = 'github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>';
    const body = '# Releases\n## @northwind/ui@3.1.0\n\n### Minor Changes\n\n- dark theme tokens\n\n## @northwind/payments@1.4.0\n\n### Minor Changes\n\n- Apple Pay\n';
    const repo = makeRepo([
      { message: 'feat: base', date: '2026-10-20 10:00:00 +0000', files: { 'apps/acme/app.ts': 'a\n', 'apps/bolt/app.ts': 'b\n', 'packages/ui/package.json': '{}\n', 'packages/payments/package.json': '{}\n' } },
      { message: 'feat(acme): loyalty page', date: '2026-11-02 10:00:00 +0000', files: { 'apps/acme/loyalty.ts': 'l\n' } },
      { message: 'feat(bolt): depot filter', date: '2026-11-02 11:00:00 +0000', files: { 'apps/bolt/filter.ts': 'f\n' } },
      { message: `Version Packages (#315)\n\n${body}`, author: BOT, date: '2026-11-03 10:00:00 +0000', files: { 'packages/ui/package.json': '{"version":"3.1.0"}\n', 'packages/ui/CHANGELOG.md': '# 3.1.0\n', 'packages/payments/package.json': '{"version":"1.4.0"}\n', '.changeset/green-lamps.md': null } },
      // The same flavour merged with a merge commit: the bot's branch commit holds the list.
      { message: `Version Packages\n\n## @northwind/ui@3.1.1\n\n### Patch Changes\n\n- focus ring\n`, author: BOT, date: '2026-11-05 10:00:00 +0000', files: { 'packages/ui/package.json': '{"version":"3.1.1"}\n' }, branch: 'changeset-release/main' },
      { message: 'Merge pull request #320 from northwind/changeset-release/main\n\nVersion Packages', date: '2026-11-05 11:00:00 +0000', from: 3, merge: [4] },
    ]);
    const file = parseClients(
      '# Acme\nContact: Jane <jane@acme.example>\nPaths: apps/acme/, packages/ui/, packages/payments/\n\n# Bolt\nContact: Marek <marek@bolt.example>\nPaths: apps/bolt/, packages/ui/\n',
    );
    const a = await readActivity({ cwd: repo, period: NOV }, file);
    const vp = bySubject(a.items, 'Version Packages (#315)');
    assert.equal(vp.hidden, undefined, "a bot's commit in shared packages, told as a release");
    assert.deepEqual(vp.release?.packages, [
      { name: '@northwind/ui', version: '3.1.0', clients: ['Acme', 'Bolt'] },
      { name: '@northwind/payments', version: '1.4.0', clients: ['Acme'] },
    ]);
    const draft = (client: string, language: 'en' | 'zh-CN') =>
      composeDraft({ file, client, items: a.items, period: NOV, today: '2026-11-30', audience: 'client', language, signature: 'Alice' }).markdown;
    const acme = draft('Acme', 'en');
    assert.match(acme, /^- Released new versions: ui 3\.1\.0, payments 1\.4\.0$/mu);
    assert.match(acme, /^- Released a new version: ui 3\.1\.1$/mu, 'the merged release pull request, from its branch commit');
    assert.doesNotMatch(acme, /Version Packages|@northwind|changeset/iu);
    const bolt = draft('Bolt', 'en');
    assert.match(bolt, /^- Released a new version: ui 3\.1\.0$/mu, 'only the packages in its Paths');
    assert.doesNotMatch(bolt, /payments/u);
    assert.match(draft('Bolt', 'zh-CN'), /^- 发布了新版本：ui 3\.1\.0$/mu);
    assert.match(draft('Acme', 'zh-CN'), /^- 发布了新版本：ui 3\.1\.0、payments 1\.4\.0$/mu);
  });
});
