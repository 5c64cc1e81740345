/** The `Repos:` / `仓库:` field: entries, per-repository paths, and `invalid-repo` for what cannot be a repository. */
import * as assert from 'node:assert/strict';
import { parseClients } from '../../../src/core/clients/parse';
import { splitRepoEntries } from '../../../src/core/clients/repos';

const file = (fields: string) => `# Acme Retail\n\nContact: Jane Doe <jane.doe@acme.example>\n${fields}\n\n## Commitments\n- [ ] Beta due:2026-12-04\n`;

describe('clients: Repos: field', () => {
  it('reads repositories and their paths, in English and Chinese', () => {
    const f = parseClients(file('Repos: ../api-server, ../mobile:apps/acme/|packages/acme-*'));
    const acme = f.clients[0];
    assert.deepEqual(acme.repos.map((r) => [r.path, r.paths]), [['../api-server', []], ['../mobile', ['apps/acme/', 'packages/acme-*']]]);
    assert.deepEqual(f.diagnostics, []);
    const zh = parseClients(file('仓库：../后端，/srv/git/mobile：apps/acme/')).clients[0];
    assert.deepEqual(zh.repos.map((r) => [r.path, r.paths]), [['../后端', []], ['/srv/git/mobile', ['apps/acme/']]]);
  });

  it('points each entry at its own characters', () => {
    const text = file('Repos: ../api,  ../web');
    const f = parseClients(text);
    const [api, web] = f.clients[0].repos;
    assert.equal(text.slice(api.span.startOffset, api.span.endOffset), '../api');
    assert.equal(text.slice(web.span.startOffset, web.span.endOffset), '../web');
  });

  it('keeps a Windows drive letter as part of the path', () => {
    assert.deepEqual(splitRepoEntries('C:\\work\\api, D:/work/mobile:apps/acme/').map((e) => [e.path, e.paths]), [['C:\\work\\api', []], ['D:/work/mobile', ['apps/acme/']]]);
  });

  it('reports entries that cannot name a repository, and keeps the others', () => {
    const text = file('Repos: https://git.example/acme.git, :apps/, ., ../api:, ../web:../other/, ../ok, ../ok/');
    const f = parseClients(text);
    assert.deepEqual(f.clients[0].repos.map((r) => r.path), ['../ok']);
    const bad = f.diagnostics.filter((d) => d.code === 'invalid-repo');
    assert.deepEqual(bad.map((d) => text.slice(d.span.startOffset, d.span.endOffset)), ['https://git.example/acme.git', ':apps/', '.', '../api:', '../web:../other/', '../ok/']);
    assert.deepEqual(bad.map((d) => d.severity), ['error', 'error', 'error', 'error', 'error', 'warning']);
    assert.match(bad[0].message, /URL/u);
    assert.match(bad[5].message, /listed twice/u);
  });

  it('is a known field (no unknown-field), and a near miss is suggested', () => {
    assert.equal(parseClients(file('Repos: ../api')).diagnostics.length, 0);
    const near = parseClients(file('Repoz: ../api')).diagnostics.find((d) => d.code === 'unknown-field');
    assert.ok(near?.fix);
    assert.equal(near.fix.edits[0].newText, 'Repos');
  });
});
