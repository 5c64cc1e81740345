/** `client-pulse draft` run as a real process on the demo workspace. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { draftWithHeaders } from '../../../src/cli/commands/draft';
import { composeDraft } from '../../../src/core/draft/compose';
import { gatherDraftInput } from '../../../src/core/draft/gather';
import { markdownToText } from '../../../src/core/export/markdown';
import { buildOnce, runCli } from '../../support/cli';
import { DEMO_TODAY, makeDemo } from '../../support/demo';
import { decodeWords, leaves, parseMime } from '../../support/mime';

describe('draft: CLI', function () {
  this.timeout(120000);
  let tmp: string;
  let repo: string;
  const env = { CLIENT_PULSE_TODAY: DEMO_TODAY };

  before(() => {
    buildOnce();
    ({ tmp, repo } = makeDemo());
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  async function composed(client: string, extra: { language?: 'en' | 'zh-CN'; audience?: 'client' | 'internal' } = {}) {
    const g = await gatherDraftInput({
      roots: [repo],
      clientsText: fs.readFileSync(path.join(repo, '.project', 'clients.md'), 'utf8'),
      projectDir: path.join(repo, '.project'),
      client,
      today: DEMO_TODAY,
      weekStart: 'monday',
      audience: extra.audience ?? 'client',
      signature: 'Alice Martin',
      ...(extra.language ? { language: extra.language } : {}),
    });
    return composeDraft(g.input);
  }

  it('prints the same draft as composeDraft (markdown, both languages, both audiences)', async () => {
    const en = runCli(['draft', '--client', 'Acme Retail', '--signature', 'Alice Martin'], { cwd: repo, env });
    assert.equal(en.code, 0, en.stderr);
    const d = await composed('Acme Retail');
    assert.equal(en.stdout, draftWithHeaders(d, d.markdown));
    assert.match(en.stdout, /^Subject: \[Acme Retail\] Weekly update — week 47 \(14–20 Nov\)\nTo: Jane Doe <jane.doe@acme.example>, Daniel Brooks <daniel.brooks@acme.example>\nCc: pmo@acme.example\n\nHi Jane,\n/);

    const zh = runCli(['draft', '-C', repo, '--client', 'acme retail', '--lang', 'zh-CN', '--audience', 'internal', '--signature', 'Alice Martin'], { env });
    assert.equal(zh.code, 0, zh.stderr);
    const z = await composed('Acme Retail', { language: 'zh-CN', audience: 'internal' });
    assert.equal(zh.stdout, draftWithHeaders(z, z.markdown));
    assert.match(zh.stdout, /^Subject: 【Acme Retail】内部周报 第47周/);
  });

  it('text, html and eml formats', async () => {
    const d = await composed('星河教育', {});
    const text = runCli(['draft', '--client', '星河教育', '--format', 'text', '--signature', 'Alice Martin'], { cwd: repo, env });
    assert.equal(text.code, 0, text.stderr);
    assert.equal(text.stdout, draftWithHeaders(d, markdownToText(d.markdown)));
    const html = runCli(['draft', '--client', '星河教育', '--format', 'html', '--signature', 'Alice Martin'], { cwd: repo, env });
    assert.match(html.stdout, /^<!DOCTYPE html>\n<html lang="zh-CN">/);
    const out = path.join(tmp, 'update.eml');
    const eml = runCli(['draft', '--client', '星河教育', '--format', 'eml', '--out', out, '--signature', 'Alice Martin'], { cwd: repo, env });
    assert.equal(eml.code, 0, eml.stderr);
    assert.equal(eml.stdout, '');
    const msg = parseMime(fs.readFileSync(out, 'utf8'));
    assert.equal(decodeWords(msg.headers.get('subject') ?? ''), d.subject);
    assert.match(decodeWords(msg.headers.get('from') ?? ''), /王伟 <wang.wei@agency.example>/);
    assert.equal(leaves(msg)[0].body.replace(/\r\n/g, '\n'), markdownToText(d.markdown));
  });

  it('--save records the update; the next default period starts after it', async () => {
    const work = makeDemo();
    try {
      const first = runCli(['draft', '--client', 'Northwind Logistics', '--period', 'last-week', '--save'], { cwd: work.repo, env });
      assert.equal(first.code, 0, first.stderr);
      assert.match(first.stderr, /Record saved: \.project\/updates\/2026-11-20-northwind-logistics\.md/);
      const again = runCli(['draft', '--client', 'Northwind Logistics', '--save'], { cwd: work.repo, env });
      assert.equal(again.code, 0, again.stderr);
      // Last week was 9–15 Nov: the default period now runs 16–20 Nov.
      assert.match(again.stdout, /^Subject: \[Northwind Logistics\] Project update — 16–20 Nov\n/);
      assert.match(again.stderr, /2026-11-20-northwind-logistics-2\.md/);
      assert.ok(fs.existsSync(path.join(work.repo, '.project', 'updates', '2026-11-20-northwind-logistics.md')));
    } finally {
      fs.rmSync(work.tmp, { recursive: true, force: true });
    }
  });

  it('clear errors: missing or unknown client, bad period, bad format', () => {
    const missing = runCli(['draft'], { cwd: repo, env });
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /--client is required/);
    const unknown = runCli(['draft', '--client', 'Globex'], { cwd: repo, env });
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /no client named "Globex" in clients.md \(clients: "Acme Retail", "Northwind Logistics", "星河教育"\)/);
    assert.doesNotMatch(unknown.stderr, /Usage:/);
    const period = runCli(['draft', '--client', 'Acme Retail', '--period', '2026-11-20..2026-11-01'], { cwd: repo, env });
    assert.equal(period.code, 2);
    assert.match(period.stderr, /--period: the period starts after it ends/);
    const format = runCli(['draft', '--client', 'Acme Retail', '--format', 'pdf'], { cwd: repo, env });
    assert.equal(format.code, 2);
    assert.match(format.stderr, /--format must be md, text, html, eml; got "pdf"/);
  });

  it('prints each line to reword on stderr with its reason; --strict exits 1 while any remain', () => {
    const plain = runCli(['draft', '--client', 'Acme Retail', '--signature', 'Alice Martin'], { cwd: repo, env });
    assert.equal(plain.code, 0);
    assert.match(plain.stderr, /note: reword before sending \(is in Chinese in an English e-mail\): 支付步骤 p95 从 3\.1 秒降到 2\.4 秒\n/);
    const strict = runCli(['draft', '--client', 'Acme Retail', '--signature', 'Alice Martin', '--strict'], { cwd: repo, env });
    assert.equal(strict.code, 1);
    assert.equal(strict.stdout, plain.stdout, 'the draft is still written');
    assert.match(strict.stderr, /\d+ lines? to reword \(--strict\)\n/);
  });

  it('--new-date writes the proposed date into the overdue line and the plan; bad ones are refused', () => {
    const ok = runCli(['draft', '--client', 'Acme Retail', '--new-date', '#checkout=2026-12-04', '--signature', 'Alice Martin'], { cwd: repo, env });
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /“Checkout p95 under 2 s on the payment step” was due 17 Nov; work continued after that date .* Proposed new date: 4 Dec\n/);
    assert.doesNotMatch(ok.stdout, /Proposed new date: ____/);
    const byTitle = runCli(['draft', '--client', 'Acme Retail', '--lang', 'zh-CN', '--new-date', 'checkout p95=2026-12-04'], { cwd: repo, env });
    assert.match(byTitle.stdout, /建议新日期：12月4日/);
    for (const [arg, reason] of [
      ['checkout', /--new-date must be TAG=YYYY-MM-DD/],
      ['checkout=2026-02-30', /--new-date: 2026-02-30 is not a real date/],
      ['checkout=2026-11-01', /2026-11-01 is in the past/],
      ['nothing=2026-12-04', /no overdue commitment of Acme Retail is "nothing" \(overdue: #checkout\)/],
      ['loyalty=2026-12-04', /no overdue commitment of Acme Retail is "loyalty"/],
    ] as const) {
      const r = runCli(['draft', '--client', 'Acme Retail', '--new-date', arg], { cwd: repo, env });
      assert.equal(r.code, 2, arg);
      assert.match(r.stderr, reason);
    }
  });
});
