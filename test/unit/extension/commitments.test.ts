import assert from 'node:assert/strict';
import { endOfWeek } from '../../../src/core/calendar';
import { overdueCount, passes, relativeDueOf, urgencyOf, visibleCommitments } from '../../../src/extension/commitments/model';
import { locate, refOf } from '../../../src/extension/commitments/locate';
import { client, commitment } from '../../support/clients';

const today = '2026-11-20'; // Friday

describe('shell: commitments model', () => {
  const items = [
    commitment(1, 'undated', { client: 'Acme', line: 1 }),
    commitment(2, 'later', { client: 'Acme', line: 2, due: '2026-12-10', owners: ['alice'] }),
    commitment(3, 'done', { client: 'Acme', line: 3, done: true, due: '2026-11-01', doneDate: '2026-11-01' }),
    commitment(4, 'overdue', { client: 'Acme', line: 4, due: '2026-11-17', owners: ['wang'] }),
    commitment(5, 'this week', { client: 'Acme', line: 5, due: '2026-11-22' }),
    commitment(6, 'overdue too, same day, later line', { client: 'Acme', line: 6, due: '2026-11-17' }),
  ];
  const acme = client({ name: 'Acme', contacts: [], commitments: items });

  it('orders open ones overdue first, then by due date, undated last; file order breaks ties', () => {
    assert.deepEqual(
      visibleCommitments(acme, {}, false, today).map((c) => c.raw),
      ['overdue', 'overdue too, same day, later line', 'this week', 'later', 'undated'],
    );
  });

  it('shows done ones after open ones when asked', () => {
    assert.equal(visibleCommitments(acme, {}, true, today).at(-1)?.raw, 'done');
  });

  it('filters by owner, client and due window (overdue included, undated excluded)', () => {
    assert.deepEqual(visibleCommitments(acme, { owner: '@Alice' }, false, today).map((c) => c.raw), ['later']);
    assert.deepEqual(visibleCommitments(acme, { client: 'other' }, false, today), []);
    assert.deepEqual(visibleCommitments(acme, { withinDays: 7 }, false, today).map((c) => c.raw), ['overdue', 'overdue too, same day, later line', 'this week']);
    assert.equal(passes(items[0], { withinDays: 100 }, false, today), false);
  });

  it('urgency buckets follow the configured week', () => {
    assert.equal(endOfWeek(today, 'monday'), '2026-11-22');
    assert.equal(endOfWeek(today, 'sunday'), '2026-11-21');
    assert.equal(endOfWeek(today, 'saturday'), '2026-11-20');
    assert.deepEqual(items.map((c) => urgencyOf(c, today, 'monday')), ['undated', 'later', 'done', 'overdue', 'thisWeek', 'overdue']);
    assert.equal(urgencyOf(items[4], today, 'sunday'), 'later');
  });

  it('relative due dates', () => {
    assert.deepEqual(relativeDueOf('2026-11-17', today), { kind: 'overdue', days: 3 });
    assert.deepEqual(relativeDueOf(today, today), { kind: 'today' });
    assert.deepEqual(relativeDueOf('2026-11-21', today), { kind: 'tomorrow' });
    assert.deepEqual(relativeDueOf('2026-11-26', today), { kind: 'weekday', date: '2026-11-26' });
    assert.deepEqual(relativeDueOf('2026-11-30', today), { kind: 'days', days: 10 });
    assert.deepEqual(relativeDueOf('2026-12-04', today), { kind: 'weeks', weeks: 2 });
    assert.deepEqual(relativeDueOf('2027-02-20', today), { kind: 'months', months: 3 });
  });

  it('counts overdue open commitments only', () => {
    assert.equal(overdueCount([acme, client({ name: 'Beta', contacts: [], commitments: [commitment(1, 'x', { client: 'Beta', line: 1, due: '2026-11-19' })] })], today), 3);
  });

  it('locates a commitment again after lines moved, by client and text', () => {
    const ref = refOf(items[3]);
    const moved = client({ name: 'Acme', contacts: [], commitments: [commitment(9, 'overdue', { client: 'Acme', line: 9, due: '2026-11-17' }), commitment(30, 'overdue', { client: 'Acme', line: 30, due: '2026-11-17' })] });
    assert.equal(locate({ clients: [moved], diagnostics: [], eol: '\n', hasBom: false }, ref)?.span.startLine, 9);
    assert.equal(locate({ clients: [client({ name: 'ACME', contacts: [], commitments: [] })], diagnostics: [], eol: '\n', hasBom: false }, ref), undefined);
  });
});
