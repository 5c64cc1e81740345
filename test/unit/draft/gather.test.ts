/**
 * gatherDraftInput on real repositories: redaction reaching the draft, several workspace folders
 * for one client, templates from .project/templates.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { composeDraft } from '../../../src/core/draft/compose';
import { gatherDraftInput, type GatherOptions } from '../../../src/core/draft/gather';
import { TemplateError } from '../../../src/core/draft/template';
import { commit, git, initRepo, useIsolatedGitConfig } from '../../support/git';
import { tempDir } from '../../support/temp';
import { wordNotice } from '../../../src/core/notices';

const TODAY = '2026-11-20';
const TOKEN = 'ghp_' + 'R3dact'.repeat(6);

const CLIENTS = `# Acme Retail

Contact: Jane Doe <jane.doe@acme.example> (CTO)
Language: en
Paths: apps/acme/
Tag: acme

## Commitments
- [ ] Checkout p95 under 2 s due:2026-12-04 #checkout
`;

describe('draft: gathering from real repositories', function () {
  this.timeout(60000);
  useIsolatedGitConfig();
  let tmp: string;
  let web: string;
  let api: string;
  let base: Omit<GatherOptions, 'client' | 'audience'>;

  before(() => {
    tmp = tempDir('draft-gather');
    web = path.join(tmp, 'web');
    api = path.join(tmp, 'api');
    initRepo(web);
    initRepo(api);
    commit(web, 'docs: clients file', { '.project/clients.md': CLIENTS }, '2026-11-02');
    commit(web, `fix(checkout): ACME-142 round totals, token ${TOKEN} rotated #checkout`, { 'apps/acme/checkout/totals.ts': 'export const round = 1;' }, '2026-11-17');
    commit(web, 'feat(acme): show store opening hours, asked by jane.doe@acme.example and bob@other.example', { 'apps/acme/locator/pin.ts': 'pin' }, '2026-11-18');
    commit(api, 'feat(api): loyalty points endpoint #acme', { 'services/points.ts': 'points' }, '2026-11-19');
    commit(api, 'feat(api): unrelated work for another team', { 'services/other.ts': 'other' }, '2026-11-19');
    base = {
      roots: [web, api],
      clientsText: CLIENTS,
      projectDir: path.join(web, '.project'),
      period: { since: '2026-11-16', until: '2026-11-22' },
      today: TODAY,
      weekStart: 'monday',
      signature: 'Alice Martin',
    };
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it("signs with the client's Owner (the .eml is from the Owner), not git's user.name; git's name only without an Owner", async () => {
    git(web, ['config', 'user.name', 'Build Server']);
    const noSetting = { ...base, signature: '' };
    const owned = CLIENTS.replace('Language: en', 'Language: en\nOwner: Priya Nair <priya@agency.example>');
    const signed = composeDraft((await gatherDraftInput({ ...noSetting, clientsText: owned, client: 'Acme Retail', audience: 'client' })).input);
    assert.match(signed.markdown, /Best regards,\nPriya Nair\n$/u);
    assert.doesNotMatch(signed.markdown, /Build Server/u);
    const unowned = composeDraft((await gatherDraftInput({ ...noSetting, client: 'Acme Retail', audience: 'client' })).input);
    assert.match(unowned.markdown, /Best regards,\nBuild Server\n$/u);
    const set = composeDraft((await gatherDraftInput({ ...base, clientsText: owned, client: 'Acme Retail', audience: 'client' })).input);
    assert.match(set.markdown, /Best regards,\nAlice Martin\n$/u, 'the setting wins');
  });

  it('a token and a ticket key never reach the client e-mail; the internal report keeps the ticket key', async () => {
    const client = composeDraft((await gatherDraftInput({ ...base, client: 'Acme Retail', audience: 'client' })).input);
    assert.match(client.markdown, /round/i, 'the commit is in the draft');
    assert.doesNotMatch(client.markdown, /ghp_|R3dact/);
    assert.doesNotMatch(client.markdown, /ACME-142/);
    const internal = composeDraft((await gatherDraftInput({ ...base, client: 'Acme Retail', audience: 'internal' })).input);
    assert.match(internal.markdown, /ACME-142/);
    assert.doesNotMatch(internal.markdown, /ghp_|R3dact/);
    assert.doesNotMatch(client.markdown, /bob@other\.example/, 'addresses other than the client contacts are redacted for the client');
    assert.match(client.markdown, /jane\.doe@acme\.example/, "the client's own contact may stay");
    for (const d of [client, internal]) assert.doesNotMatch(JSON.stringify(d.sections), /R3dact/);
  });

  it('gathers one client from every workspace folder whose repository holds its work', async () => {
    const g = await gatherDraftInput({ ...base, client: 'Acme Retail', audience: 'client' });
    assert.equal(g.repositories.length, 2);
    const subjects = g.input.items.map((i) => i.commit.subject);
    assert.ok(subjects.some((s) => s.includes('loyalty points endpoint')), 'commit from the second repository');
    assert.ok(!subjects.some((s) => s.includes('unrelated work')), 'commits of nobody are left out');
    const draft = composeDraft(g.input);
    assert.match(draft.markdown, /loyalty points endpoint/i);
    // The same repository given twice (two folders of one repository) is read once.
    const twice = await gatherDraftInput({ ...base, roots: [web, path.join(web, 'apps'), api], client: 'Acme Retail', audience: 'client' });
    assert.equal(twice.repositories.length, 2);
    assert.equal(twice.input.items.length, g.input.items.length);
  });

  it('a folder that is not a repository is a warning when other folders remain', async () => {
    const plain = path.join(tmp, 'plain');
    fs.mkdirSync(plain, { recursive: true });
    const g = await gatherDraftInput({ ...base, roots: [web, plain], client: 'Acme Retail', audience: 'client' });
    assert.equal(g.repositories.length, 1);
    assert.equal(g.warnings.length, 1);
    assert.match(wordNotice(g.warnings[0]), /plain/);
    await assert.rejects(gatherDraftInput({ ...base, roots: [plain], client: 'Acme Retail', audience: 'client' }));
  });

  it('uses .project/templates/update.<lang>.mustache, and names it when it is broken', async () => {
    const dir = path.join(web, '.project', 'templates');
    fs.mkdirSync(dir, { recursive: true });
    try {
      fs.writeFileSync(path.join(dir, 'update.mustache'), '{{greeting}}\n\n{{statusLine}}\n\n{{signOff}}\n');
      const g = await gatherDraftInput({ ...base, client: 'Acme Retail', audience: 'client' });
      assert.equal(g.input.templateName, path.join('.project', 'templates', 'update.mustache'));
      assert.equal(composeDraft(g.input).markdown, 'Hi Jane,\n\n**Overall status: On track** — all commitments are on schedule.\n\nBest regards,\nAlice Martin\n');
      fs.writeFileSync(path.join(dir, 'update.en.mustache'), 'Hi\n{{#done}}\n{{title}}\n');
      const broken = await gatherDraftInput({ ...base, client: 'Acme Retail', audience: 'client' });
      assert.throws(() => composeDraft(broken.input), (e: unknown) => e instanceof TemplateError && e.message.startsWith(`${path.join('.project', 'templates', 'update.en.mustache')}:2: unclosed section "done"`));
      // The internal report does not use the client template.
      const internal = await gatherDraftInput({ ...base, client: 'Acme Retail', audience: 'internal' });
      assert.equal(internal.input.template, undefined);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
