/**
 * Internal hosts never reach the client e-mail, from commits or from clients.md (commitment
 * titles, risks, asks, carried-over plans); the internal report keeps them.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { composeDraft } from '../../../src/core/draft/compose';
import { gatherDraftInput } from '../../../src/core/draft/gather';
import { commit, initRepo, useIsolatedGitConfig } from '../../support/git';
import { tempDir } from '../../support/temp';

const CLIENTS = `# Acme Retail

Contact: Jane Doe <jane.doe@acme.example> (CTO)
Language: en

## Commitments
- [ ] Move the search index off build.internal due:2026-11-27 #search

## Risks
- high: Staging at 10.0.0.12 keeps timing out (details in https://wiki.corp/staging) — mitigation: retry from vpn.acme.lan nightly

## Asks
- Please confirm PO-2026 covers the login work, see https://jira.internal.corp/browse/OPS-7 (asked 2026-11-16)
`;

const INTERNAL = /build\.internal|10\.0\.0\.12|wiki\.corp|acme\.lan|jira\.internal|internal\.corp/u;

describe('draft: internal hosts are redacted from every client-facing string', function () {
  this.timeout(60000);
  useIsolatedGitConfig();
  let repo: string;

  before(() => {
    repo = tempDir('draft-hosts');
    initRepo(repo);
    commit(repo, 'docs: clients file', { '.project/clients.md': CLIENTS }, '2026-11-02');
    commit(repo, 'fix: login loop on Safari, see https://jira.internal.corp/browse/ACME-9 #search', { 'src/login.ts': 'x' }, '2026-11-17');
    commit(repo, 'feat: search suggestions served from http://192.168.4.20:9200/', { 'src/search.ts': 'y' }, '2026-11-18');
  });
  after(() => fs.rmSync(repo, { recursive: true, force: true }));

  async function draft(audience: 'client' | 'internal') {
    const gathered = await gatherDraftInput({
      roots: [repo],
      clientsText: CLIENTS,
      projectDir: path.join(repo, '.project'),
      client: 'Acme Retail',
      period: { since: '2026-11-16', until: '2026-11-22' },
      today: '2026-11-20',
      weekStart: 'monday',
      audience,
      signature: 'Alice Martin',
    });
    return composeDraft(gathered.input);
  }

  it('the client e-mail has the work, the risk and the ask, without a host or address', async () => {
    const d = await draft('client');
    assert.doesNotMatch(d.markdown, INTERNAL, d.markdown);
    assert.match(d.markdown, /login loop on Safari/iu);
    assert.match(d.markdown, /Search suggestions/iu);
    assert.match(d.markdown, /Move the search index/u);
    assert.match(d.markdown, /Staging keeps timing out/u);
    assert.match(d.markdown, /PO-2026 covers the login work \(asked/u, "the lead's own reference stays; no hole");
    assert.match(d.markdown, /Move the search index \(due/u);
    for (const s of d.sections) for (const l of s.lines) assert.doesNotMatch(`${l.text} ${l.subject ?? ''} ${l.group ?? ''}`, INTERNAL);
  });

  it('the internal report keeps what the team needs', async () => {
    const d = await draft('internal');
    assert.match(d.markdown, /jira\.internal\.corp/u);
    assert.match(d.markdown, /10\.0\.0\.12/u);
  });
});
