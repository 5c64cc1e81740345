/** Redaction of internal host names, private addresses and URLs on them, from client text. */
import * as assert from 'node:assert/strict';
import { isInternalHost, makeRedactor, redactInternalHosts } from '../../../src/core/git/redact';

describe('git/redact: internal hosts and URLs', () => {
  const r = makeRedactor({});

  it('isInternalHost: private suffixes, loopback, private and link-local addresses; public ones are not', () => {
    for (const h of ['jira.internal.corp', 'build.internal', 'printer.lan', 'nas.local', 'wiki.intranet', 'box.localdomain', 'router.home.arpa', 'localhost', 'api.localhost',
      '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.20', '127.0.0.1', '169.254.10.1', '100.64.0.1', 'fd12:3456::1', 'fc00::1', 'fe80::1', '::1', '[fd00::2]', '::ffff:10.0.0.1', 'JIRA.Internal.Corp.']) {
      assert.equal(isInternalHost(h), true, h);
    }
    for (const h of ['acme.example', 'corp.example.com', 'local.example.org', '8.8.8.8', '172.32.0.1', '192.169.1.1', '11.0.0.1', '2001:db8::1', 'internal']) {
      assert.equal(isInternalHost(h), h === 'internal', h);
    }
  });

  it('removes the reference with the phrase that points at it, so the sentence reads whole', () => {
    const cases: Array<[string, string]> = [
      ['Fix login loop, see https://jira.internal.corp/browse/ACME-9', 'Fix login loop'],
      ['Fix login loop (see https://jira.internal.corp/browse/ACME-9)', 'Fix login loop'],
      ['Fix login loop (https://jira.internal.corp/browse/X).', 'Fix login loop.'],
      ['Faster search, see https://wiki.corp/search for details', 'Faster search'],
      ['Deployed to staging.internal on Monday', 'Deployed on Monday'],
      ['Dev server at localhost:3000 restarts itself', 'Dev server restarts itself'],
      ['Point the app at http://192.168.1.20:8080/api.', 'Point the app.'],
      ['Ask ops@build.corp to rotate keys', 'Ask to rotate keys'],
      ['上线说明：详见 https://wiki.corp/page。', '上线说明。'],
      ['Both http://localhost/x and https://printer.lan/ were down', 'Both were down'],
      ['Listens on [fd12:3456::1]:443 now', 'Listens now'],
    ];
    for (const [input, expected] of cases) assert.equal(r.client(input), expected, input);
  });

  it('leaves public hosts, file names and code alone (the same string back)', () => {
    for (const t of ['See https://acme.example/status for details', 'Support .env.local files', 'Settings in app.local.ts', 'Uses std::vector', 'Public DNS 8.8.8.8 answers', 'Docs at docs.corp.example.com', 'Route 2001:db8::1']) {
      assert.equal(redactInternalHosts(t), t, t);
      assert.equal(r.client(t), t, t);
    }
  });

  it('written (clients.md text): hosts and secrets go, ticket keys and e-mail addresses stay; internal keeps hosts', () => {
    const t = 'Confirm PO-2026 with jane@acme.example, details in https://jira.internal.corp/browse/OPS-1, token ghp_' + 'x'.repeat(36);
    assert.equal(r.written(t), 'Confirm PO-2026 with jane@acme.example, token [redacted]');
    assert.match(r.client(t), /^Confirm with \[redacted\], token \[redacted\]$/u);
    assert.match(r.internal(t), /jira\.internal\.corp/u);
  });
});
