import assert from 'node:assert/strict';
import { mostUrgent, nextUpdateOf } from '../../../src/extension/cadence/schedule';
import { client } from '../../support/clients';

// 2026-11-20 is a Friday.
const weeklyFri = client({ name: 'Acme', contacts: [], cadence: { every: 'weekly', day: 5, raw: 'weekly Fri' } });

describe('shell: cadence schedule', () => {
  it('never sent: the next cadence weekday, today included', () => {
    assert.deepEqual(nextUpdateOf(weeklyFri, '2026-11-18', undefined), { client: 'Acme', due: '2026-11-20', overdueDays: 0, lastSent: undefined });
    assert.equal(nextUpdateOf(weeklyFri, '2026-11-20', undefined)?.due, '2026-11-20');
  });

  it('weekly: sent on the day → due a week later; sent a day early → still the next week', () => {
    assert.equal(nextUpdateOf(weeklyFri, '2026-11-21', '2026-11-20')?.due, '2026-11-27');
    assert.equal(nextUpdateOf(weeklyFri, '2026-11-21', '2026-11-19')?.due, '2026-11-27');
  });

  it('weekly: sent late on Monday → due that Friday, not a week later', () => {
    assert.equal(nextUpdateOf(weeklyFri, '2026-11-24', '2026-11-23')?.due, '2026-11-27');
  });

  it('overdue days count from the due date', () => {
    const next = nextUpdateOf(weeklyFri, '2026-11-30', '2026-11-20');
    assert.deepEqual(next, { client: 'Acme', due: '2026-11-27', overdueDays: 3, lastSent: '2026-11-20' });
  });

  it('biweekly, daily, monthly and weekly without a day', () => {
    assert.equal(nextUpdateOf(client({ name: 'B', contacts: [], cadence: { every: 'biweekly', day: 5, raw: 'biweekly Fri' } }), '2026-11-21', '2026-11-20')?.due, '2026-12-04');
    assert.equal(nextUpdateOf(client({ name: 'D', contacts: [], cadence: { every: 'daily', raw: 'daily' } }), '2026-11-21', '2026-11-20')?.due, '2026-11-21');
    assert.equal(nextUpdateOf(client({ name: 'M', contacts: [], cadence: { every: 'monthly', raw: 'monthly' } }), '2026-11-21', '2026-01-31')?.due, '2026-02-28');
    assert.equal(nextUpdateOf(client({ name: 'W', contacts: [], cadence: { every: 'weekly', raw: 'weekly' } }), '2026-11-21', '2026-11-18')?.due, '2026-11-25');
  });

  it('no cadence → nothing to remind', () => {
    assert.equal(nextUpdateOf(client({ name: 'N', contacts: [] }), '2026-11-21', undefined), undefined);
  });

  it('most urgent: the earliest due, ties by name', () => {
    const a = { client: 'Zed', due: '2026-11-20', overdueDays: 1 };
    const b = { client: 'Acme', due: '2026-11-20', overdueDays: 1 };
    const c = { client: 'Beta', due: '2026-11-25', overdueDays: 0 };
    assert.equal(mostUrgent([c, a, b])?.client, 'Acme');
    assert.equal(mostUrgent([]), undefined);
  });
});
