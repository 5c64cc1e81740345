/**
 * Recipients are validated where they are used: an address that is not a plain mailbox never
 * reaches a header or a mailto: URL, the draft names what was left out, `check` calls
 * header-breaking characters an error. The .eml is read back with the tests' own MIME reader.
 */
import * as assert from 'node:assert/strict';
import { composeDraft } from '../../../src/core/draft/compose';
import { buildEml, mailRecipients, mailtoUrl } from '../../../src/core/export/mail';
import { draftEnvelope } from '../../../src/core/draft/envelope';
import { parseClients } from '../../../src/core/clients/parse';
import { headerBreaking, leftOutNote, mailboxFault } from '../../../src/core/mailbox';
import { decodeWords, parseMime } from '../../support/mime';

const HOSTILE = 'b@client.example%0D%0ABcc:x@elsewhere.example';
const CLIENTS = `# Acme Retail

Contact: Jane Doe <jane.doe@client.example> (CTO)
Contact: Bob Stone <bob@client.example, eve@elsewhere.example>
Contact: Carl <carl@acme>
Cc: a@client.example, ${HOSTILE}
Language: en
`;

function draft() {
  const file = parseClients(CLIENTS);
  return {
    file,
    draft: composeDraft({ file, client: 'Acme Retail', items: [], today: '2026-11-20', period: { since: '2026-11-16', until: '2026-11-22' }, audience: 'client', signature: 'Alice Martin' }),
  };
}

describe('export: recipients are validated where they are used', () => {
  it('mailboxFault: plain mailboxes pass; header-breaking ones are unsafe, malformed ones invalid', () => {
    for (const ok of ['jane.doe@client.example', 'o\'brien+news@sub.client.example', '李娜@例子.中国', 'x@xn--fiqs8s.xn--fiqz9s']) assert.equal(mailboxFault(ok), undefined, ok);
    for (const bad of [HOSTILE, 'a@x.example\r\nBcc: y@z.example', 'a@x.example\u0000', 'a@x.example, b@y.example', 'Group: a@x.example;', '"a"@x.example', 'a@x.example>', '<a@x.example']) {
      assert.equal(mailboxFault(bad)?.kind, 'unsafe', bad);
    }
    for (const bad of ['carl@acme', 'no-at.example', 'a@@x.example', 'a b@x.example', '.a@x.example', 'a@-x.example', 'a@x.123', '']) assert.equal(mailboxFault(bad)?.kind, 'invalid', bad);
    assert.match(headerBreaking(HOSTILE) ?? '', /%0D/u);
    assert.match(headerBreaking('Jane <a@x.example>>') ?? '', /pair/u);
    assert.equal(headerBreaking('Jane <a@x.example> (CTO)'), undefined);
  });

  it('check: header-breaking characters are errors (unsafe-address); a malformed address stays a warning', () => {
    const { file } = draft();
    const unsafe = file.diagnostics.filter((d) => d.code === 'unsafe-address');
    assert.equal(unsafe.length, 2, JSON.stringify(file.diagnostics));
    assert.ok(unsafe.every((d) => d.severity === 'error'));
    assert.ok(unsafe.some((d) => /Cc/u.test(d.message) && /%0D/u.test(d.message)));
    assert.ok(unsafe.some((d) => /Bob Stone/u.test(d.message) && /more than one address/u.test(d.message)));
    const invalid = file.diagnostics.filter((d) => d.code === 'invalid-email');
    assert.deepEqual(invalid.map((d) => d.severity), ['warning']);
    assert.match(invalid[0].message, /carl@acme/u);
  });

  it('the draft keeps only usable recipients and names the others for the lead', () => {
    const { draft: d } = draft();
    assert.deepEqual(d.to.map((p) => p.email), ['jane.doe@client.example']);
    assert.deepEqual(d.cc, ['a@client.example']);
    const notes = (d.leftOut ?? []).map(leftOutNote);
    assert.equal(notes.length, 3, notes.join('\n'));
    assert.ok(notes.some((n) => n.includes('Bob Stone') && n.includes('(To)')));
    assert.ok(notes.some((n) => n.includes('Carl') && n.includes('carl@acme')));
    assert.ok(notes.some((n) => n.includes(JSON.stringify(HOSTILE)) && n.includes('(Cc)')));
    assert.doesNotMatch(d.markdown, /elsewhere|%0D/u, 'nothing of it reaches the text');
  });

  it('the .eml headers hold only the usable recipients; no group, no Bcc, no extra address', async () => {
    const { draft: d } = draft();
    // Even an envelope that still carries the hostile addresses (a caller that skipped the draft's filter).
    const envelope = { ...draftEnvelope(d), to: [...d.to, { name: 'Bob Stone', email: 'bob@client.example, eve@elsewhere.example' }], cc: ['a@client.example', HOSTILE] };
    const raw = (await buildEml(envelope, { from: { name: 'Alice', email: 'alice@agency.example\r\nBcc: spy@elsewhere.example' }, date: new Date('2026-11-20T09:00:00Z'), messageId: '<t@client-pulse>' })).toString('utf8');
    const msg = parseMime(raw);
    assert.equal(decodeWords(msg.headers.get('to') ?? ''), 'Jane Doe <jane.doe@client.example>');
    assert.equal(msg.headers.get('cc'), 'a@client.example');
    assert.equal(msg.headers.get('bcc'), undefined);
    assert.equal(msg.headers.get('from'), undefined, 'an unsafe sender is left out (the mail program fills it in)');
    const head = raw.slice(0, raw.indexOf('\r\n\r\n'));
    assert.doesNotMatch(head, /elsewhere|%0D|Bcc/iu, head);
    assert.doesNotMatch(head, /:\s*[^\r\n]*:\s*[^\r\n]*;/u, 'no group syntax');
  });

  it('the mailto: URL holds only the usable recipients', () => {
    const { draft: d } = draft();
    const url = mailtoUrl({ ...draftEnvelope(d), cc: [...d.cc, HOSTILE] }, { maxLength: 100_000 });
    assert.ok(url);
    const parsed = new URL(url);
    assert.equal(decodeURIComponent(parsed.pathname), 'jane.doe@client.example');
    assert.equal(parsed.searchParams.get('cc'), 'a@client.example');
    assert.doesNotMatch(url, /elsewhere/u);
    assert.deepEqual(mailRecipients({ to: [], cc: [HOSTILE, 'ok@client.example'] }).cc, ['ok@client.example']);
  });
});
