import * as assert from 'node:assert/strict';
import { composeDraft } from '../../../src/core/draft/compose';
import { buildEml, mailtoUrl, MAILTO_MAX_LENGTH } from '../../../src/core/export/mail';
import { localDateOf } from '../../../src/core/calendar';
import { draftEnvelope } from '../../../src/core/draft/envelope';
import { isAllowedLink, markdownToHtml, markdownToHtmlDocument, markdownToText } from '../../../src/core/export/markdown';
import type { Client } from '../../../src/core/clients/model';
import { client, clientsFile, commitment, item } from '../../support/clients';
import { decodeWords, leaves, parseMime } from '../../support/mime';

function draftFor(c: Client, texts: string[] = ['Onboarding screens for the loyalty app']) {
  return composeDraft({
    file: clientsFile(c),
    client: c.name,
    items: texts.map((t) => item(t)),
    today: '2026-11-20',
    period: { since: '2026-11-14', until: '2026-11-20' },
    audience: 'client',
    signature: 'Alice Martin',
  });
}

const zhClient = () =>
  client({
    name: 'Acme Retail',
    language: 'zh-CN',
    contacts: [{ name: '李娜', email: 'li.na@xinghe.example' }],
    cc: ['pm@xinghe.example'],
    commitments: [commitment(0, '课程报名页上线', { due: '2026-11-30' })],
  });

