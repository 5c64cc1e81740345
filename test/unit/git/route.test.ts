/** Routing commits to clients and linking them to commitments, on hand-built commits. */
import * as assert from 'node:assert/strict';
import { makeLinker } from '../../../src/core/git/link';
import { compilePath, makeRouter } from '../../../src/core/git/route';
import type { Commit } from '../../../src/core/git/types';
import { client, clientsFile, commitment } from '../../support/clients';

function commit(over: Partial<Commit>): Commit {
  return { hash: 'a'.repeat(40), parents: [], authorName: 'A', authorEmail: 'a@x', authorDate: '2026-11-20T10:00:00+00:00', subject: '', body: '', trailers: [], files: [], ...over };
}

describe('git/route', () => {
  it('matches prefixes and globs', () => {
    const m = (p: string, f: string) => compilePath(p)!(f);
    assert.equal(m('apps/acme/', 'apps/acme/src/x.ts'), true);
    assert.equal(m('apps/acme', 'apps/acme/src/x.ts'), true);
    assert.equal(m('apps/acme', 'apps/acme-old/x.ts'), false);
    assert.equal(m('./apps/acme', 'apps/acme'), true);
    assert.equal(m('packages/loyalty-*', 'packages/loyalty-api/src/a.ts'), true);
    assert.equal(m('packages/loyalty-*', 'packages/other/loyalty-x'), false);
    assert.equal(m('**/*.sql', 'db/migrations/001.sql'), true);
    assert.equal(m('**/*.sql', 'top.sql'), true);
    assert.equal(m('docs/*.md', 'docs/a/b.md'), false);
    assert.equal(m('src/[ab].ts', 'src/a.ts'), false, 'brackets are literal characters');
    assert.equal(m('src/[ab].ts', 'src/[ab].ts'), true);
    assert.equal(compilePath('  '), undefined);
  });
  const file = clientsFile(
    client({ name: 'Acme', contacts: [], paths: ['apps/acme/'], tags: ['acme'] }),
    client({ name: 'Globex', contacts: [], paths: ['apps/globex/'], tags: ['globex'] }),
    client({ name: 'Initech', contacts: [], tags: ['initech'] }),
  );
  const router = makeRouter(file);
  it('routes by paths, #tag, [tag], scope and Client: trailer', () => {
    assert.deepEqual(router.route(commit({ files: ['apps/acme/a.ts', 'apps/globex/b.ts'] })), ['Acme', 'Globex']);
    assert.deepEqual(router.route(commit({ subject: 'Fix footer #initech' })), ['Initech']);
    assert.deepEqual(router.route(commit({ subject: '[globex] Fix footer' })), ['Globex']);
    assert.deepEqual(router.route(commit({ subject: 'fix(initech): x' }), 'initech'), ['Initech']);
    assert.deepEqual(router.route(commit({ trailers: [{ key: 'Client', value: 'Acme, initech' }] })), ['Acme', 'Initech']);
    assert.deepEqual(router.route(commit({ subject: 'Fix #acmeish and acme word and https://x/#acme' })), []);
    assert.deepEqual(router.route(commit({ files: ['libs/shared.ts'] })), []);
  });
  it('lists the clients in file order, a name written twice as two clients (paths, tags and shared files alike)', () => {
    const twice = makeRouter(clientsFile(
      client({ name: 'Zeta', contacts: [], paths: ['z/'], tags: ['zeta'] }),
      client({ name: 'Acme', contacts: [], paths: ['a/'], tags: ['acme'] }),
      client({ name: 'Beta', contacts: [], paths: ['shared/'] }),
      client({ name: 'Acme', contacts: [], paths: ['b/'] }),
      client({ name: 'Gamma', contacts: [], paths: ['shared/'] }),
    ));
    assert.deepEqual(twice.route(commit({ subject: 'x #zeta', files: ['b/x.ts'] })), ['Zeta', 'Acme', 'Acme']);
    assert.deepEqual(twice.route(commit({ subject: 'x', files: ['b/x.ts', 'z/y.ts'] })), ['Zeta', 'Acme', 'Acme']);
    assert.deepEqual(twice.route(commit({ subject: 'x #acme', files: [] })), ['Acme', 'Acme']);
    assert.deepEqual(twice.routeWithReasons(commit({ subject: 'x', files: ['shared/x.ts'] })), { clients: [], named: [], shared: ['Beta', 'Gamma'] });
  });
  it('gives everything to the only client when it has no paths', () => {
    const only = makeRouter(clientsFile(client({ name: 'Solo', contacts: [] })));
    assert.deepEqual(only.route(commit({ files: ['x'] })), ['Solo']);
    assert.deepEqual(makeRouter(undefined).route(commit({ files: ['x'] })), []);
    assert.deepEqual(makeRouter(clientsFile(client({ name: 'Solo', contacts: [], paths: ['web/'] }))).route(commit({ files: ['x'] })), []);
  });
});

