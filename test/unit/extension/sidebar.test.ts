import assert from 'node:assert/strict';
import { brokenDue, handlesOf, isFilterActive, personOf, visibleCommitments } from '../../../src/extension/commitments/model';
import { parseClients } from '../../../src/core/clients/parse';

const today = '2026-11-20'; // Friday
const text = `# Acme
Owner: Alice Martin <alice@agency.example>
Backup: 王伟 <wang.wei@agency.example>

## Commitments
- [ ] Overdue due:2026-11-17 @wang
- [ ] Sunday due:2026-11-22 @alice
- [ ] Monday due:2026-11-23 @Alice
- [ ] Broken due:2026-13-45 @tom
- [ ] Undated @tom
`;
const acme = parseClients(text).clients[0];
const titles = (f: Parameters<typeof visibleCommitments>[1], ctx?: Parameters<typeof visibleCommitments>[4]) => visibleCommitments(acme, f, false, today, ctx).map((c) => c.title);

describe('shell: sidebar filters, people and broken dates', () => {
  it('overdue / due this week (by the configured week) / mine', () => {
    assert.deepEqual(titles({ due: 'overdue' }), ['Overdue']);
    assert.deepEqual(titles({ due: 'thisWeek' }), ['Overdue', 'Sunday']);
    assert.deepEqual(titles({ due: 'thisWeek' }, { weekStart: 'sunday' }), ['Overdue']);
    assert.deepEqual(titles({ mine: true }, { me: handlesOf({ name: 'Alice Martin', email: 'alice@agency.example' }) }), ['Sunday', 'Monday']);
    assert.deepEqual(titles({ mine: true }), [], 'nobody is "me" when the git identity is unknown');
    assert.deepEqual(titles({ mine: true, due: 'overdue' }, { me: ['wang'] }), ['Overdue']);
    assert.equal(isFilterActive({ mine: true }), true);
    assert.equal(isFilterActive({}), false);
  });

  it('handles of a person, and the person behind a handle (王伟 for @wang)', () => {
    assert.deepEqual(handlesOf({ name: '王伟', email: 'wang.wei@agency.example' }), ['wang.wei', 'wang', '王伟']);
    assert.equal(personOf('@wang', acme)?.name, '王伟');
    assert.equal(personOf('ALICE', acme)?.name, 'Alice Martin');
    assert.equal(personOf('tom', acme), undefined);
  });

  it('a due date that could not be read is named with why; a good or absent one is not', () => {
    const [overdue, , , broken, undated] = acme.commitments;
    assert.equal(brokenDue(broken)?.text, 'due:2026-13-45');
    assert.match(brokenDue(broken)?.problem ?? '', /month/);
    assert.equal(brokenDue(overdue), undefined);
    assert.equal(brokenDue(undated), undefined);
  });
});
