/**
 * A draft made without reading git history (Restricted Mode, git unavailable): no repository was
 * read, so an empty list of changes is not "a quiet week" — the draft claims nothing about what
 * shipped, in English and in Chinese. A real repository with no change in the period still is quiet.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { composeDraft } from '../../../src/core/draft/compose';
import { gatherDraftInput, type GatherOptions } from '../../../src/core/draft/gather';
import { commit, initRepo, useIsolatedGitConfig } from '../../support/git';
import { tempDir } from '../../support/temp';

const CLIENTS = `# Acme Retail

Contact: Jane Doe <jane.doe@acme.example> (CTO)
Paths: apps/acme/

## Commitments
- [ ] Checkout p95 under 2 s due:2026-12-04 #checkout
`;

describe('draft: git history not read', function () {
  this.timeout(60000);
  useIsolatedGitConfig();
  let tmp: string;
  let base: Omit<GatherOptions, 'roots'>;

  before(() => {
    tmp = tempDir('draft-history');
    initRepo(tmp);
    commit(tmp, 'docs: clients file', { '.project/clients.md': CLIENTS }, '2026-10-02');
    base = {
      clientsText: CLIENTS,
      projectDir: path.join(tmp, '.project'),
      client: 'Acme Retail',
      audience: 'client',
      period: { since: '2026-11-16', until: '2026-11-22' },
      today: '2026-11-20',
      weekStart: 'monday',
      signature: 'Alice Martin',
    };
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('no roots: historyRead is false and neither language says that nothing shipped', async () => {
    for (const language of ['en', 'zh-CN'] as const) {
      const gathered = await gatherDraftInput({ ...base, roots: [], language });
      assert.equal(gathered.historyRead, false);
      assert.equal(gathered.input.historyRead, false);
      const draft = composeDraft(gathered.input);
      assert.equal(draft.quiet, false, language);
      assert.equal(draft.historyRead, false);
      assert.doesNotMatch(draft.markdown, /quiet|no new changes shipped|没有新的交付内容/u, draft.markdown);
      assert.match(draft.markdown, /Checkout p95 under 2 s/u, 'what clients.md says is still there');
    }
  });

  it('a repository that was read with no change in the period is a quiet week', async () => {
    const gathered = await gatherDraftInput({ ...base, roots: [tmp], language: 'en' });
    assert.equal(gathered.historyRead, true);
    const draft = composeDraft(gathered.input);
    assert.equal(draft.quiet, true);
    assert.match(draft.markdown, /It was a quiet week on our side: no new changes shipped/u);
    assert.equal(draft.historyRead, undefined);
  });
});