describe('git/link', () => {
  const file = clientsFile(
    client({ name: 'Acme', contacts: [], commitments: [commitment(0, 'Loyalty beta', { client: 'Acme', tags: ['loyalty'] }), commitment(1, 'Checkout', { client: 'Acme', tags: ['checkout', 'perf'] })] }),
    client({ name: '客户', contacts: [], commitments: [commitment(0, '会员', { client: '客户', tags: ['会员'] })] }),
  );
  const linker = makeLinker(file);
  it('links #tag in subject or body and Commitment: trailers', () => {
    assert.deepEqual(linker.link(commit({ subject: 'Add points #loyalty' })), ['Acme#0']);
    assert.deepEqual(linker.link(commit({ subject: 'x', body: 'Speeds up #Checkout' })), ['Acme#1']);
    assert.deepEqual(linker.link(commit({ subject: 'x', trailers: [{ key: 'Commitment', value: '#loyalty, perf' }] })), ['Acme#0', 'Acme#1']);
    assert.deepEqual(linker.link(commit({ subject: 'x', body: 'Commitment: checkout\nmore text after' })), ['Acme#1']);
    assert.deepEqual(linker.link(commit({ subject: '新增积分 #会员' })), ['客户#0']);
    assert.equal(linker.clientOf('客户#0'), '客户');
  });
  it('does not link partial tags or plain words', () => {
    assert.deepEqual(linker.link(commit({ subject: 'Add #loyalty-v2 and loyalty and #checkouts' })), []);
  });
  it('thousands of clients: routed by folder, #tag, [tag], scope and Client: trailer through indexes, same answers', () => {
    const many = Array.from({ length: 3000 }, (_, k) => client({ name: `Client ${k}`, paths: [`clients/c${k}/`, `apps/*/c${k}-web/`], tags: [`c${k}`] }));
    many.push(client({ name: 'Shared A', paths: ['libs/shared/'], tags: ['Ĳssel'] }), client({ name: 'Shared B', paths: ['libs/shared/'], tags: ['sb'] }));
    const router = makeRouter(clientsFile(...many));
    const started = performance.now();
    assert.deepEqual(router.route(commit({ subject: 'fix: totals', files: ['clients/c1234/a.ts', 'apps/x/c7-web/b.ts'] })), ['Client 7', 'Client 1234']);
    assert.deepEqual(router.routeWithReasons(commit({ subject: 'feat: [C42] and [ĳSSEL] export #c9', files: [] })), { clients: ['Shared A', 'Client 9', 'Client 42'].sort((a, b) => many.findIndex((c) => c.name === a) - many.findIndex((c) => c.name === b)), named: ['Client 9', 'Client 42', 'Shared A'] });
    assert.deepEqual(router.route(commit({ subject: 'chore: bump', files: ['README.md'] }), 'c5'), ['Client 5']);
    assert.deepEqual(router.route(commit({ subject: 'chore: bump', trailers: [{ key: 'Client', value: 'client 11, c12' }] })), ['Client 11', 'Client 12']);
    assert.deepEqual(router.routeWithReasons(commit({ subject: 'fix: shared', files: ['libs/shared/x.ts'] })), { clients: [], named: [], shared: ['Shared A', 'Shared B'] });
    assert.deepEqual(router.route(commit({ subject: 'fix: [c3 ] nothing', files: ['clients/c30000/x'] })), []);
    assert.ok(performance.now() - started < 2000, `took ${performance.now() - started} ms`);
  });
});
