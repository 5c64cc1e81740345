/**
 * A commitment finished after its due date by a change that closes it (`Closes #310` with the
 * commitment's number, or its pull request merged) is delivered late, pending the client's check —
 * never "proposed new date: ____" for work that is done (issue 11 item 3). Without a closing
 * change, later work still reads as work continuing after the date. On a real repository.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { Language } from '../../../src/core/clients/model';
import { commit, initRepo, useIsolatedGitConfig } from '../../support/git';
import { tempDir } from '../../support/temp';
import { draftFromRepo } from '../../support/draft';

const CLIENTS = `# Cedar Bank

Contact: Zhou Ting <zhou.ting@cedar.example>
Language: en
Owner: Li Na <li.na@agency.example>

## Commitments
- [ ] Transfer limit notice #310 due:2026-11-17
- [ ] Account statements as PDF #statements due:2026-11-17
`;

describe('draft: a commitment closed after its due date', function () {
  this.timeout(60000);
  useIsolatedGitConfig();
  let repo: string;

  before(() => {
    repo = tempDir('draft-closed-late');
    initRepo(repo);
    commit(repo, 'docs: clients file', { '.project/clients.md': CLIENTS }, '2026-11-02');
    commit(repo, 'feat: tell the user when a transfer exceeds the limit\n\nCloses #310', { 'src/limit.ts': 'l' }, '2026-11-18');
    commit(repo, 'feat: statement PDF layout #statements', { 'src/pdf.ts': 'p' }, '2026-11-18');
  });
  after(() => fs.rmSync(repo, { recursive: true, force: true }));

  const draft = (language: Language) => draftFromRepo({ repo, clientsText: CLIENTS, client: 'Cedar Bank', period: { since: '2026-11-14', until: '2026-11-20' }, today: '2026-11-20', language });

  it('reads as delivered late, pending the check; the other one as overdue with work continuing', async () => {
    const d = await draft('en');
    const lines = (id: string) => d.sections.find((s) => s.id === id)?.lines.map((l) => l.text) ?? [];
    assert.deepEqual(lines('delivered'), ['Work on “Transfer limit notice” was completed on 18 Nov (planned for 17 Nov); we\'ll confirm once you have checked it']);
    assert.deepEqual(lines('overdue'), ['“Account statements as PDF” was due 17 Nov; work continued after that date (1 change this week, the latest on 18 Nov). Proposed new date: ____']);
    assert.ok(!lines('next').some((t) => t.includes('Transfer limit notice')), 'done work is not planned again');
    assert.deepEqual(d.status.reasons, ['“Account statements as PDF” is 3 days past its due date'], 'only the unfinished one is overdue');
    assert.deepEqual(d.leadNotes?.map((n) => (n.code === 'tick-commitment' ? [n.code, n.title, n.completedOn] : [n.code])), [['tick-commitment', 'Transfer limit notice', '2026-11-18']]);
    const zh = await draft('zh-CN');
    assert.ok(zh.markdown.includes('“Transfer limit notice”的工作已于11月18日完成（原计划11月17日），待您验收后我们再确认交付'));
  });
});
