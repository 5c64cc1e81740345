import * as assert from 'node:assert/strict';
import { escapeInline } from '../../../src/core/draft/escape';
import { defaultPeriod } from '../../../src/core/draft/period';
import { formatDay, formatDayWithWeekday, formatRange } from '../../../src/core/l10n/dates';
import { markdownToHtml, markdownToText } from '../../../src/core/export/markdown';

describe('draft: dates for the reader', () => {
  it('days and weekdays in both languages, the year only when it is not the current one', () => {
    assert.equal(formatDay('2026-11-27', 'en', 2026), '27 Nov');
    assert.equal(formatDay('2027-01-03', 'en', 2026), '3 Jan 2027');
    assert.equal(formatDay('2026-11-27', 'zh-CN', 2026), '11月27日');
    assert.equal(formatDay('2027-01-03', 'zh-CN', 2026), '2027年1月3日');
    assert.equal(formatDayWithWeekday('2026-11-27', 'en', 2026), 'Fri 27 Nov');
    assert.equal(formatDayWithWeekday('2026-11-27', 'zh-CN', 2026), '11月27日（周五）');
  });

  it('every month and weekday name, the same on every Node and Electron (no ICU data involved)', () => {
    const months = Array.from({ length: 12 }, (_, i) => formatDay(`2026-${String(i + 1).padStart(2, '0')}-01`, 'en', 2026).slice(2));
    assert.deepEqual(months, ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']);
    // 2026-11-23 is a Monday.
    const week = Array.from({ length: 7 }, (_, i) => `2026-11-${23 + i}`);
    assert.deepEqual(week.map((d) => formatDayWithWeekday(d, 'en', 2026).slice(0, 3)), ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
    assert.deepEqual(week.map((d) => /（(.+)）/.exec(formatDayWithWeekday(d, 'zh-CN', 2026))?.[1]), ['周一', '周二', '周三', '周四', '周五', '周六', '周日']);
    assert.equal(formatDayWithWeekday('2027-09-05', 'en', 2026), 'Sun 5 Sep 2027');
  });

  it('ranges within a month, across months and across years', () => {
    assert.equal(formatRange('2026-11-16', '2026-11-22', 'en', 2026), '16–22 Nov');
    assert.equal(formatRange('2026-11-30', '2026-12-06', 'en', 2026), '30 Nov – 6 Dec');
    assert.equal(formatRange('2026-12-28', '2027-01-03', 'en', 2026), '28 Dec 2026 – 3 Jan 2027');
    assert.equal(formatRange('2026-11-16', '2026-11-22', 'zh-CN', 2026), '11月16日–22日');
    assert.equal(formatRange('2026-11-30', '2026-12-06', 'zh-CN', 2026), '11月30日–12月6日');
    assert.equal(formatRange('2026-12-28', '2027-01-03', 'zh-CN', 2026), '2026年12月28日–2027年1月3日');
    assert.equal(formatRange('2026-11-20', '2026-11-20', 'en', 2026), '20 Nov');
  });
});

describe('draft: default period', () => {
  it('since the day after the last record\'s period, else this week', () => {
    const record = { client: 'A', sent: '2026-11-13', period: { since: '2026-11-07', until: '2026-11-13' }, next: [] };
    assert.deepEqual(defaultPeriod(record, '2026-11-20', 'monday'), { period: { since: '2026-11-14', until: '2026-11-20' }, source: 'since-last' });
    assert.deepEqual(defaultPeriod({ ...record, period: undefined }, '2026-11-20', 'monday').period, { since: '2026-11-14', until: '2026-11-20' });
    // Saved today already: the next draft is this week's again.
    assert.deepEqual(defaultPeriod({ ...record, period: { since: '2026-11-14', until: '2026-11-20' } }, '2026-11-20', 'monday'), {
      period: { since: '2026-11-16', until: '2026-11-22' },
      source: 'this-week',
    });
    assert.deepEqual(defaultPeriod(undefined, '2026-11-20', 'sunday').period, { since: '2026-11-15', until: '2026-11-21' });
  });
});

describe('draft: escaping commit text', () => {
  it('escapes what markdown would interpret, and reads back as the same text', () => {
    const cases = [
      '<script>alert(1)</script>',
      '*not bold* and _not em_ and `not code`',
      '[link](javascript:alert(1)) ![img](x)',
      '# not a heading',
      '1. not a list',
      '- not a list',
      '> not a quote',
      'AT&amp;T &#60; ~~strike~~ a|b',
      'snake_case_name stays readable',
      'back\\slash',
    ];
    for (const text of cases) {
      assert.equal(markdownToText(`- ${escapeInline(text)}`), `- ${text}\n`, text);
    }
    assert.equal(escapeInline('snake_case_name'), 'snake_case_name');
  });

  it('keeps code-like tokens as written in markdown, plain text and HTML (window.__ENV__, __init__(), _id)', () => {
    const text = 'Read window.__ENV__, then call __init__() and keep _id (not a_b_).';
    const md = `- ${escapeInline(text)}`;
    assert.equal(md, '- Read `window.__ENV__`, then call `__init__()` and keep `_id` (not `a_b_`).');
    assert.doesNotMatch(md, /\\_/u, 'no escaped underscores in the markdown the lead edits');
    assert.equal(markdownToText(md), `- ${text}\n`);
    const html = markdownToHtml(md);
    assert.match(html, /<code>window\.__ENV__<\/code>/u);
    assert.doesNotMatch(html, /<em>|<strong>/u);
  });
});
