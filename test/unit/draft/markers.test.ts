/** Internal detail in a client e-mail (hashes, the team's ticket keys, the hidden-commits line) is found, and the CLI refuses it. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { composeDraft } from '../../../src/core/draft/compose';
import { findInternalMarkers, internalDetailNotice } from '../../../src/core/draft/markers';
import { wordNotice } from '../../../src/core/notices';
import { client, clientsFile, commitment, item } from '../../support/clients';
import { buildOnce, runCli } from '../../support/cli';
import { DEMO_TODAY, makeDemo } from '../../support/demo';

const HASH = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';

function compose(audience: 'client' | 'internal', extra: { footnotes?: boolean } = {}) {
  const c = client({ commitments: [commitment(0, 'Migrate PO-2026 orders', { tags: ['orders'] })] });
  const items = [
    item('Faster checkout', { hash: HASH, internalText: 'PAY-12 speed up checkout (see PO-2026)', commitmentIds: [] }),
    item('', { hidden: 'type', internalText: 'chore: bump deps' }),
  ];
  return composeDraft({ file: clientsFile(c), client: c.name, items, today: '2026-11-20', period: { since: '2026-11-14', until: '2026-11-20' }, audience, signature: 'Alice', ...extra });
}

describe('draft: internal detail in a client e-mail', function () {
  this.timeout(120000);

  it('the composed client e-mail carries none; the internal report carries all three kinds', () => {
    const clientDraft = compose('client');
    assert.ok(clientDraft.internalDetail);
    assert.deepEqual(clientDraft.internalDetail.ticketKeys, ['PAY-12'], 'PO-2026 is the lead’s own word in clients.md');
    assert.equal(clientDraft.internalDetail.hashes.length, 2);
    assert.deepEqual(findInternalMarkers(clientDraft.markdown, clientDraft.internalDetail), []);
    const internal = compose('internal');
    const kinds = findInternalMarkers(internal.markdown, clientDraft.internalDetail).map((m) => m.kind);
    assert.ok(kinds.includes('hash') && kinds.includes('ticket') && kinds.includes('hidden-line'), kinds.join());
  });

  it('finds each marker with its line and place, in either language; footnotes allow hashes', () => {
    const detail = { hashes: [HASH], ticketKeys: ['PAY-12'] };
    const text = 'Hi Jane,\n\n- Faster checkout (`a1b2c3d`)\n- PAY-12 done; PAY-123 is another key\n- 2 more commits not shown to the client (chore)\n- 另有 3 个提交未向客户展示\n- a1b2c3d4 again; deadbeef1 is no hash of ours\n';
    const found = findInternalMarkers(text, detail);
    assert.deepEqual(found.map((m) => [m.kind, m.text, m.line]), [
      ['hash', 'a1b2c3d', 2],
      ['ticket', 'PAY-12', 3],
      ['hidden-line', '2 more commits not shown to the client', 4],
      ['hidden-line', '另有 3 个提交未向客户展示', 5],
      ['hash', 'a1b2c3d4', 6],
    ]);
    assert.equal(text.slice(found[0].offset, found[0].offset + found[0].length), 'a1b2c3d');
    assert.deepEqual(findInternalMarkers(text, { ...detail, hashesAllowed: true }).map((m) => m.kind), ['ticket', 'hidden-line', 'hidden-line']);
    const notice = internalDetailNotice(found);
    assert.ok(notice);
    assert.match(wordNotice(notice), /^Not sent: this e-mail to the client carries internal detail \(“a1b2c3d”, “PAY-12”, .* line 3, 4, 5, 6, 7\)/);
    assert.equal(internalDetailNotice([]), undefined);
  });

  it('a client draft with footnotes may carry its hashes', () => {
    const d = compose('client', { footnotes: true });
    assert.equal(d.internalDetail?.hashesAllowed, true);
    assert.deepEqual(findInternalMarkers(d.markdown, d.internalDetail ?? { hashes: [], ticketKeys: [] }), []);
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

    it('a client template that prints the hashes is refused with the reason (exit 3, nothing written); internal is not', () => {
      const templates = path.join(repo, '.project', 'templates');
      fs.mkdirSync(templates, { recursive: true });
      fs.writeFileSync(path.join(templates, 'update.en.mustache'), '{{greeting}}\n\n{{#sections}}{{#lines}}- {{text}} ({{shortHashes}})\n{{/lines}}{{/sections}}\n{{signOff}}\n');
      const out = path.join(tmp, 'client.eml');
      const r = runCli(['draft', '--client', 'Acme Retail', '--format', 'eml', '--out', out], { cwd: repo, env });
      assert.equal(r.code, 3, r.stderr);
      assert.match(r.stderr, /Not sent: this e-mail to the client carries internal detail \(“[0-9a-f]{7}”/);
      assert.equal(fs.existsSync(out), false);
      const zh = runCli(['draft', '--client', 'Acme Retail'], { cwd: repo, env: { ...env, LC_ALL: 'zh_CN.UTF-8' } });
      assert.equal(zh.code, 3);
      assert.match(zh.stderr, /未发送：这封给客户的邮件含有内部信息/);
      const internal = runCli(['draft', '--client', 'Acme Retail', '--audience', 'internal'], { cwd: repo, env });
      assert.equal(internal.code, 0, internal.stderr);
      fs.rmSync(templates, { recursive: true, force: true });
      assert.equal(runCli(['draft', '--client', 'Acme Retail'], { cwd: repo, env }).code, 0);
    });
  });
});
