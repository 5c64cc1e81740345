/** The internal report is never addressed to the client: core's recipients, the CLI's headers and its .eml. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { composeDraft } from '../../../src/core/draft/compose';
import { parseClients } from '../../../src/core/clients/parse';
import { mailtoUrl } from '../../../src/core/export/mail';
import { draftEnvelope } from '../../../src/core/draft/envelope';
import { buildOnce, runCli } from '../../support/cli';
import { DEMO_TODAY, makeDemo } from '../../support/demo';
import { decodeWords, parseMime } from '../../support/mime';

const FILE = `# Acme
Contact: Jane Doe <jane@acme.example>
Cc: pmo@acme.example
Owner: Alice Martin <alice@agency.example>

## Commitments
- [ ] Beta due:2026-11-10 #beta
`;

function compose(text: string, audience: 'client' | 'internal') {
  return composeDraft({ file: parseClients(text), client: 'Acme', items: [], today: '2026-11-20', period: { since: '2026-11-14', until: '2026-11-20' }, audience, signature: 'Alice' });
}

describe('draft: recipients follow the audience', function () {
  this.timeout(120000);

  it('client: the contacts and the Cc; internal without Team: the Owner only, no Cc, subject says internal', () => {
    const client = compose(FILE, 'client');
    assert.deepEqual(client.to.map((p) => p.email), ['jane@acme.example']);
    assert.deepEqual(client.cc, ['pmo@acme.example']);
    const internal = compose(FILE, 'internal');
    assert.deepEqual(internal.to, [{ name: 'Alice Martin', email: 'alice@agency.example' }]);
    assert.deepEqual(internal.cc, []);
    assert.match(internal.subject, /Internal/);
    const url = mailtoUrl(draftEnvelope(internal)) ?? '';
    assert.match(url, /^mailto:alice%40agency\.example\?subject=/);
    assert.doesNotMatch(url, /acme\.example/);
  });

  it('internal without Team: the Owner To and the Backup Cc, a client address never', () => {
    const withBackup = compose(FILE.replace('Owner:', 'Backup: 王伟 <wang.wei@agency.example>\nOwner:'), 'internal');
    assert.deepEqual(withBackup.to.map((p) => p.email), ['alice@agency.example']);
    assert.deepEqual(withBackup.cc, ['wang.wei@agency.example']);
    const backupIsClient = compose(FILE.replace('Owner:', 'Backup: PMO <pmo@acme.example>\nOwner:'), 'internal');
    assert.deepEqual(backupIsClient.cc, []);
  });

  it('internal with Team: (团队:) goes to the team only, never to a client contact, the Owner not added', () => {
    const text = FILE.replace('Owner:', 'Team: Bob Li <bob@agency.example>, Jane <jane@acme.example>; carol@agency.example\nBackup: 王伟 <wang.wei@agency.example>\nOwner:');
    const internal = compose(text, 'internal');
    assert.deepEqual(internal.to.map((p) => [p.name, p.email]), [['Bob Li', 'bob@agency.example'], ['carol', 'carol@agency.example']]);
    assert.deepEqual(internal.cc, []);
    assert.match(internal.subject, /^\[Acme\] Internal/);
    const zh = compose(text.replace('Team:', '团队：'), 'internal');
    assert.deepEqual(zh.to.map((p) => p.email), ['bob@agency.example', 'carol@agency.example']);
    // The client e-mail is unchanged by Team:.
    assert.deepEqual(compose(text, 'client').to.map((p) => p.email), ['jane@acme.example']);
  });

  it('Team: entries are checked like the other contact fields (no address, a bad one, one that breaks a header)', () => {
    const file = parseClients(FILE.replace('Owner:', 'Team: Bob Li, bob@agency, ok@agency.example, x@agency.example%0ABcc:evil@elsewhere.example\nOwner:'));
    const diags = file.diagnostics.map((d) => [d.code, d.severity, FILE.split('\n')[0] && d.message.split(':')[0]]);
    assert.deepEqual(file.diagnostics.map((d) => d.code), ['invalid-email', 'invalid-email', 'unsafe-address'], JSON.stringify(diags));
    assert.match(file.diagnostics[0].message, /Team member "Bob Li" has no e-mail address/);
    assert.match(file.diagnostics[1].message, /"bob@agency" is not a valid e-mail address for team member/);
    const internal = composeDraft({ file, client: 'Acme', items: [], today: '2026-11-20', period: { since: '2026-11-14', until: '2026-11-20' }, audience: 'internal', signature: '' });
    assert.deepEqual(internal.to.map((p) => p.email), ['ok@agency.example']);
    assert.deepEqual(internal.leftOut?.map((l) => l.name), ['Bob Li', 'bob', 'x']);
  });

  it('internal without an Owner (or with an Owner who is a client contact): nobody', () => {
    const noOwner = compose(FILE.replace(/^Owner:.*\n/m, ''), 'internal');
    assert.deepEqual([noOwner.to, noOwner.cc], [[], []]);
    const same = compose(FILE.replace('alice@agency.example', 'Jane@acme.example'), 'internal');
    assert.deepEqual([same.to, same.cc], [[], []]);
  });

  describe('CLI', () => {
    let tmp: string;
    let repo: string;
    const env = { CLIENT_PULSE_TODAY: DEMO_TODAY };
    before(() => {
      buildOnce();
      ({ tmp, repo } = makeDemo());
    });
    after(() => fs.rmSync(tmp, { recursive: true, force: true }));

    it('draft --audience internal --format eml goes To the Owner (Cc the Backup), never to a client address', () => {
      const out = path.join(tmp, 'internal.eml');
      const r = runCli(['draft', '--client', 'Acme Retail', '--audience', 'internal', '--format', 'eml', '--out', out], { cwd: repo, env });
      assert.equal(r.code, 0, r.stderr);
      const mime = parseMime(fs.readFileSync(out, 'utf8'));
      assert.equal(decodeWords(mime.headers.get('to') ?? ''), 'Alice Martin <alice@agency.example>');
      assert.equal(mime.headers.get('cc'), 'wang.wei@agency.example');
      assert.match(decodeWords(mime.headers.get('subject') ?? ''), /Internal/);
      assert.doesNotMatch([...mime.headers.values()].join('\n'), /acme\.example/);
      const md = runCli(['draft', '--client', 'Acme Retail', '--audience', 'internal'], { cwd: repo, env });
      const head = md.stdout.split('\n\n')[0];
      assert.match(head, /^To: Alice Martin <alice@agency\.example>$/m);
      assert.match(head, /^Cc: wang\.wei@agency\.example$/m);
      assert.doesNotMatch(head, /acme\.example/m);
    });
  });
});
