/** src/core/calendar: the one place for dates, weeks, periods and "today". */
import * as assert from 'node:assert/strict';
import {
  addDays, addMonths, customPeriod, dateFault, dateProblem, daysBetween, endOfWeek, isIsoDate, isoWeek, isPeriod, likelyDate,
  localDateOf, localStartSeconds, onOrAfter, periodFor, PeriodError, periodLength, periodProblem, resolveToday, startOfWeek,
  TodayError, toUtcDate, weekdayOf, within, yearOf,
} from '../../src/core/calendar';
import { parsePageToHost, parseSource } from '../../src/shared/protocol';

/** Runs `body` with the process in time zone `tz` (Node re-reads `TZ` when it is assigned). */
function inZone(tz: string, body: () => void): void {
  const saved = process.env.TZ;
  try {
    process.env.TZ = tz;
    body();
  } finally {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  }
}

/** Every day of `year` by a UTC oracle independent of the calendar module. */
function daysOf(year: number): string[] {
  const out: string[] = [];
  for (let t = Date.UTC(year, 0, 1); new Date(t).getUTCFullYear() === year; t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

/** Zones with daylight-saving changes at 02:00, at midnight (Santiago, Havana) and of 30 minutes (Lord Howe). */
const ZONES = ['UTC', 'Europe/Berlin', 'America/New_York', 'America/Santiago', 'America/Havana', 'Australia/Lord_Howe', 'Asia/Kolkata', 'Pacific/Kiritimati'];

describe('calendar: validation', () => {
  it('accepts real calendar days only (leap years, month lengths, format, years 1900–2999)', () => {
    for (const ok of ['2026-01-31', '2024-02-29', '2000-02-29', '2026-12-31', '2026-12-01', '1900-01-01', '2999-12-31']) assert.equal(isIsoDate(ok), true, ok);
    for (const bad of ['2026-13-45', '2026-02-30', '2026-02-29', '1900-02-29', '2026-2-3', '2026-1-1', '26-01-01', '2026-04-31', '2026-00-10', '2026-01-00', '20261201', ' 2026-12-01', '2026-12-01 ', '', '1899-12-31', '3000-01-01']) {
      assert.equal(isIsoDate(bad), false, bad);
    }
    for (const notText of [undefined, null, 20261201, { since: '2026-12-01' }]) assert.equal(isIsoDate(notText), false, String(notText));
  });

  it('accepts exactly the days a calendar month has, for every day number 00–32 of every month', () => {
    for (const year of [1900, 2000, 2024, 2026, 2100, 2999]) {
      for (let month = 1; month <= 12; month++) {
        const length = new Date(year, month, 0).getDate();
        for (let day = 0; day <= 32; day++) {
          const s = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          assert.equal(isIsoDate(s), day >= 1 && day <= length, s);
        }
      }
    }
  });

  it('says what is wrong as a code with data, and in words', () => {
    assert.deepEqual(dateFault('2026-1-1'), { code: 'format' });
    assert.deepEqual(dateFault('1850-01-01'), { code: 'year', min: 1900, max: 2999 });
    assert.deepEqual(dateFault('2026-13-01'), { code: 'month' });
    assert.deepEqual(dateFault('2026-02-29'), { code: 'day', max: 28, month: '2026-02' });
    assert.deepEqual(dateFault('2024-02-30'), { code: 'day', max: 29, month: '2024-02' });
    assert.equal(dateFault('2026-11-20'), undefined);
    assert.equal(dateProblem('2026-04-31'), 'day must be 01–30 in 2026-04');
    assert.equal(dateProblem('2026-00-10'), 'month must be 01–12');
    assert.equal(dateProblem('next friday'), 'dates are written YYYY-MM-DD');
    assert.equal(dateProblem('2026-11-20'), undefined);
  });

  it('suggests the obvious date for a near miss, nothing for a far one', () => {
    assert.deepEqual(likelyDate('2026/11/2'), { date: '2026-11-02', why: 'format' });
    assert.deepEqual(likelyDate('2026-02-30'), { date: '2026-02-28', why: 'month-end' });
    assert.equal(likelyDate('2026-13-45'), undefined);
    assert.equal(likelyDate('2026-11-20'), undefined);
  });

  it('arithmetic refuses a text that is not a date instead of rolling it over', () => {
    assert.throws(() => addDays('2026-02-30', 1), /not a date: "2026-02-30" \(day must be 01–28 in 2026-02/);
    assert.throws(() => daysBetween('2026-11-20', 'soon'), /not a date: "soon"/);
    assert.throws(() => toUtcDate('2026-13-01'), RangeError);
  });
});

describe('calendar: days, months, weeks', () => {
  it('adds days across months, years, leap days and DST changes; counts days; weekday', () => {
    assert.equal(addDays('2026-12-30', 3), '2027-01-02');
    assert.equal(addDays('2024-03-01', -1), '2024-02-29');
    assert.equal(addDays('2024-02-28', 1), '2024-02-29');
    assert.equal(addDays('2026-03-01', -1), '2026-02-28');
    assert.equal(addDays('2026-03-28', 2), '2026-03-30');
    assert.equal(addDays('2026-10-24', 7), '2026-10-31');
    assert.equal(addDays('2026-11-20', 0), '2026-11-20');
    assert.equal(daysBetween('2026-11-17', '2026-11-20'), 3);
    assert.equal(daysBetween('2026-11-08', '2026-11-20'), 12);
    assert.equal(daysBetween('2026-11-20', '2026-01-01'), -323);
    assert.equal(weekdayOf('2026-11-20'), 5);
    assert.equal(weekdayOf('2026-11-22'), 0);
    assert.equal(within('2026-11-20', '2026-11-16', '2026-11-22'), true);
    assert.equal(within('2026-11-23', '2026-11-16', '2026-11-22'), false);
    assert.equal(yearOf('2027-01-01'), 2027);
  });

  it('the same days in every time zone, through every day of a year', () => {
    for (const tz of ZONES) {
      inZone(tz, () => {
        const days = daysOf(2026);
        days.forEach((day, i) => {
          const oracle = new Date(`${day}T00:00:00Z`);
          if (i + 1 < days.length) assert.equal(addDays(day, 1), days[i + 1], `${tz}: ${day} + 1`);
          if (i > 0) assert.equal(addDays(day, -1), days[i - 1], `${tz}: ${day} - 1`);
          assert.equal(daysBetween(days[0], day), i, `${tz}: ${days[0]}..${day}`);
          assert.equal(weekdayOf(day), oracle.getUTCDay(), `${tz}: weekday of ${day}`);
          assert.equal(toUtcDate(day).getTime(), oracle.getTime(), `${tz}: ${day} as UTC`);
          // Local midnight starts the day; the second before it is the day before.
          const start = localStartSeconds(day);
          assert.equal(localDateOf(new Date(start * 1000)), day, `${tz}: start of ${day}`);
          assert.equal(localDateOf(new Date((start - 1) * 1000)), addDays(day, -1), `${tz}: before ${day}`);
        });
        assert.equal(addDays('2026-01-01', 364), '2026-12-31', tz);
      });
    }
  });

  it('local midnight of a 23-hour day (Berlin, 2026-03-29) and of a day whose midnight does not exist (Santiago, 2026-09-06)', () => {
    inZone('Europe/Berlin', () => {
      assert.equal(localStartSeconds('2026-03-29'), Date.UTC(2026, 2, 28, 23) / 1000);
      assert.equal(localStartSeconds('2026-03-30') - localStartSeconds('2026-03-29'), 23 * 3600);
    });
    inZone('America/Santiago', () => {
      // Clocks jump from 24:00 on Saturday to 01:00 on Sunday: the day starts at 01:00 (-03:00).
      assert.equal(localStartSeconds('2026-09-06'), Date.UTC(2026, 8, 6, 4) / 1000);
      assert.equal(addDays('2026-09-05', 1), '2026-09-06');
      assert.equal(daysBetween('2026-09-05', '2026-09-07'), 2);
    });
  });

  it('the local calendar day of an instant', () => {
    assert.equal(localDateOf(new Date(2026, 10, 5, 23, 59)), '2026-11-05');
    assert.equal(localDateOf(new Date(2026, 10, 6, 0, 0)), '2026-11-06');
    inZone('Asia/Tokyo', () => assert.equal(localDateOf(new Date(Date.UTC(2026, 10, 19, 15, 30))), '2026-11-20'));
    inZone('America/Los_Angeles', () => assert.equal(localDateOf(new Date(Date.UTC(2026, 10, 20, 7, 59))), '2026-11-19'));
  });

  it('months: the same day, or the last day of a shorter month', () => {
    assert.equal(addMonths('2026-11-05', 1), '2026-12-05');
    assert.equal(addMonths('2026-12-15', 1), '2027-01-15');
    assert.equal(addMonths('2026-01-31', 1), '2026-02-28');
    assert.equal(addMonths('2024-01-31', 1), '2024-02-29');
    assert.equal(addMonths('2026-03-31', 1), '2026-04-30');
    assert.equal(addMonths('2026-03-31', -1), '2026-02-28');
  });

  it('weeks for each week start, and the next given weekday', () => {
    // 2026-11-20 is a Friday.
    assert.equal(startOfWeek('2026-11-20', 'monday'), '2026-11-16');
    assert.equal(startOfWeek('2026-11-16', 'monday'), '2026-11-16');
    assert.equal(startOfWeek('2026-11-22', 'monday'), '2026-11-16');
    assert.equal(startOfWeek('2026-11-20', 'sunday'), '2026-11-15');
    assert.equal(startOfWeek('2026-11-20', 'saturday'), '2026-11-14');
    assert.equal(endOfWeek('2026-11-20', 'monday'), '2026-11-22');
    assert.equal(endOfWeek('2026-11-20', 'sunday'), '2026-11-21');
    assert.equal(endOfWeek('2026-11-20', 'saturday'), '2026-11-20');
    assert.equal(onOrAfter('2026-11-20', 5), '2026-11-20');
    assert.equal(onOrAfter('2026-11-20', 1), '2026-11-23');
    assert.equal(onOrAfter('2026-12-31', 0), '2027-01-03');
  });

  it('ISO week numbers, including year edges', () => {
    assert.deepEqual(isoWeek('2026-11-22'), { year: 2026, week: 47 });
    assert.deepEqual(isoWeek('2026-11-19'), { year: 2026, week: 47 });
    assert.deepEqual(isoWeek('2026-12-31'), { year: 2026, week: 53 });
    assert.deepEqual(isoWeek('2027-01-04'), { year: 2027, week: 1 });
    assert.deepEqual(isoWeek('2021-01-03'), { year: 2020, week: 53 });
    assert.deepEqual(isoWeek('2024-12-30'), { year: 2025, week: 1 });
    assert.deepEqual(isoWeek('2026-01-01'), { year: 2026, week: 1 });
    assert.deepEqual(isoWeek('2027-01-01'), { year: 2026, week: 53 });
    for (const tz of ['Pacific/Kiritimati', 'America/Santiago']) inZone(tz, () => assert.deepEqual(isoWeek('2027-01-01'), { year: 2026, week: 53 }, tz));
  });
});

describe('calendar: periods', () => {
  it('this week and last week for each week start', () => {
    // 2026-11-22 is a Sunday.
    assert.deepEqual(periodFor('this-week', '2026-11-22', 'monday'), { since: '2026-11-16', until: '2026-11-22' });
    assert.deepEqual(periodFor('last-week', '2026-11-22', 'monday'), { since: '2026-11-09', until: '2026-11-15' });
    assert.deepEqual(periodFor('this-week', '2026-11-22', 'sunday'), { since: '2026-11-22', until: '2026-11-28' });
    assert.deepEqual(periodFor('this-week', '2026-11-22', 'saturday'), { since: '2026-11-21', until: '2026-11-27' });
    assert.deepEqual(periodFor('last-week', '2026-11-20', 'saturday'), { since: '2026-11-07', until: '2026-11-13' });
    assert.deepEqual(periodFor('this-week', '2027-01-01', 'monday'), { since: '2026-12-28', until: '2027-01-03' });
    assert.throws(() => periodFor('this-week', '2026-02-30'), PeriodError);
  });

  it('validates custom periods', () => {
    assert.deepEqual(customPeriod('2026-11-01', '2026-11-01'), { since: '2026-11-01', until: '2026-11-01' });
    assert.throws(() => customPeriod('2026-11-31', '2026-12-01'), (e: unknown) => e instanceof PeriodError && /not a date: "2026-11-31"/u.test(e.message));
    assert.throws(() => customPeriod('2026-12-02', '2026-12-01'), /starts after it ends/u);
    assert.throws(() => customPeriod('last week', '2026-12-01'), /YYYY-MM-DD/u);
    assert.throws(() => customPeriod('2026-02-31', '2026-13-45'), /not a date: "2026-02-31"/u);
    assert.equal(periodLength({ since: '2026-11-16', until: '2026-11-22' }), 7);
    assert.equal(periodLength({ since: '2026-11-20', until: '2026-11-20' }), 1);
  });

  it('isPeriod: two real dates in order', () => {
    assert.equal(isPeriod({ since: '2026-11-16', until: '2026-11-22' }), true);
    assert.equal(isPeriod({ since: '2026-02-31', until: '2026-13-45' }), false);
    assert.equal(isPeriod({ since: '2026-11-23', until: '2026-11-22' }), false);
    assert.equal(isPeriod({ since: '2026-11-16' }), false);
    assert.equal(periodProblem(20261116, '2026-11-22'), 'a period is two dates YYYY-MM-DD');
  });

  it('the panel protocol rejects the period 2026-02-31..2026-13-45 as it rejects the proposed date 2026-02-31', () => {
    const source = (period: unknown) => ({ kind: 'update', client: 'Acme Retail', period, periodLabel: 'this week' });
    assert.equal(parseSource(source({ since: '2026-11-16', until: '2026-11-22' })).ok, true);
    for (const bad of [{ since: '2026-02-31', until: '2026-13-45' }, { since: '2026-11-16', until: '2026-13-45' }, { since: '2026-02-31', until: '2026-11-22' }]) {
      const parsed = parseSource(source(bad));
      assert.equal(parsed.ok, false, JSON.stringify(bad));
      assert.match(parsed.ok ? '' : parsed.error, /source\.period must be/);
    }
    const proposed = (date: string) => parsePageToHost({ type: 'regenerate', options: { audience: 'client', language: 'en', dropped: [], proposedDates: { 'Acme Retail#0': date } } });
    assert.equal(proposed('2026-12-04').ok, true);
    assert.equal(proposed('2026-02-31').ok, false);
  });
});

describe('calendar: today', () => {
  it('CLIENT_PULSE_TODAY wins when set, else the local calendar day of the clock', () => {
    assert.equal(resolveToday({ CLIENT_PULSE_TODAY: '2027-01-02' }), '2027-01-02');
    assert.equal(resolveToday({}, new Date(2026, 10, 5, 23, 59)), '2026-11-05');
    assert.equal(resolveToday({ CLIENT_PULSE_TODAY: '' }, new Date(2026, 10, 5, 0, 1)), '2026-11-05');
    inZone('Asia/Tokyo', () => assert.equal(resolveToday({}, new Date(Date.UTC(2026, 10, 19, 15, 30))), '2026-11-20'));
  });

  it('a bad CLIENT_PULSE_TODAY is rejected with what to write, never ignored', () => {
    for (const [value, problem] of [['2026-02-30', 'day must be 01–28 in 2026-02'], ['20261120', 'dates are written YYYY-MM-DD'], ['tomorrow', 'dates are written YYYY-MM-DD']]) {
      assert.throws(
        () => resolveToday({ CLIENT_PULSE_TODAY: value }),
        (e: unknown) => e instanceof TodayError && e.value === value && e.problem === problem
          && e.message === `CLIENT_PULSE_TODAY must be a date YYYY-MM-DD, got ${JSON.stringify(value)} (${problem}); set it to a real day such as 2026-11-20, or unset it to use the clock`,
        value,
      );
    }
  });
});
