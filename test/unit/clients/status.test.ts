import { strict as assert } from 'node:assert';
import { parseClients } from '../../../src/core/clients/parse';
import { applyEdits, markDone, markUndone } from '../../../src/core/clients/edits';
import { openCommitments } from '../../../src/core/clients/queries';
import { commitmentRows, describeDue } from '../../../src/cli/commands/commitments';

const C = '# Acme\n\n## Commitments\n';

describe('clients: statuses [/] in progress and [-] cancelled (Obsidian Tasks)', () => {
  it('[/] is open and in progress; [-] is cancelled with its ❌ date and never overdue', () => {
    const text = `${C}- [/] Beta due:2026-11-01\n- [-] Old report due:2026-11-01 ❌ 2026-11-20\n- [ ] Gamma due:2026-11-02\n`;
    const f = parseClients(text);
    const [a, b, c] = f.clients[0].commitments;
    assert.deepEqual([a.status, a.done, a.mark], ['in-progress', false, '/']);
    assert.deepEqual([b.status, b.done, b.cancelledDate, b.title], ['cancelled', false, '2026-11-20', 'Old report']);
    assert.equal(c.status, 'open');
    assert.deepEqual(f.diagnostics.map((d) => d.code), []);
    const open = openCommitments(f, '2026-12-01');
    assert.deepEqual(open.map((o) => [o.title, o.state]), [['Beta', 'overdue'], ['Gamma', 'overdue']]);
    const rows = commitmentRows(f, '2026-12-01', { all: true });
    const cancelled = rows.find((r) => r.title === 'Old report');
    assert.ok(cancelled && !cancelled.overdue);
    assert.deepEqual([cancelled.status, cancelled.cancelledDate], ['cancelled', '2026-11-20']);
    assert.equal(describeDue(cancelled), 'cancelled 2026-11-20');
    assert.match(describeDue(rows.find((r) => r.title === 'Beta')!), /^in progress, overdue 30 days$/);
  });

  it('an unknown status character reads as open, with unknown-status on the box and no fix', () => {
    const f = parseClients(`${C}- [>] Beta due:2026-12-01\n`);
    assert.equal(f.clients[0].commitments[0].status, 'open');
    const d = f.diagnostics.find((x) => x.code === 'unknown-status');
    assert.ok(d);
    assert.equal(d.fix, undefined);
    assert.deepEqual([d.span.startColumn, d.span.endColumn], [2, 5]);
    assert.match(d.message, /\[\/\].*in progress.*\[-\].*cancelled/);
  });

  it('tick and untick are byte-exact on [/] and [-] lines; Undo (untick to the written mark) restores the box', () => {
    for (const line of ['- [/] Beta due:2026-12-01 @alice', '- [-] Old ❌ 2026-11-20 📅 2026-11-01']) {
      const text = `${C}${line}\r\n`;
      const c = parseClients(text).clients[0].commitments[0];
      const done = applyEdits(text, markDone(text, c, '2026-12-02'));
      const again = parseClients(done).clients[0].commitments[0];
      assert.equal(again.status, 'done', done);
      assert.equal(again.doneDate, '2026-12-02');
      assert.equal(done.slice(c.checkboxSpan.startOffset, c.checkboxSpan.endOffset), '[x]');
      assert.equal(applyEdits(done, markUndone(done, again, c.mark)), text);
      assert.deepEqual(markUndone(text, c), [], 'not done: nothing to untick');
    }
  });

  it('done-without-check offers "Tick the box" only when the done date is real and the item is not cancelled', () => {
    const fixOf = (item: string) => parseClients(`${C}${item}\n`).diagnostics.find((d) => d.code === 'done-without-check')?.fix;
    assert.ok(fixOf('- [ ] Beta due:2026-12-01 done:2026-12-02'));
    assert.equal(fixOf('- [ ] Beta due:2026-12-01 done:2026-13-02'), undefined);
    assert.equal(fixOf('- [-] Beta due:2026-12-01 ✅ 2026-12-02'), undefined);
  });

  it('an empty task item is not a commitment: empty-commitment says so', () => {
    for (const [item, n] of [['- [ ]', 0], ['- [ ] ', 0], ['- [x] @alice due:2026-12-01 done:2026-12-01', 1]] as const) {
      const f = parseClients(`${C}${item}\n`);
      assert.equal(f.clients[0].commitments.length, n, item);
      assert.deepEqual(f.diagnostics.map((d) => d.code), ['empty-commitment'], item);
    }
  });
});

describe('clients: task items in blockquotes, callouts and nested lists', () => {
  it('are read as commitments of their own (Obsidian Tasks, GFM nested task lists)', () => {
    const text = `${C}> [!todo] This week\n> - [ ] Quoted beta due:2026-12-01\n\n- [x] Parent due:2026-11-01 done:2026-11-01\n  - [ ] Child due:2026-12-02\n  - plain note under it\n`;
    const f = parseClients(text);
    assert.deepEqual(f.clients[0].commitments.map((c) => [c.title, c.due]), [['Quoted beta', '2026-12-01'], ['Parent', '2026-11-01'], ['Child', '2026-12-02']]);
    assert.deepEqual(f.diagnostics.map((d) => d.code), []);
    const quoted = f.clients[0].commitments[0];
    const done = applyEdits(text, markDone(text, quoted, '2026-12-02'));
    assert.ok(done.includes('> - [x] Quoted beta due:2026-12-01 done:2026-12-02\n'));
  });
});
