/** The one commitment order, and the fronts that list commitments follow it. */
import * as assert from 'node:assert/strict';
import { commitmentRows } from '../../../src/cli/commands/commitments';
import { parseClients } from '../../../src/core/clients/parse';
import { sortCommitments } from '../../../src/core/project/order';
import { visibleCommitments } from '../../../src/extension/commitments/model';

const TODAY = '2026-11-20';
const TEXT = `# Acme

## Commitments
- [ ] Undated first in the file #undated
- [x] Done early due:2026-11-01 done:2026-10-30 #done
- [ ] Later due:2026-12-10 #later
- [ ] Overdue by ten due:2026-11-10 #late10
- [ ] Due today due:2026-11-20 #today
- [ ] Overdue by two due:2026-11-18 #late2
- [ ] Also due today due:2026-11-20 #today2
`;

describe('project: commitment order', () => {
  const file = parseClients(TEXT);
  const acme = file.clients[0];
  const tags = (list: readonly { tags: string[] }[]) => list.map((c) => c.tags[0]);

  it('open before done, overdue (earliest) first, then by due date, undated last, file order on ties', () => {
    assert.deepEqual(tags(sortCommitments(acme.commitments, (c) => c)), ['late10', 'late2', 'today', 'today2', 'later', 'undated', 'done']);
  });

  it('the CLI listing and the sidebar list in that order', () => {
    const expected = tags(sortCommitments(acme.commitments, (c) => c));
    assert.deepEqual(commitmentRows(file, TODAY, { all: true }).map((r) => r.tags[0]), expected);
    assert.deepEqual(tags(visibleCommitments(acme, {}, true, TODAY)), expected);
  });
});
