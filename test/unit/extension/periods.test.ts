import * as assert from 'node:assert/strict';
import { checkDate, parsePeriodArgument, periodOf, sinceLast } from '../../../src/extension/draft/periods';

describe('draft command periods', () => {
  // 2026-11-20 is a Friday.
  const today = '2026-11-20';

  it('this week and last week follow the configured week start', () => {
    assert.deepEqual(periodOf('this-week', today, 'monday'), { since: '2026-11-16', until: '2026-11-22' });
    assert.deepEqual(periodOf('last-week', today, 'monday'), { since: '2026-11-09', until: '2026-11-15' });
    assert.deepEqual(periodOf('this-week', today, 'sunday'), { since: '2026-11-15', until: '2026-11-21' });
    assert.deepEqual(periodOf('this-week', today, 'saturday'), { since: '2026-11-14', until: '2026-11-20' });
    assert.equal(periodOf('custom', today, 'monday'), undefined);
  });

  it('"since the last update" starts the day after the last record and needs one', () => {
    const record = { client: 'Acme', sent: '2026-11-13', period: { since: '2026-11-09', until: '2026-11-13' }, next: [] };
    assert.deepEqual(sinceLast(today, record, 'monday'), { since: '2026-11-14', until: today });
    assert.deepEqual(periodOf('since-last', today, 'monday', record), { since: '2026-11-14', until: today });
    assert.equal(sinceLast(today, undefined, 'monday'), undefined);
    // Saved today already: nothing to draft "since" it.
    assert.equal(sinceLast(today, { client: 'Acme', sent: today, period: { since: '2026-11-16', until: today }, next: [] }, 'monday'), undefined);
  });

  it('checks typed dates for the custom range', () => {
    assert.equal(checkDate('2026-11-16'), undefined);
    assert.equal(checkDate(' 2026-11-16 '), undefined);
    assert.equal(checkDate('16/11/2026'), 'format');
    assert.equal(checkDate('2026-02-30'), 'no-such-day');
    assert.equal(checkDate('2026-11-10', '2026-11-16'), 'before-start');
  });

  it('reads the command period argument', () => {
    assert.equal(parsePeriodArgument('this-week'), 'this-week');
    assert.equal(parsePeriodArgument('since-last'), 'since-last');
    assert.deepEqual(parsePeriodArgument({ since: '2026-11-01', until: '2026-11-20' }), { since: '2026-11-01', until: '2026-11-20' });
    assert.equal(parsePeriodArgument({ since: '2026-11-21', until: '2026-11-20' }), undefined);
    assert.equal(parsePeriodArgument('yesterday'), undefined);
    assert.equal(parsePeriodArgument(undefined), undefined);
  });
});
