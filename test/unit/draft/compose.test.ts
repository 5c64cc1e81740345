import * as assert from 'node:assert/strict';
import { composeDraft } from '../../../src/core/draft/compose';
import { greetingName } from '../../../src/core/l10n/names';
import type { DraftInput } from '../../../src/core/draft/input';
import { TemplateError } from '../../../src/core/draft/template';
import { markdownToHtml, markdownToText } from '../../../src/core/export/markdown';
import type { Client } from '../../../src/core/clients/model';
import type { ActivityItem } from '../../../src/core/git/types';
import { ask, client, clientsFile, commitment, item, risk } from '../../support/clients';

const TODAY = '2026-11-20';

function compose(c: Client, items: ActivityItem[] = [], extra: Partial<DraftInput> = {}) {
  return composeDraft({
    file: clientsFile(c),
    client: c.name,
    items,
    today: TODAY,
    period: { since: '2026-11-14', until: '2026-11-20' },
    audience: 'client',
    signature: 'Alice Martin',
    ...extra,
  });
}

const section = (d: ReturnType<typeof compose>, id: string) => d.sections.find((s) => s.id === id);

describe('draft: composer', () => {
  it('a quiet week says so and leaves out empty sections', () => {
    const d = compose(client());
    assert.equal(d.quiet, true);
    assert.deepEqual(d.sections, []);
    assert.equal(
      d.markdown,
      'Hi Jane,\n\nHere is our update for week 47 (14–20 Nov). It was a quiet week on our side: no new changes shipped, so this update is mostly about where things stand.\n\n**Overall status: On track** — nothing is late or at risk.\n\nBest regards,\nAlice Martin\n',
    );
    const zh = compose(client({ language: 'zh-CN' }));
    assert.match(zh.markdown, /^Jane，您好！\n\n以下是第47周（11月14日–20日）的项目进展。本周没有新的交付内容，以下主要汇报各项工作的当前状态。\n/);
    assert.ok(zh.markdown.endsWith('\n祝好！\nAlice Martin\n'));
  });

  it('groups done work by commitment first, then by kind, and merges identical lines', () => {
    const beta = commitment(0, 'Loyalty beta', { due: '2026-12-04' });
    const d = compose(client({ commitments: [beta] }), [
      item('Fix rounding of totals', { kind: 'fix', date: '2026-11-15' }),
      item('Onboarding screens', { commitmentIds: [beta.id], date: '2026-11-16' }),
      item('Store map shows opening hours', { kind: 'feature', date: '2026-11-17' }),
      item('Fix rounding of totals.', { kind: 'fix', date: '2026-11-18' }),
      item('Faster payment step', { kind: 'perf', date: '2026-11-19' }),
      item('Document the loyalty API', { kind: 'docs', date: '2026-11-19' }),
      item('bump vite', { hidden: 'bot', kind: 'other' }),
    ]);
    const done = section(d, 'done');
    assert.deepEqual(
      done?.lines.map((l) => [l.group, l.text, l.hashes.length]),
      [
        ['Loyalty beta', 'Onboarding screens', 1],
        ['New features', 'Store map shows opening hours', 1],
        ['Fixes', 'Fix rounding of totals', 2],
        ['Improvements', 'Faster payment step', 1],
        ['Documentation', 'Document the loyalty API', 1],
      ],
    );
    assert.match(d.markdown, /## Done this week\n\n\*\*Loyalty beta\*\*\n\n- Onboarding screens\n\n\*\*New features\*\*\n\n- Store map shows opening hours\n\n\*\*Fixes\*\*/);
    assert.doesNotMatch(d.markdown, /bump vite/);
    assert.equal(d.quiet, false);
  });

  it('a rollback reads as one to the client and is not counted as progress', () => {
    const pins = commitment(0, 'Opening hours on the map pins', { due: '2026-11-29' });
    const revert = item('Revert "Opening hours on map pins"', { kind: 'revert', commitmentIds: [pins.id], date: '2026-11-18', internalText: 'Revert "feat(locator): opening hours on map pins"' });
    const d = compose(client({ commitments: [pins] }), [revert]);
    assert.deepEqual(section(d, 'done')?.lines.map((l) => l.text), ['Rolled back: Opening hours on map pins']);
    // A conventional `revert:` commit, and a revert of a revert (the change is back).
    const more = compose(client(), [
      item('Feat(checkout): add coupon', { kind: 'revert', date: '2026-11-16' }),
      item('Revert "Revert "Store map""', { kind: 'revert', date: '2026-11-17' }),
    ]);
    assert.deepEqual(section(more, 'done')?.lines.map((l) => l.text), ['Rolled back: Add coupon', 'Store map']);
    assert.equal(section(d, 'inProgress'), undefined, 'a rollback alone does not make a commitment "in progress"');
    assert.ok(section(d, 'dueSoon')?.lines.some((l) => l.text.startsWith('Opening hours on the map pins')));
    const zh = compose(client({ commitments: [pins], language: 'zh-CN' }), [revert]);
    assert.deepEqual(section(zh, 'done')?.lines.map((l) => l.text), ['已撤回：Opening hours on map pins']);
    const internal = compose(client({ commitments: [pins] }), [revert], { audience: 'internal' });
    assert.ok(internal.markdown.includes('Revert "feat(locator): opening hours on map pins"'), 'the internal report keeps the subject as written');
  });

  it('flags a Chinese commit line in an English client e-mail for rewording, and nowhere else', () => {
    const items = [item('支付步骤 p95 从 3.1 秒降到 2.4 秒', { kind: 'perf' }), item('Port the 登录 page to the new design', { kind: 'feature' }), item('Faster checkout', { kind: 'perf' })];
    const flagged = (d: ReturnType<typeof compose>) => (section(d, 'done')?.lines ?? []).filter((l) => l.needsRewording).map((l) => l.text);
    assert.deepEqual(flagged(compose(client(), items)), ['支付步骤 p95 从 3.1 秒降到 2.4 秒']);
    assert.deepEqual(flagged(compose(client({ language: 'zh-CN' }), items)), ['Port the 登录 page to the new design', 'Faster checkout'], 'English lines in a Chinese e-mail');
    const reasons = (d: ReturnType<typeof compose>) => (section(d, 'done')?.lines ?? []).map((l) => [l.text, l.reword ?? []]);
    assert.deepEqual(reasons(compose(client(), [item('Update styling', { kind: 'other' }), item('Handle null in getCart', { kind: 'fix' })])), [
      ['Handle null in getCart', ['identifier']],
      ['Update styling', ['contentless']],
    ]);
    assert.deepEqual(flagged(compose(client(), items, { audience: 'internal' })), [], 'the team reads both');
  });

  it('a single kind of work needs no sub-heading', () => {
    const d = compose(client(), [item('Fix one', { kind: 'fix' }), item('Fix two', { kind: 'fix' })]);
    assert.match(d.markdown, /## Done this week\n\n- Fix one\n- Fix two\n\n/);
  });

  it('lists delivered, in progress, due soon, overdue (with a blank for the new date), risks, asks and the plan', () => {
    const c = client({
      commitments: [
        commitment(0, 'Locator redesign', { done: true, due: '2026-11-20', doneDate: '2026-11-18' }),
        commitment(1, 'Loyalty beta', { due: '2026-11-26' }),
        commitment(2, 'Opening hours', { due: '2026-11-29' }),
        commitment(3, 'Checkout speed', { due: '2026-11-17' }),
        commitment(4, 'Far away', { due: '2027-02-01' }),
      ],
      risks: [risk('low', 'Code freeze', 'agree dates'), risk('high', 'Provider retires v1', 'v2 behind a flag'), risk(undefined, 'Unrated risk')],
      asks: [ask('Brand assets', '2026-11-08'), ask('Old answered one', '2026-10-01', true), ask('Store list', '2026-11-19'), ask('Undated ask')],
    });
    const d = compose(c, [item('TestFlight pipeline', { commitmentIds: ['Acme Retail#1'] }), item('Cache tax rules', { commitmentIds: ['Acme Retail#3'], kind: 'perf' })], {
      proposedDates: { 'Acme Retail#3': '2026-11-27' },
    });
    const texts = (id: string) => section(d, id)?.lines.map((l) => l.text);
    assert.deepEqual(texts('delivered'), ['Locator redesign — delivered 18 Nov, ahead of the 20 Nov date']);
    assert.equal(texts('inProgress'), undefined, 'a commitment in progress is named once, in the plan');
    assert.deepEqual(texts('next'), ['Loyalty beta (due Thu 26 Nov; in progress, 1 change this week)'], 'the overdue one is not planned again: its new date is in Overdue');
    assert.deepEqual(texts('dueSoon'), ['Opening hours — due Sun 29 Nov (in 9 days)']);
    assert.deepEqual(texts('overdue'), ['“Checkout speed” was due 17 Nov; work continued after that date (1 change this week, the latest on 18 Nov). Proposed new date: 27 Nov']);
    assert.equal(section(d, 'overdue')?.lines[0].proposedDate, '2026-11-27');
    const past = compose(c, [], { proposedDates: { 'Acme Retail#3': '2026-11-19' } });
    assert.match(section(past, 'overdue')?.lines[0].text ?? '', /Proposed new date: ____$/, 'a date before today is no plan: the blank stays');
    assert.deepEqual(texts('risks'), [
      '**High:** Provider retires v1. What we are doing: v2 behind a flag.',
      '**Low:** Code freeze. What we are doing: agree dates.',
      'Unrated risk. What we are doing: ____ (to be agreed)',
    ]);
    assert.deepEqual(texts('asks'), ['Brand assets — waiting 12 days (asked 8 Nov)', 'Store list — waiting 1 day (asked 19 Nov)', 'Undated ask']);
    // The plan: everything open due by the end of next week, and work in progress; the overdue one's new date is told once, in Overdue.
    assert.doesNotMatch(section(d, 'next')?.lines.map((l) => l.text).join('\n') ?? '', /Checkout speed/);
    assert.deepEqual(
      d.sections.map((s) => s.title),
      ['Done this week', 'Commitments delivered this week', 'Overdue', 'Due in the next 14 days', 'Risks and how we are handling them', 'What we need from you', 'Plan for next week'],
    );
    const zh = compose({ ...c, language: 'zh-CN' }, []);
    assert.deepEqual(section(zh, 'overdue')?.lines.map((l) => l.text), ['“Checkout speed”未能按原定的11月17日完成。建议新日期：____']);
    assert.deepEqual(section(zh, 'next')?.lines.map((l) => l.text), ['Loyalty beta：11月26日（周四）到期']);
  });

  it('dates written in clients.md read as the reader\'s dates', () => {
    const c = client({ risks: [risk('high', 'Provider retires v1 on 2027-01-12', 'rehearse the switch by 2026-12-08')], asks: [ask('Store list by 2026-11-30')] });
    const d = compose(c);
    assert.deepEqual(section(d, 'risks')?.lines.map((l) => l.text), ['**High:** Provider retires v1 on 12 Jan 2027. What we are doing: rehearse the switch by 8 Dec.']);
    assert.deepEqual(section(d, 'asks')?.lines.map((l) => l.text), ['Store list by 30 Nov']);
    assert.deepEqual(d.status.reasons, ['a high risk is open (Provider retires v1 on 12 Jan 2027)']);
    const zhClient = client({ language: 'zh-CN', risks: [risk('high', '寒假报名高峰', '2026-11-30 前完成压测，12 月 2026-12-08 复盘')] });
    assert.deepEqual(section(compose(zhClient), 'risks')?.lines.map((l) => l.text), ['**高风险**：寒假报名高峰。应对：11月30日前完成压测，12 月12月8日复盘。']);
    const zh = compose({ ...c, language: 'zh-CN' });
    assert.deepEqual(section(zh, 'risks')?.lines.map((l) => l.text), ['**高风险**：Provider retires v1 on 2027年1月12日。应对：rehearse the switch by 12月8日。']);
  });

  it('carries over the last record\'s "next" items that are still open, marked as such', () => {
    const c = client({
      commitments: [
        commitment(0, 'Loyalty beta', { due: '2026-11-26' }),
        commitment(1, 'Locator redesign', { done: true, doneDate: '2026-11-10' }),
        commitment(2, 'Payments v2', { due: '2026-12-20' }),
      ],
    });
    const lastRecord = {
      client: 'Acme Retail',
      sent: '2026-11-13',
      period: { since: '2026-11-07', until: '2026-11-13' },
      next: ['Loyalty beta', 'Locator redesign', 'payments v2.', 'Measure checkout again'],
    };
    const d = compose(c, [], { lastRecord });
    const next = section(d, 'next')?.lines ?? [];
    assert.deepEqual(
      next.map((l) => [l.text, l.carriedOver === true]),
      [
        ['Loyalty beta (due Thu 26 Nov; carried over)', true],
        ['Payments v2 (due Sun 20 Dec; carried over)', true],
        ['Measure checkout again (carried over)', true],
      ],
    );
    const zh = compose({ ...c, language: 'zh-CN' }, [], { lastRecord });
    assert.deepEqual(section(zh, 'next')?.lines.map((l) => l.text), ['Loyalty beta：11月26日（周四）到期；上期计划顺延', 'Payments v2：12月20日（周日）到期；上期计划顺延', 'Measure checkout again：上期计划顺延']);
  });

  it('keeps hashes on every line; the client text has none unless footnotes are asked for', () => {
    const c = client({ commitments: [commitment(0, 'Beta', { due: '2026-11-30' })] });
    const a = item('Onboarding screens', { commitmentIds: ['Acme Retail#0'], hash: 'a'.repeat(40) });
    const b = item('Points card', { commitmentIds: ['Acme Retail#0'], hash: 'b'.repeat(40) });
    const d = compose(c, [a, b]);
    assert.deepEqual(section(d, 'next')?.lines[0].hashes, ['a'.repeat(40), 'b'.repeat(40)]);
    assert.doesNotMatch(d.markdown, /aaaaaaa|\\\[1\\\]/);
    const f = compose(c, [a, b], { footnotes: true });
    assert.match(f.markdown, /- Onboarding screens \\\[1\\\]\n- Points card \\\[2\\\]/);
    assert.match(f.markdown, /- Beta \(due Mon 30 Nov; in progress, 2 changes this week\) \\\[3\\\]/);
    assert.match(f.markdown, /---\n\nCommits behind each line:\n\n- \\\[1\\\] aaaaaaa\n- \\\[2\\\] bbbbbbb\n- \\\[3\\\] aaaaaaa, bbbbbbb\n$/);
    assert.match(markdownToText(f.markdown), /- Onboarding screens \[1\]/);
  });

  it('the internal report keeps original subjects, short hashes and the count of hidden commits', () => {
    const d = compose(
      client(),
      [
        item('Rounding of totals', { kind: 'fix', internalText: 'fix(checkout): ACME-142 round totals', hash: 'c'.repeat(40) }),
        item('Merge', { hidden: 'merge' }),
        item('bump', { hidden: 'bot' }),
        item('bump 2', { hidden: 'bot' }),
      ],
      { audience: 'internal' },
    );
    assert.equal(d.greeting, '');
    assert.equal(d.hiddenCount, 3);
    assert.match(d.markdown, /^Internal weekly report for Acme Retail, week 47 \(14–20 Nov\)\./);
    assert.match(d.markdown, /- fix\(checkout\): ACME-142 round totals \(`ccccccc`\)/);
    assert.match(d.markdown, /- 3 more commits not shown to the client \(1 merges, 2 by bots\)/);
    assert.ok(d.markdown.endsWith('\nAlice Martin\n'));
    const zh = compose(client({ language: 'zh-CN' }), [item('x', { kind: 'fix' })], { audience: 'internal' });
    assert.deepEqual(zh.sections.map((s) => s.title), ['本周工作']);
    assert.match(zh.subject, /^【Acme Retail】内部周报 第47周（11月14日–20日）$/);
  });

  it('dropped lines stay in the sections, marked, and leave the text', () => {
    const d = compose(client(), [item('Keep me', { hash: 'd'.repeat(40) }), item('Drop me', { hash: 'e'.repeat(40) })], { droppedLineIds: [`done:${'e'.repeat(12)}`] });
    assert.deepEqual(section(d, 'done')?.lines.map((l) => [l.text, l.dropped === true]), [['Keep me', false], ['Drop me', true]]);
    assert.match(d.markdown, /Keep me/);
    assert.doesNotMatch(d.markdown, /Drop me/);
    const all = compose(client(), [item('Only', { hash: 'f'.repeat(40) })], { droppedLineIds: [`done:${'f'.repeat(12)}`] });
    assert.doesNotMatch(all.markdown, /## Done/);
  });

  it('text from commits cannot become markup: escaped in markdown, shown as text in HTML', () => {
    const d = compose(client(), [item('<img src=x onerror=alert(1)> and [link](javascript:alert(1)) *bold* # not a heading', { hash: '1'.repeat(40) })]);
    const line = section(d, 'done')?.lines[0].text ?? '';
    assert.equal(line, '\\<img src=x onerror=alert(1)\\> and \\[link\\](javascript:alert(1)) \\*bold\\* # not a heading');
    const html = markdownToHtml(d.markdown);
    assert.doesNotMatch(html, /<img|<a |<em>/);
    assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;/);
  });

  it('subject, greeting and period names in both languages', () => {
    const d = compose(client({ contacts: [{ name: '李娜', email: 'li.na@xinghe.example' }] }), [], { language: 'zh-CN' });
    assert.equal(d.greeting, '李娜，您好！');
    assert.equal(greetingName('Jane Doe'), 'Jane');
    assert.equal(compose(client({ contacts: [] })).greeting, 'Hello,');
    const range = compose(client(), [], { period: { since: '2026-11-10', until: '2026-11-20' } });
    assert.equal(range.subject, '[Acme Retail] Project update — 10–20 Nov');
    assert.match(range.markdown, /Here is our update for 10–20 Nov\./);
    const lastWeek = compose(client(), [item('x')], { period: { since: '2026-11-09', until: '2026-11-15' } });
    assert.equal(lastWeek.subject, '[Acme Retail] Weekly update — week 46 (9–15 Nov)');
    assert.equal(lastWeek.sections[0].title, 'Done in week 46');
    const sinceLast = compose(client(), [item('x')], {
      period: { since: '2026-11-11', until: '2026-11-20' },
      lastRecord: { client: 'Acme Retail', sent: '2026-11-10', period: { since: '2026-11-04', until: '2026-11-10' }, next: [] },
    });
    assert.equal(sinceLast.sections[0].title, 'Done since our last update');
    const yearEnd = compose(client({ language: 'zh-CN' }), [], { today: '2026-12-31', period: { since: '2026-12-28', until: '2027-01-03' } });
    assert.equal(yearEnd.subject, '【Acme Retail】项目周报 第53周（2026年12月28日–2027年1月3日）');
  });

  it('a user template replaces the body; a broken one names the file and line', () => {
    const template = '{{greeting}}\n\n{{status.label}}: {{#status.reasons}}{{.}}{{/status.reasons}}\n{{#done}}\n## {{title}}\n{{#lines}}\n* {{text}}\n{{/lines}}\n{{/done}}\n{{signOff}}\n';
    const d = compose(client(), [item('One thing')], { template, templateName: '.project/templates/update.mustache' });
    assert.equal(d.markdown, 'Hi Jane,\n\nOn track: nothing is late or at risk\n## Done this week\n* One thing\nBest regards,\nAlice Martin\n');
    assert.throws(
      () => compose(client(), [], { template: 'Hi\n\n{{statu}}\n', templateName: '.project/templates/update.en.mustache' }),
      (e: unknown) => e instanceof TemplateError && e.line === 3 && /^\.project\/templates\/update\.en\.mustache:3: unknown placeholder "statu"/.test(e.message),
    );
    assert.throws(
      () => compose(client(), [], { template: 'a\nb\n{{#sections}}\n- {{title}}\n', templateName: 'update.mustache' }),
      (e: unknown) => e instanceof TemplateError && /^update\.mustache:3: unclosed section "sections"/.test(e.message),
    );
    assert.throws(() => compose(client(), [], { template: '{{> header}}', templateName: 't' }), /t:1: partials/);
    // Names of enclosing sections are visible inside (mustache looks up the context stack).
    const nested = compose(client(), [item('x')], { template: '{{#sections}}{{#lines}}{{client}}: {{text}}{{/lines}}{{/sections}}' });
    assert.equal(nested.markdown, 'Acme Retail: X\n');
  });

  it('lines the git part marks as near-repeats merge into the earlier line (client only)', () => {
    const first = item('Fix rounding of totals', { kind: 'fix', hash: '7'.repeat(40), date: '2026-11-16' });
    const again = { ...item('Fix rounding of totals', { kind: 'fix', hash: '8'.repeat(40), date: '2026-11-17', commitmentIds: ['Acme Retail#0'] }), duplicateOf: '7'.repeat(40) };
    const c = client({ commitments: [commitment(0, 'Beta', { due: '2026-12-30' })] });
    const d = compose(c, [first, again]);
    assert.deepEqual(section(d, 'done')?.lines.map((l) => [l.text, l.hashes.length]), [['Fix rounding of totals', 2]]);
    const internal = compose(c, [first, again], { audience: 'internal' });
    assert.equal(section(internal, 'done')?.lines.length, 2);
  });

  it('an unknown client is a clear error; a unique prefix is enough', () => {
    assert.equal(compose(client(), [], { client: 'acme' }).client, 'Acme Retail');
    assert.throws(() => compose(client(), [], { client: 'Globex' }), /no client named "Globex" in clients.md \(clients: "Acme Retail"\)/);
  });
});
