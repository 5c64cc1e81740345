import { strict as assert } from 'node:assert';
import { parseClients } from '../../../src/core/clients/parse';
import { applyEdits, changeDueDate, rescheduleEdits } from '../../../src/core/clients/edits';
import { scanTokens } from '../../../src/core/clients/tokens';

const file = (line: string, header = '') => `# Acme\n${header}\n## Commitments\n${line}\n`;
const only = (text: string) => parseClients(text).clients[0].commitments[0];
const codes = (text: string) => parseClients(text).diagnostics.map((d) => d.code);

describe('clients: promised dates (a moved due date keeps the promise)', () => {
  it('reads promised:, 原定: and 原定： as the first promised date, and takes them out of the title', () => {
    for (const token of ['promised:2026-11-30', '原定:2026-11-30', '原定：2026-11-30']) {
      const c = only(file(`- [ ] Checkout p95 due:2026-12-09 ${token} @wang #checkout`));
      assert.equal(c.promised, '2026-11-30', token);
      assert.equal(c.due, '2026-12-09');
      assert.equal(c.title, 'Checkout p95', token);
      assert.deepEqual(codes(file(`- [ ] Checkout p95 due:2026-12-09 ${token}`)), [], token);
    }
    // Only a token when it starts the text or follows a space, like the others.
    assert.deepEqual(scanTokens('xpromised:2026-11-30').map((t) => t.kind), []);
  });

  it('diagnoses a broken, duplicated, orphaned or not-earlier promised date', () => {
    assert.deepEqual(codes(file('- [ ] A due:2026-12-09 promised:2026-11-31')), ['invalid-date']);
    assert.deepEqual(codes(file('- [ ] A due:2026-12-09 promised:2026-11-30 原定:2026-11-20')), ['duplicate-promised']);
    assert.deepEqual(codes(file('- [ ] A promised:2026-11-30')), ['missing-due-date', 'promised-without-due']);
    const later = parseClients(file('- [ ] A due:2026-12-09 promised:2026-12-09'));
    assert.deepEqual(later.diagnostics.map((d) => d.code), ['promised-not-before-due']);
    assert.equal(later.clients[0].commitments[0].promised, undefined);
    assert.match(later.diagnostics[0].message, /not before its due date 2026-12-09/);
  });

  it('moving a date later records the old one; a second move keeps the first promise; moving back removes it', () => {
    const t0 = file('- [ ] Checkout p95 📅 2026-11-30 @wang  ');
    const t1 = applyEdits(t0, changeDueDate(t0, only(t0), '2026-12-09'));
    assert.equal(t1, file('- [ ] Checkout p95 📅 2026-12-09 promised:2026-11-30 @wang  '));
    const t2 = applyEdits(t1, changeDueDate(t1, only(t1), '2026-12-16'));
    assert.equal(t2, file('- [ ] Checkout p95 📅 2026-12-16 promised:2026-11-30 @wang  '));
    const t3 = applyEdits(t2, changeDueDate(t2, only(t2), '2026-11-30'));
    assert.equal(t3, t0, 'back on the promised date: the exact original bytes');
    assert.deepEqual(parseClients(t2).diagnostics, []);
  });

  it('moving earlier records nothing; keepPromise:false corrects a date without a record; a zh-CN client gets 原定:', () => {
    const t = file('- [ ] A due:2026-12-09');
    assert.equal(applyEdits(t, changeDueDate(t, only(t), '2026-12-01')), file('- [ ] A due:2026-12-01'));
    assert.equal(applyEdits(t, changeDueDate(t, only(t), '2026-12-19', { keepPromise: false })), file('- [ ] A due:2026-12-19'));
    const zh = '# 客户\n语言: zh-CN\n\n## 承诺\n- [ ] 压测 due:2026-12-09\n';
    const f = parseClients(zh);
    assert.equal(applyEdits(zh, rescheduleEdits(zh, f, { [f.clients[0].commitments[0].id]: '2026-12-11' })), '# 客户\n语言: zh-CN\n\n## 承诺\n- [ ] 压测 due:2026-12-11 原定:2026-12-09\n');
  });

  it('rescheduleEdits writes each proposed date through the same edit, CRLF and the other lines kept', () => {
    const t = '# Acme\r\n## Commitments\r\n- [ ] A due:2026-11-30\r\n- [ ] B due:2026-11-18 #b\r\n- [x] C due:2026-11-01 done:2026-11-01\r\n';
    const f = parseClients(t);
    const [a, b, c] = f.clients[0].commitments;
    const out = applyEdits(t, rescheduleEdits(t, f, { [a.id]: '2026-11-30', [b.id]: '2026-12-04', [c.id]: '2026-12-31', 'Nobody#9': '2026-12-31' }));
    assert.equal(out, '# Acme\r\n## Commitments\r\n- [ ] A due:2026-11-30\r\n- [ ] B due:2026-12-04 promised:2026-11-18 #b\r\n- [x] C due:2026-11-01 done:2026-11-01\r\n');
  });
});