describe('export: markdown, text and HTML', () => {
  it('allows only https: and mailto: links', () => {
    assert.equal(isAllowedLink('https://acme.example'), true);
    assert.equal(isAllowedLink('mailto:jane@acme.example'), true);
    for (const bad of ['http://acme.example', 'javascript:alert(1)', 'command:workbench.action.quit', 'data:text/html,x', 'vscode://x']) {
      assert.equal(isAllowedLink(bad), false, bad);
    }
    const html = markdownToHtml('[ok](https://a.example) [no](javascript:alert(1)) [cmd](command:x) <b>raw</b> https://bare.example');
    assert.match(html, /<a href="https:\/\/a.example">ok<\/a>/);
    assert.doesNotMatch(html, /href="(javascript|command)/);
    assert.match(html, /&lt;b&gt;raw&lt;\/b&gt;/);
    assert.doesNotMatch(html, /href="https:\/\/bare/); // no linkify
  });

  it('never renders an image: a picture written in clients.md is at most a link (no remote load)', () => {
    const source = 'Sign-off needed ![pixel](https://evil.example/t.png) and ![x](data:image/png;base64,AAAA)';
    const html = markdownToHtml(source);
    assert.doesNotMatch(html, /<img/);
    assert.match(html, /!<a href="https:\/\/evil\.example\/t\.png">pixel<\/a>/, 'an https picture becomes a link the reader may follow');
    assert.ok(html.includes('![x](data:image/png;base64,AAAA)'), 'a data: picture stays as the text written');
    assert.match(markdownToText(source), /pixel \(https:\/\/evil\.example\/t\.png\)/);
  });

  it('plain text keeps headings, list markers and the two-line sign-off, without markdown escapes', () => {
    const d = draftFor(client(), ['Totals *rounded* before <vouchers>']);
    const text = markdownToText(d.markdown);
    assert.equal(
      text,
      [
        'Hi Jane,',
        '',
        'Here is our update for week 47 (14–20 Nov).',
        '',
        'Overall status: On track — nothing is late or at risk.',
        '',
        'Done this week',
        '',
        '- Totals *rounded* before <vouchers>',
        '',
        'Best regards,',
        'Alice Martin',
        '',
      ].join('\n'),
    );
    const doc = markdownToHtmlDocument(d.markdown, d.subject, d.language);
    assert.match(doc, /<html lang="en">/);
    assert.match(doc, /<p>Best regards,<br>\nAlice Martin<\/p>/);
  });
});

describe('export: .eml', () => {
  it('encodes a Chinese subject as UTF-8 encoded words and carries text and HTML alternatives', async () => {
    const d = draftFor(zhClient(), ['报名页支持微信支付']);
    assert.equal(d.subject, '【Acme Retail】项目周报 第47周（11月14日–20日）');
    const raw = (await buildEml(draftEnvelope(d), { from: { name: 'Alice Martin', email: 'alice@agency.example' }, date: new Date('2026-11-20T09:00:00Z'), messageId: '<draft-1@client-pulse>' })).toString('utf8');
    assert.ok(/^[\x00-\x7f]*$/.test(raw), 'the message is 7-bit clean');
    const msg = parseMime(raw);
    const subject = msg.headers.get('subject') ?? '';
    assert.match(subject, /^=\?UTF-8\?[BQ]\?/);
    assert.equal(decodeWords(subject), d.subject);
    assert.equal(decodeWords(msg.headers.get('to') ?? ''), '李娜 <li.na@xinghe.example>');
    assert.equal(msg.headers.get('cc'), 'pm@xinghe.example');
    assert.equal(msg.headers.get('from'), 'Alice Martin <alice@agency.example>');
    assert.equal(msg.headers.get('x-unsent'), '1');
    assert.equal(msg.headers.get('message-id'), '<draft-1@client-pulse>');
    assert.match(msg.headers.get('content-type') ?? '', /^multipart\/alternative;/);
    const [text, html] = leaves(msg);
    assert.match(text.headers.get('content-type') ?? '', /^text\/plain; charset=utf-8/);
    assert.match(html.headers.get('content-type') ?? '', /^text\/html; charset=utf-8/);
    assert.equal(text.body.replace(/\r\n/g, '\n'), markdownToText(d.markdown));
    assert.match(text.body, /李娜，您好！/);
    assert.match(text.body, /- 报名页支持微信支付/);
    assert.match(html.body, /<h2[^>]*>本周完成<\/h2>/);
    assert.match(html.body, /<li>报名页支持微信支付<\/li>/);
  });

  it("dates the message on the draft's today (CLIENT_PULSE_TODAY), not the clock's day", async () => {
    const d = draftFor(client());
    assert.equal(d.today, '2026-11-20');
    const date = parseMime((await buildEml(draftEnvelope(d), { messageId: '<x@y>' })).toString('utf8')).headers.get('date') ?? '';
    assert.match(date, /^\w{3}, 20 Nov 2026 \d{2}:\d{2}:\d{2} [+-]\d{4}$/u, date);
    const onToday = { ...d, today: localDateOf(new Date()) };
    const now = Date.parse(parseMime((await buildEml(draftEnvelope(onToday), { messageId: '<x@y>' })).toString('utf8')).headers.get('date') ?? '');
    assert.ok(Math.abs(now - Date.now()) < 60_000, 'on the real day, the real time');
  });

  it('the same draft and date give the same bytes', async () => {
    const d = draftFor(client());
    const opts = { date: new Date('2026-11-20T09:00:00Z'), messageId: '<x@y>' };
    const a = (await buildEml(draftEnvelope(d), opts)).toString('utf8').replace(/_NmP-[0-9a-f]+-Part/g, 'B');
    const b = (await buildEml(draftEnvelope(d), opts)).toString('utf8').replace(/_NmP-[0-9a-f]+-Part/g, 'B');
    assert.equal(a, b);
  });
});

describe('export: mailto', () => {
  it('builds an encoded mailto: URL with recipients, cc, subject and the plain body', () => {
    const d = draftFor(zhClient());
    const url = mailtoUrl(draftEnvelope(d));
    assert.ok(url);
    const parsed = new URL(url);
    assert.equal(parsed.protocol, 'mailto:');
    assert.equal(decodeURIComponent(parsed.pathname), 'li.na@xinghe.example');
    assert.equal(parsed.searchParams.get('subject'), d.subject);
    assert.equal(parsed.searchParams.get('cc'), 'pm@xinghe.example');
    assert.equal(parsed.searchParams.get('body'), markdownToText(d.markdown).replace(/\n/g, '\r\n'));
    assert.ok(url.length <= MAILTO_MAX_LENGTH);
  });

  it('returns undefined when the URL would be too long (the caller falls back to .eml)', () => {
    const long = draftFor(client(), Array.from({ length: 40 }, (_, i) => `Improvement number ${i} to the store locator`));
    assert.equal(mailtoUrl(draftEnvelope(long)), undefined);
    const url = mailtoUrl(draftEnvelope(long), { maxLength: 100_000 });
    assert.ok(url && url.length > MAILTO_MAX_LENGTH);
    const short = draftFor(client());
    const exact = mailtoUrl(draftEnvelope(short), { maxLength: 100_000 }) as string;
    assert.equal(mailtoUrl(draftEnvelope(short), { maxLength: exact.length }), exact);
    assert.equal(mailtoUrl(draftEnvelope(short), { maxLength: exact.length - 1 }), undefined);
  });
});
