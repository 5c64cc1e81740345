/** Periods, weeks and the window git is asked for. */
import * as assert from 'node:assert/strict';
import { addDays, customPeriod, isoWeek, periodFor, PeriodError, windowArgs } from '../../../src/core/git/period';

describe('git/period', () => {
  it('this week and last week for each week start', () => {
    // 2026-11-22 is a Sunday.
    assert.deepEqual(periodFor('this-week', '2026-11-22', 'monday'), { since: '2026-11-16', until: '2026-11-22' });
    assert.deepEqual(periodFor('last-week', '2026-11-22', 'monday'), { since: '2026-11-09', until: '2026-11-15' });
    assert.deepEqual(periodFor('this-week', '2026-11-22', 'sunday'), { since: '2026-11-22', until: '2026-11-28' });
    assert.deepEqual(periodFor('this-week', '2026-11-22', 'saturday'), { since: '2026-11-21', until: '2026-11-27' });
    assert.deepEqual(periodFor('last-week', '2026-11-20', 'saturday'), { since: '2026-11-07', until: '2026-11-13' });
    assert.deepEqual(periodFor('this-week', '2027-01-01', 'monday'), { since: '2026-12-28', until: '2027-01-03' });
  });
  it('ISO week numbers, including year edges', () => {
    assert.deepEqual(isoWeek('2026-11-22'), { year: 2026, week: 47 });
    assert.deepEqual(isoWeek('2021-01-03'), { year: 2020, week: 53 });
    assert.deepEqual(isoWeek('2024-12-30'), { year: 2025, week: 1 });
    assert.deepEqual(isoWeek('2026-01-01'), { year: 2026, week: 1 });
    assert.deepEqual(isoWeek('2027-01-01'), { year: 2026, week: 53 });
  });
  it('validates custom periods', () => {
    assert.deepEqual(customPeriod('2026-11-01', '2026-11-01'), { since: '2026-11-01', until: '2026-11-01' });
    assert.throws(() => customPeriod('2026-11-31', '2026-12-01'), (e: unknown) => e instanceof PeriodError && /not a date: "2026-11-31"/u.test(e.message));
    assert.throws(() => customPeriod('2026-12-02', '2026-12-01'), /starts after it ends/u);
    assert.throws(() => customPeriod('last week', '2026-12-01'), /write YYYY-MM-DD/u);
    assert.equal(addDays('2024-02-28', 1), '2024-02-29');
    assert.equal(addDays('2026-03-01', -1), '2026-02-28');
  });
  it('asks git for local midnight to 23:59:59, across a daylight-saving change', () => {
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'Europe/Berlin';
      // 2026-03-29 is 23 hours long in Berlin.
      const [since, until] = windowArgs({ since: '2026-03-29', until: '2026-03-29' });
      const start = Date.UTC(2026, 2, 28, 23, 0, 0) / 1000;
      assert.equal(since, `--since=@${start}`);
      assert.equal(until, `--until=@${start + 23 * 3600 - 1}`);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});
