/**
 * An open commitment past its due date whose work landed before the period: the draft must not
 * say "we missed" it (the evidence contradicts that). The overdue line says when its work landed,
 * no blank for a new date is asked, it leaves the plan, the status is at risk (waiting for
 * confirmation, not overdue), and the lead is asked to tick it or give a new date. A change the
 * team linked to the commitment and still left it open is a part of the work: the date was missed.
 * On a real repository.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { composeDraft } from '../../../src/core/draft/compose';
import { gatherDraftInput } from '../../../src/core/draft/gather';
import { parseClients } from '../../../src/core/clients/parse';
import type { Language } from '../../../src/core/clients/model';
import { commit, initRepo, useIsolatedGitConfig } from '../../support/git';
import { tempDir } from '../../support/temp';

const CLIENTS = `# Fetchly

Contact: Ana Ruiz <ana@fetchly.example>
Language: en
Owner: Alice Martin <alice@agency.example>

## Commitments
- [ ] JSON errors on empty responses due:2026-11-17
- [ ] Retry with backoff due:2026-11-16
- [ ] Upload progress events #upload due:2026-11-18
`;

describe('draft: an overdue commitment whose work landed before the period', function () {
  this.timeout(120000);
  useIsolatedGitConfig();
  let repo: string;
  let wordsHash: string;

  before(() => {
    repo = tempDir('draft-earlier-work');
    initRepo(repo);
    commit(repo, 'docs: clients file', { '.project/clients.md': CLIENTS }, '2026-10-20');
    wordsHash = commit(repo, 'Make json() throw on empty responses', { 'src/body.ts': 'b' }, '2026-11-05');
    commit(repo, 'feat: retry with exponential backoff', { 'src/retry.ts': 'r' }, '2026-11-17');
    commit(repo, 'feat: upload progress events for the body reader #upload', { 'src/stream.ts': 's' }, '2026-11-10');
    commit(repo, 'docs: typo in the readme', { 'README.md': 'x' }, '2026-11-25');
  });
  after(() => fs.rmSync(repo, { recursive: true, force: true }));

  async function draft(options: { language?: Language; proposed?: Record<string, string> } = {}) {
    const gathered = await gatherDraftInput({
      roots: [repo],
      clientsText: CLIENTS,
      projectDir: path.join(repo, '.project'),
      client: 'Fetchly',
      period: { since: '2026-11-23', until: '2026-11-29' },
      today: '2026-11-30',
      weekStart: 'monday',
      audience: 'client',
      language: options.language ?? 'en',
    });
    return composeDraft({ ...gathered.input, ...(options.proposed ? { proposedDates: options.proposed } : {}) });
  }
  const idOf = (title: string) => {
    const c = parseClients(CLIENTS).clients[0]?.commitments.find((x) => x.title === title);
    assert.ok(c, title);
    return c.id;
  };

  it('says when the work landed, asks no new date, leaves it out of the plan; only the commitment with no work is missed', async () => {
    const d = await draft();
    const overdue = d.sections.find((s) => s.id === 'overdue');
    assert.ok(overdue, d.markdown);
    const texts = overdue.lines.map((l) => l.text);
    assert.ok(texts.some((t) => /“JSON errors on empty responses” \(due 17 Nov\) is still open: work on it landed on 5 Nov, and we'll confirm that it is complete or give a new date/u.test(t)), texts.join('\n'));
    assert.ok(texts.some((t) => /Retry with backoff/u.test(t) && /^We missed the date for “Retry with backoff” \(16 Nov\); work on it landed on 17 Nov/u.test(t)), texts.join('\n'));
    // Upload progress has work the team linked to it and yet left it open: a part, not the delivery; honestly missed.
    assert.ok(texts.some((t) => /Upload progress events/u.test(t) && /missed/iu.test(t)), texts.join('\n'));
    assert.doesNotMatch(texts.filter((t) => /JSON errors|Retry/u.test(t)).join('\n'), /____|Proposed/iu);
    assert.doesNotMatch(texts.find((t) => /JSON errors/u.test(t)) ?? '', /missed/iu);
    const plan = d.sections.find((s) => s.id === 'next')?.lines.map((l) => l.text).join('\n') ?? '';
    assert.doesNotMatch(plan, /JSON errors|Retry with backoff/u);
    // Missed: told once, in Overdue, with the blank for its new date; not planned again.
    assert.doesNotMatch(plan, /Upload progress events/u);
    // Upload progress is 12 days late with no delivery: off track for that one; the other two wait for confirmation.
    assert.equal(d.status.status, 'off-track');
    const reasons = d.status.reasons.join('\n');
    assert.match(reasons, /Upload progress events/u);
    assert.match(reasons, /“JSON errors on empty responses” is past its due date and its work waits for confirmation/u);
    assert.doesNotMatch(reasons, /JSON errors on empty responses” is \d+ days overdue|Retry with backoff” is \d+ days overdue/u);
    const notes = d.leadNotes?.filter((n) => n.code === 'earlier-work') ?? [];
    assert.deepEqual(
      notes.map((n) => (n.code === 'earlier-work' ? [n.title, n.on] : [])),
      [['JSON errors on empty responses', '2026-11-05'], ['Retry with backoff', '2026-11-17']],
    );
    assert.equal(notes[0]?.code === 'earlier-work' ? notes[0].hash : '', wordsHash);
    assert.doesNotMatch(d.markdown, new RegExp(wordsHash.slice(0, 7), 'u'), 'no hash reaches the client');
  });

  it('a new date the lead proposes is told as a missed date with the plan', async () => {
    const d = await draft({ proposed: { [idOf('JSON errors on empty responses')]: '2026-12-04' } });
    const line = d.sections.find((s) => s.id === 'overdue')?.lines.find((l) => /JSON errors/u.test(l.text));
    assert.ok(line, d.markdown);
    assert.match(line.text, /4 Dec/u);
    assert.doesNotMatch(line.text, /landed/u);
  });

  it('in Chinese', async () => {
    const d = await draft({ language: 'zh-CN' });
    assert.match(d.markdown, /“JSON errors on empty responses”（原定11月17日）尚待确认：相关工作已于11月5日合入/u);
  });
});
