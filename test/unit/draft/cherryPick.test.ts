/**
 * A change that reached the branch twice (cherry-picked from a release branch with `-x`, then the
 * release branch merged) is one change for the client: one line, and "1 change this week" in the
 * plan, in both languages. A real repository in a temp folder, made with git itself.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { Language } from '../../../src/core/clients/model';
import { commit, git, initRepo, useIsolatedGitConfig } from '../../support/git';
import { tempDir } from '../../support/temp';
import { draftFromRepo } from '../../support/draft';

const CLIENTS = `# Acme Retail

Contact: Jane Doe <jane@acme.example>
Paths: src/

## Commitments
- [ ] Loyalty points in checkout due:2026-11-27 #loyalty
`;

describe('draft: a cherry-picked change is counted once', function () {
  this.timeout(60_000);
  useIsolatedGitConfig();
  let repo: string;

  before(() => {
    repo = tempDir('draft-cherry-pick');
    initRepo(repo);
    commit(repo, 'docs: clients file', { '.project/clients.md': CLIENTS }, '2026-11-02');
    git(repo, ['checkout', '-q', '-b', 'release']);
    const picked = commit(repo, 'feat: loyalty points on the order summary #loyalty', { 'src/summary.ts': 's' }, '2026-11-17');
    git(repo, ['checkout', '-q', 'main']);
    git(repo, ['cherry-pick', '-x', picked], { env: { GIT_COMMITTER_DATE: '2026-11-18T10:00:00+00:00' } });
    git(repo, ['merge', '-q', '--no-ff', 'release', '-m', "Merge branch 'release'"], { env: { GIT_COMMITTER_DATE: '2026-11-18T11:00:00+00:00', GIT_AUTHOR_DATE: '2026-11-18T11:00:00+00:00' } });
  });
  after(() => fs.rmSync(repo, { recursive: true, force: true }));

  const draft = (language: Language) => draftFromRepo({ repo, clientsText: CLIENTS, client: 'Acme Retail', period: { since: '2026-11-16', until: '2026-11-22' }, today: '2026-11-20', language });

  it('one line in Done, "1 change this week" in the plan (en and zh-CN)', async () => {
    const en = await draft('en');
    const done = en.sections.find((s) => s.id === 'done')?.lines ?? [];
    assert.deepEqual(done.map((l) => l.text), ['Loyalty points on the order summary']);
    assert.equal(done[0].hashes.length, 2, 'the line traces both commits');
    assert.match(en.markdown, /^- Loyalty points in checkout \(due Fri 27 Nov; in progress, 1 change this week\)$/mu);
    const zh = await draft('zh-CN');
    assert.match(zh.markdown, /本周 1 项相关改动/u);
    assert.doesNotMatch(zh.markdown, /本周 2 项/u);
  });
});
