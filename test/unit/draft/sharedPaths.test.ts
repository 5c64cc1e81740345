/**
 * Shared paths (issue 11 item 6): a change only in a package two clients' `Paths:` share equally,
 * linked to no commitment and naming no client, is in neither client's e-mail (whose work it is
 * is not known); it stays in the internal report, hidden as `shared`, and the lead is told in the
 * panel and on the CLI's stderr. Evidence, a `Client:` trailer or a file only one client owns still
 * place a change. On a real repository.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { composeDraft } from '../../../src/core/draft/compose';
import { gatherDraftInput } from '../../../src/core/draft/gather';
import type { Language } from '../../../src/core/clients/model';
import { buildOnce, runCli } from '../../support/cli';
import { commit, initRepo, useIsolatedGitConfig } from '../../support/git';
import { tempDir } from '../../support/temp';

const CLIENTS = `# Acme Retail

Contact: Jane Doe <jane@acme.example>
Language: en
Owner: Alice Martin <alice@agency.example>
Paths: apps/acme/, packages/ui/

## Commitments
- [ ] Dark mode for the loyalty app #darkmode due:2026-11-30

# Bolt Logistics

Contact: Marek Novak <marek@bolt.example>
Language: en
Owner: Tom Hughes <tom@agency.example>
Paths: apps/bolt/, packages/ui/

## Commitments
- [ ] Delivery heat map #heatmap due:2026-11-30
`;

describe('draft: a change in a package several clients share', function () {
  this.timeout(120000);
  useIsolatedGitConfig();
  let repo: string;
  let sharedHash: string;

  before(() => {
    repo = tempDir('draft-shared-paths');
    initRepo(repo);
    commit(repo, 'docs: clients file', { '.project/clients.md': CLIENTS }, '2026-11-02');
    sharedHash = commit(repo, 'fix(ui): select options unreadable in dark theme', { 'packages/ui/Select.tsx': 's' }, '2026-11-16');
    commit(repo, 'feat(ui): dark theme tokens #darkmode', { 'packages/ui/theme/dark.ts': 'd' }, '2026-11-17');
    commit(repo, 'feat: pay button on the checkout page', { 'apps/acme/Checkout.tsx': 'c', 'packages/ui/PayButton.tsx': 'p' }, '2026-11-17');
    commit(repo, 'fix(ui): tooltip clipped on the depot map\n\nClient: Bolt Logistics', { 'packages/ui/Tooltip.tsx': 't' }, '2026-11-18');
  });
  after(() => fs.rmSync(repo, { recursive: true, force: true }));

  async function draft(client: string, audience: 'client' | 'internal' = 'client', language: Language = 'en') {
    const gathered = await gatherDraftInput({
      roots: [repo],
      clientsText: CLIENTS,
      projectDir: path.join(repo, '.project'),
      client,
      period: { since: '2026-11-14', until: '2026-11-20' },
      today: '2026-11-20',
      weekStart: 'monday',
      audience,
      language,
    });
    return { draft: composeDraft(gathered.input), items: gathered.input.items };
  }

  it('is in neither e-mail; evidence, Client: and a file one client owns still place a change', async () => {
    const acme = await draft('Acme Retail');
    const bolt = await draft('Bolt Logistics');
    const shared = acme.items.find((i) => i.commit.hash === sharedHash);
    assert.equal(shared?.hidden, 'shared');
    assert.deepEqual(shared?.sharedBy, ['Acme Retail', 'Bolt Logistics']);
    assert.doesNotMatch(acme.draft.markdown, /Select options/iu);
    assert.doesNotMatch(bolt.draft.markdown, /Select options/iu);
    assert.match(acme.draft.markdown, /Dark theme tokens/u, 'evidence for an Acme commitment');
    assert.match(acme.draft.markdown, /Pay button on the checkout page/u, 'a file only Acme owns');
    assert.doesNotMatch(bolt.draft.markdown, /Dark theme tokens|Pay button/u);
    assert.match(bolt.draft.markdown, /Tooltip clipped on the depot map/u, 'Client: names Bolt');
    assert.doesNotMatch(acme.draft.markdown, /Tooltip/u);
    for (const d of [acme.draft, bolt.draft]) {
      assert.deepEqual(
        d.leadNotes?.filter((n) => n.code === 'shared-change'),
        [{ code: 'shared-change', change: 'fix(ui): select options unreadable in dark theme', hash: sharedHash, clients: ['Acme Retail', 'Bolt Logistics'] }],
      );
    }
  });

  it('stays in the internal report, counted as hidden with its reason (en, zh-CN)', async () => {
    const en = await draft('Acme Retail', 'internal');
    assert.match(en.draft.markdown, /in a package several clients share/u);
    const zh = await draft('Bolt Logistics', 'internal', 'zh-CN');
    assert.match(zh.draft.markdown, /位于多个客户共用的模块/u);
  });

  it('the CLI tells the lead on stderr, in English and Chinese', () => {
    buildOnce();
    const env = { CLIENT_PULSE_TODAY: '2026-11-20' };
    const en = runCli(['draft', '--client', 'Acme Retail', '--period', '2026-11-14..2026-11-20'], { cwd: repo, env });
    assert.equal(en.code, 0, en.stderr);
    assert.match(en.stderr, new RegExp(`note: "fix\\(ui\\): select options unreadable in dark theme" \\(${sharedHash.slice(0, 7)}\\) only changed files that Acme Retail, Bolt Logistics share equally`, 'u'));
    assert.doesNotMatch(en.stdout, /Select options/iu);
    const zh = runCli(['draft', '--client', 'Bolt Logistics', '--period', '2026-11-14..2026-11-20', '--lang', 'zh-CN'], { cwd: repo, env: { ...env, LANG: 'zh_CN.UTF-8' } });
    assert.equal(zh.code, 0, zh.stderr);
    assert.match(zh.stderr, /只改动了 Acme Retail、Bolt Logistics 的 Paths 同等共用的文件/u);
  });
});
