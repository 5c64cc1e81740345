import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseClients } from '../../../src/core/clients/parse';
import { addCommitment, applyEdits, changeDueDate, EditError, markDone, markUndone } from '../../../src/core/clients/edits';
import type { ClientsFile, Commitment } from '../../../src/core/clients/model';

const FIX = path.join(__dirname, 'fixtures');
const read = (name: string): string => fs.readFileSync(path.join(FIX, name), 'utf8');
const first = (f: ClientsFile): Commitment => f.clients[0].commitments[0];

type Op = (text: string, f: ClientsFile) => ReturnType<typeof markDone>;
const cases: [string, Op][] = [
  ['done-lf', (t, f) => markDone(t, first(f), '2026-11-20')],
  ['done-crlf-bom-cjk-emoji', (t, f) => markDone(t, first(f), '2026-11-20')],
  ['done-trailing-spaces', (t, f) => markDone(t, first(f), '2026-11-20')],
  ['undone-tabs', (t, f) => markUndone(t, first(f))],
  ['undone-emoji-crlf', (t, f) => markUndone(t, first(f))],
  ['due-replace-crlf', (t, f) => changeDueDate(t, first(f), '2026-12-24')],
  ['due-add-trailing', (t, f) => changeDueDate(t, first(f), '2026-12-24')],
  ['due-replace-emoji', (t, f) => changeDueDate(t, first(f), '2026-12-24')],
  ['add-existing-crlf-bom', (t, f) => addCommitment(t, f, 'acme', { title: 'New thing', due: '2026-12-24', owner: '@alice', tag: '#beta' })],
  ['add-new-section-zh-no-final-eol', (t, f) => addCommitment(t, f, '客户', { title: '新任务', due: '2026-12-24' })],
  ['add-new-section-between-clients', (t, f) => addCommitment(t, f, 'A', { title: 'T' })],
];

describe('clients: edits (byte-exact golden files)', () => {
  for (const [name, op] of cases) {
    it(name, () => {
      const input = read(`${name}.input.md`);
      const expected = read(`${name}.expected.md`);
      const f = parseClients(input);
      const out = applyEdits(input, op(input, f));
      assert.equal(JSON.stringify(out), JSON.stringify(expected));
      assert.equal(parseClients(out).diagnostics.filter((d) => d.severity === 'error').length, 0);
    });
  }

  it('markDone then markUndone restores the exact bytes of every done-* golden input', () => {
    for (const name of ['done-lf', 'done-crlf-bom-cjk-emoji', 'done-trailing-spaces']) {
      const input = read(`${name}.input.md`);
      const done = applyEdits(input, markDone(input, first(parseClients(input)), '2026-11-20'));
      const back = applyEdits(done, markUndone(done, first(parseClients(done))));
      assert.equal(back, input, name);
    }
  });

  it('no-ops: markDone on a done item, markUndone on an open one', () => {
    const t = '# A\n## Commitments\n- [x] a done:2026-11-01\n- [ ] b due:2026-12-01\n';
    const f = parseClients(t);
    assert.deepEqual(markDone(t, f.clients[0].commitments[0], '2026-11-20'), []);
    assert.deepEqual(markUndone(t, f.clients[0].commitments[1]), []);
  });

  it('markDone on an open item that already has a done date only ticks the box', () => {
    const t = '# A\n## Commitments\n- [ ] a done:2026-11-01\n';
    assert.equal(applyEdits(t, markDone(t, first(parseClients(t)), '2026-11-20')), '# A\n## Commitments\n- [x] a done:2026-11-01\n');
  });

  it('validates inputs with EditError and clear messages', () => {
    const t = '# Acme\n## Commitments\n- [ ] a due:2026-12-01\n';
    const f = parseClients(t);
    const c = first(f);
    const err = (fn: () => unknown, code: string, re: RegExp): void => {
      assert.throws(fn, (e: unknown) => e instanceof EditError && e.code === code && re.test(e.message));
    };
    err(() => markDone(t, c, '2026-02-30'), 'invalid-date', /day must be 01–28/);
    err(() => changeDueDate(t, c, '12/01/2026'), 'invalid-date', /YYYY-MM-DD/);
    err(() => addCommitment(t, f, 'Acme', { title: 'two\nlines' }), 'invalid-title', /one line/);
    err(() => addCommitment(t, f, 'Acme', { title: '   ' }), 'invalid-title', /needs a title/);
    // Metadata in the title would be re-read as metadata: refused, naming the token.
    err(() => addCommitment(t, f, 'Acme', { title: 'Fix #42 before launch', due: '2026-12-05' }), 'invalid-title', /"#42" in the title would be read as a tag.*without the leading # \(e\.g\. "issue 42"\)\.$/);
    err(() => addCommitment(t, f, 'Acme', { title: 'Ship it by due:2026-01-01' }), 'invalid-title', /"due:2026-01-01" in the title would be read as a due date/);
    err(() => addCommitment(t, f, 'Acme', { title: 'Review with @bob' }), 'invalid-title', /"@bob" in the title would be read as the owner.*without the leading @\.$/);
    err(() => addCommitment(t, f, 'Acme', { title: 'Launch 📅 2026-12-01' }), 'invalid-title', /would be read as a due date/);
    // Not metadata: an e-mail address, a C# mention, a number sign alone.
    for (const title of ['Mail jane@acme.example the report', 'Port the C# service', 'Item # 3 on the list']) {
      const edits = addCommitment(t, f, 'Acme', { title, due: '2026-12-05' });
      const reparsed = parseClients(applyEdits(t, edits)).clients[0].commitments.at(-1);
      assert.equal(reparsed?.title, title, 'the title survives a re-parse unchanged');
      assert.equal(reparsed?.due, '2026-12-05');
    }
    err(() => addCommitment(t, f, 'Globex', { title: 'x' }), 'unknown-client', /No client "Globex".*Acme/);
    err(() => addCommitment(t, f, 'Acme', { title: 'x', owner: 'two words' }), 'invalid-owner', /one word/);
    err(() => markDone('# Acme\n## Commitments\n- [ ] changed meanwhile\n', c, '2026-11-20'), 'stale', /re-read/);
    err(() => applyEdits('abc', [{ offset: 0, length: 2, newText: '' }, { offset: 1, length: 1, newText: '' }]), 'stale', /overlap/);
  });

  it('addCommitment accepts the shell\'s `text` field and a unique client prefix', () => {
    const t = '# Acme Retail\n\n## Commitments\n- [ ] a due:2026-12-01\n';
    const out = applyEdits(t, addCommitment(t, parseClients(t), 'acme', { text: 'b' }));
    assert.equal(out, '# Acme Retail\n\n## Commitments\n- [ ] a due:2026-12-01\n- [ ] b\n');
  });
});
