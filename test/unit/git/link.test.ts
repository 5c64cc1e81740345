/** Linking beyond #tag, shared paths, and the paths-overlap diagnostic. */
import * as assert from 'node:assert/strict';
import { parseClients } from '../../../src/core/clients/parse';
import { readActivity } from '../../../src/core/git/activity';
import { makeLinker } from '../../../src/core/git/link';
import { splitMessage } from '../../../src/core/git/log-format';
import { closedNumbers, hashTagsIn } from '../../../src/core/git/refs';
import type { Commit } from '../../../src/core/git/types';
import { clientsFromSpecs as clientsFile } from '../../support/clients';
import { makeRepo, useIsolatedGitConfig } from '../../support/git';

function commit(raw: string, parents = ['p']): Commit {
  return { hash: 'h', parents, authorName: 'A', authorEmail: 'a@x.example', authorDate: '2026-11-02T10:00:00+00:00', files: [], ...splitMessage(raw) };
}

const FILE = parseClients(`# Acme
Paths: apps/acme/

## Commitments
- [ ] Loyalty points at checkout due:2026-12-01 #loyalty
- [ ] Fix the login loop #312 due:2026-12-01
- [ ] CSV export (PR 88) due:2026-12-01
- [ ] Store map !45 due:2026-12-01
- [ ] Web login #web/login due:2026-12-01
`);
const linker = makeLinker(FILE);
const ids = (raw: string, parents?: string[]) => linker.link(commit(raw, parents)).map((id) => FILE.clients[0].commitments.find((c) => c.id === id)?.title);

describe('git/link: evidence beyond #tag', () => {
  it('tags as whole tokens, in any case, with trailing punctuation', () => {
    assert.deepEqual(ids('feat: points #Loyalty.'), ['Loyalty points at checkout']);
    assert.deepEqual(ids('feat: points #loyalty-v2'), []);
    assert.deepEqual(ids('see &#312; and a/#loyalty'), []);
    assert.deepEqual(ids('fix: redirect #web/login.'), ['Web login']);
    assert.deepEqual([...hashTagsIn('x #a/b.c y')].sort(), ['a', 'a/b', 'a/b.c']);
  });

  it('Commitment: trailers and conventional scopes', () => {
    assert.deepEqual(ids('feat: points\n\nCommitment: loyalty'), ['Loyalty points at checkout']);
    assert.deepEqual(ids('feat(loyalty): round points'), ['Loyalty points at checkout']);
    assert.deepEqual(ids('feat(checkout): round points'), []);
  });

  it('closing keywords in English and Chinese, cross-repository and URLs', () => {
    assert.deepEqual(ids('fix: stop the loop\n\nRESOLVES acme/web#312'), ['Fix the login loop']);
    assert.deepEqual(ids('修复登录死循环\n\n修复#312'), ['Fix the login loop']);
    assert.deepEqual(ids('fix: loop\n\nFixes https://github.com/acme/web/issues/312'), ['Fix the login loop']);
    assert.deepEqual(closedNumbers('Closes #1, fixed: #2, 关闭 #3, prefix#4'), [1, 2, 3]);
  });

  it('pull-request numbers written on the commitment: #N, !N, PR N', () => {
    assert.deepEqual(ids('Merged PR 88: Add CSV export'), ['CSV export (PR 88)']);
    assert.deepEqual(ids('Add CSV export (#88)'), ['CSV export (PR 88)']);
    assert.deepEqual(ids("Merge branch 'map' into 'main'\n\nStore map\n\nSee merge request acme/web!45", ['a', 'b']), ['Store map !45']);
    assert.deepEqual(ids('!45 门店地图\n\nMerge pull request !45 from tom/map', ['a', 'b']), ['Store map !45']);
    assert.deepEqual(ids('Merged PR 45: Store map'), [], 'an Azure PR 45 is not GitLab merge request !45');
    assert.deepEqual(ids('Merge pull request #312 from a/loop\n\nStop the loop', ['a', 'b']), ['Fix the login loop']);
  });

  it('indexes thousands of tagged commitments once (the file is not scanned per commit)', () => {
    const lines = Array.from({ length: 20000 }, (_, k) => `- [ ] Item ${k} due:2026-12-01 #tag${k}`);
    const big = parseClients(`# Acme\n\n## Commitments\n${lines.join('\n')}\n`);
    const l = makeLinker(big);
    assert.deepEqual(l.link(commit('fix: a #tag19999 b #tag7')), ['Acme#7', 'Acme#19999']);
  });
});

describe('git/route: shared paths', function () {
  this.timeout(60000);
  useIsolatedGitConfig();

  it('a commit goes to its commitment\'s client, else to the most specific Paths entry', async () => {
    const repo = makeRepo([
      { message: 'fix: shared date picker', date: '2026-11-02 10:00:00 +0000', files: { 'packages/shared/date.ts': 'd\n' } },
      { message: 'feat: points in the shared cart #loyalty', date: '2026-11-03 10:00:00 +0000', files: { 'packages/shared/cart.ts': 'c\n' } },
      { message: 'fix: packages build', date: '2026-11-04 10:00:00 +0000', files: { 'packages/ui/button.ts': 'b\n' } },
      { message: 'fix: both apps', date: '2026-11-05 10:00:00 +0000', files: { 'packages/ui/a.ts': 'a\n', 'packages/shared/b.ts': 'b\n' } },
    ]);
    const file = clientsFile([
      { name: 'Acme', paths: ['packages/'], commitments: [{ title: 'Loyalty', tags: ['loyalty'] }] },
      { name: 'Globex', paths: ['packages/shared/'] },
    ]);
    const a = await readActivity({ cwd: repo, period: { since: '2026-11-01', until: '2026-11-30' } }, file);
    const clientsOf = (s: string) => a.items.find((i) => i.commit.subject === s)?.clients;
    assert.deepEqual(clientsOf('fix: shared date picker'), ['Globex']);
    assert.deepEqual(clientsOf('feat: points in the shared cart #loyalty'), ['Acme']);
    assert.deepEqual(clientsOf('fix: packages build'), ['Acme']);
    assert.deepEqual(clientsOf('fix: both apps'), ['Acme', 'Globex']);
  });

  it('check warns when Paths overlap and says how the tie is broken', () => {
    const file = parseClients('# Acme\nPaths: packages/\n\n# Globex\nPaths: packages/shared/, apps/globex\n\n# Initech\nPaths: apps/initech/**\n\n# Umbrella\nPaths: apps/initech\n');
    const warnings = file.diagnostics.filter((d) => d.code === 'paths-overlap');
    assert.equal(warnings.length, 2);
    assert.match(warnings[0].message, /"packages\/" of "Acme" and "packages\/shared\/" of "Globex" overlap.*otherwise to "Globex"/u);
    assert.equal(warnings[0].span.startLine, 4);
    assert.match(warnings[1].message, /"Initech".*"Umbrella".*otherwise to neither.*hidden as shared/u);
    assert.equal(parseClients('# A\nPaths: apps/a/\n\n# B\nPaths: apps/ab/\n').diagnostics.filter((d) => d.code === 'paths-overlap').length, 0);
  });
});
