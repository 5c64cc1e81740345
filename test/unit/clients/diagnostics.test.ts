import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseClients } from '../../../src/core/clients/parse';
import { applyEdits } from '../../../src/core/clients/edits';
import type { Diagnostic } from '../../../src/core/clients/model';

function only(text: string, code: string): Diagnostic {
  const f = parseClients(text);
  const hits = f.diagnostics.filter((d) => d.code === code);
  assert.equal(hits.length, 1, `${code}: ${JSON.stringify(f.diagnostics.map((d) => d.code))}`);
  return hits[0];
}
const at = (d: Diagnostic): [number, number] => [d.span.startLine, d.span.startColumn];
const C = '# Acme\n\n## Commitments\n';

describe('clients: diagnostics (one test per code)', () => {
  it('empty-file: empty, whitespace-only, BOM-only', () => {
    for (const t of ['', '  \n\n', '\uFEFF', '\r\n']) {
      const f = parseClients(t);
      assert.deepEqual(f.diagnostics.map((d) => d.code), ['empty-file']);
      assert.equal(f.clients.length, 0);
    }
  });

  it('invalid-date: month 13, day 45, 30 February, not ISO; actionable message; error', () => {
    const d = only(`${C}- [ ] Beta due:2026-13-45\n`, 'invalid-date');
    assert.equal(d.severity, 'error');
    assert.deepEqual(at(d), [3, 15]);
    assert.equal(d.span.endColumn, 25);
    assert.match(d.message, /2026-13-45: month must be 01–12\. Write dates as YYYY-MM-DD\./);
    assert.match(only(`${C}- [ ] Beta due:2026-02-30\n`, 'invalid-date').message, /day must be 01–28 in 2026-02/);
    assert.match(only(`${C}- [ ] Beta 📅 2026-04-31\n`, 'invalid-date').message, /01–30/);
    assert.match(only(`${C}- [ ] Beta due:tomorrow\n`, 'invalid-date').message, /YYYY-MM-DD/);
    assert.match(only(`${C}- [x] Beta due:2026-12-01 done:2026-00-10\n`, 'invalid-date').message, /month/);
    only('# Acme\n\n## Asks\n- Logo asked:2026-02-29\n', 'invalid-date');
    only('# Acme\n\n## Decisions\n- 2026-11-31: ship\n', 'invalid-date');
    // 2028 is a leap year
    assert.equal(parseClients(`${C}- [ ] Beta due:2028-02-29\n`).diagnostics.length, 0);
  });

  it('invalid-date quick fix only where the meaning is obvious, and it fixes exactly the date', () => {
    const cases: Array<[string, string | undefined, RegExp | undefined]> = [
      ['due:2026-2-3', 'due:2026-02-03', /Write it as 2026-02-03/],
      ['due:2026/12/04', 'due:2026-12-04', /Write it as 2026-12-04/],
      ['📅 2026.12.4', '📅 2026-12-04', /Write it as/],
      ['due:2026-02-30', 'due:2026-02-28', /Change to 2026-02-28 \(the last day of that month\)/],
      ['due:2026-04-31', 'due:2026-04-30', /last day/],
      ['due:2026-13-45', undefined, undefined],
      ['due:2026-00-10', undefined, undefined],
      ['due:tomorrow', undefined, undefined],
    ];
    for (const [written, fixed, title] of cases) {
      const text = `${C}- [ ] Beta ${written} @alice\n`;
      const d = only(text, 'invalid-date');
      if (fixed === undefined) {
        assert.equal(d.fix, undefined, `no fix for ${written}`);
        continue;
      }
      assert.ok(d.fix, `a fix for ${written}`);
      assert.match(d.fix.title, title ?? /./);
      const after = applyEdits(text, d.fix.edits);
      assert.equal(after, text.replace(written, fixed));
      assert.equal(parseClients(after).diagnostics.length, 0, `${fixed} is valid`);
    }
  });

  it('duplicate-due and duplicate-done-date: errors on the second token', () => {
    const d = only(`${C}- [ ] Beta due:2026-12-01 📅 2026-12-05\n`, 'duplicate-due');
    assert.equal(d.severity, 'error');
    assert.deepEqual(at(d), [3, 26]);
    const f = parseClients(`${C}- [ ] Beta due:2026-12-01 due:2026-12-05\n`);
    assert.equal(f.clients[0].commitments[0].due, '2026-12-01', 'the first due date counts');
    const e = only(`${C}- [x] Beta due:2026-12-01 done:2026-11-01 ✅ 2026-11-02\n`, 'duplicate-done-date');
    assert.equal(e.severity, 'error');
    assert.deepEqual(at(e), [3, 42]);
  });

  it('unknown-section: warning, content kept, rename fix when close', () => {
    const text = '# Acme\n\n## Comitments\n- [ ] Beta due:2026-12-01\n';
    const d = only(text, 'unknown-section');
    assert.equal(d.severity, 'warning');
    assert.deepEqual(at(d), [2, 0]);
    assert.match(d.message, /did you mean "Commitments"/);
    assert.ok(d.fix);
    const fixed = applyEdits(text, d.fix.edits);
    assert.equal(fixed, '# Acme\n\n## Commitments\n- [ ] Beta due:2026-12-01\n');
    assert.equal(parseClients(fixed).clients[0].commitments.length, 1);
    const far = only('# Acme\n\n## Roadmap\n- x\n', 'unknown-section');
    assert.equal(far.fix, undefined);
    assert.equal(parseClients('# Acme\n\n## Roadmap\n- x\n').clients[0].sections[0].kind, 'unknown');
  });

  it('commitment-outside-client: a task before the first client is an error, other content a warning', () => {
    const d = only('- [ ] Orphan due:2026-12-01\n\n# Acme\n', 'commitment-outside-client');
    assert.equal(d.severity, 'error');
    assert.deepEqual(at(d), [0, 0]);
    const p = only('Some intro text\n\n# Acme\n', 'commitment-outside-client');
    assert.equal(p.severity, 'warning');
    const h = only('# Acme\n\n- [ ] in the header\n', 'commitment-outside-client');
    assert.deepEqual(at(h), [2, 0]);
    assert.equal(parseClients('<!-- a comment -->\n\n# Acme\n').diagnostics.length, 0, 'HTML comments are fine');
  });

  it('duplicate-client: case-insensitive, error on the second heading, both kept', () => {
    const f = parseClients('# Acme\n\n# ACME\n');
    const d = only('# Acme\n\n# ACME\n', 'duplicate-client');
    assert.equal(d.severity, 'error');
    assert.deepEqual(at(d), [2, 0]);
    assert.match(d.message, /line 1/);
    assert.equal(f.clients.length, 2);
  });

  it('unknown-field: close to a known key (with fix) or in a block of fields; prose with a colon is profile', () => {
    const text = '# Acme\n\nContatc: Jane <jane@acme.example>\n';
    const d = only(text, 'unknown-field');
    assert.equal(d.severity, 'warning');
    assert.deepEqual(at(d), [2, 0]);
    assert.equal(applyEdits(text, d.fix!.edits), '# Acme\n\nContact: Jane <jane@acme.example>\n');
    only('# Acme\n\nLanguage: en\nBudget: 10k\n', 'unknown-field');
    const prose = parseClients('# Acme\n\nGoals for this quarter: a beta.\nChallenges: time.\n');
    assert.equal(prose.diagnostics.length, 0);
    assert.equal(prose.clients[0].profile, 'Goals for this quarter: a beta.\nChallenges: time.');
  });

  it('invalid-email: contact, cc, owner; missing address on a contact', () => {
    const d = only('# Acme\n\nContact: Jane <jane@acme> (CTO)\n', 'invalid-email');
    assert.deepEqual(at(d), [2, 15]);
    assert.equal(d.span.endColumn, 24);
    only('# Acme\n\nCc: pmo@acme.example, not-an-email\n', 'invalid-email');
    only('# Acme\n\nOwner: Al <al@@x.example>\n', 'invalid-email');
    assert.match(only('# Acme\n\nContact: Jane Doe\n', 'invalid-email').message, /no e-mail address/);
  });

  it('invalid-language: suggests en / zh-CN with a fix', () => {
    const text = '# Acme\n\nLanguage: Chinese\n';
    const d = only(text, 'invalid-language');
    assert.deepEqual(at(d), [2, 10]);
    assert.equal(applyEdits(text, d.fix!.edits), '# Acme\n\nLanguage: zh-CN\n');
    assert.equal(only('# Acme\n\nLanguage: fr\n', 'invalid-language').fix, undefined);
    assert.equal(parseClients('# Acme\n\n语言：ZH-cn\n').clients[0].language, 'zh-CN');
  });

  it('invalid-cadence', () => {
    const d = only('# Acme\n\nCadence: weekly Funday\n', 'invalid-cadence');
    assert.deepEqual(at(d), [2, 9]);
    only('# Acme\n\n节奏：每年\n', 'invalid-cadence');
  });

  it('missing-due-date: open commitment without a due date is a warning; done ones are not', () => {
    const d = only(`${C}- [ ] Beta @alice\n`, 'missing-due-date');
    assert.equal(d.severity, 'warning');
    assert.deepEqual(at(d), [3, 0]);
    assert.equal(parseClients(`${C}- [x] Beta done:2026-11-01\n`).diagnostics.length, 0);
  });

  it('done-without-check (warning, fix ticks the box) and checked-without-done-date (info, no fix)', () => {
    const text = `${C}- [ ] Beta due:2026-12-01 done:2026-11-30\n`;
    const d = only(text, 'done-without-check');
    assert.equal(d.severity, 'warning');
    assert.deepEqual(at(d), [3, 2]);
    assert.equal(applyEdits(text, d.fix!.edits), `${C}- [x] Beta due:2026-12-01 done:2026-11-30\n`);
    const i = only(`${C}- [x] Beta due:2026-12-01\n`, 'checked-without-done-date');
    assert.equal(i.severity, 'info');
    assert.equal(i.fix, undefined);
  });

  it('invalid-risk-level: unknown or missing level; fix when close', () => {
    const text = '# Acme\n\n## Risks\n- hight: API — mitigation: v2\n';
    const d = only(text, 'invalid-risk-level');
    assert.deepEqual(at(d), [3, 2]);
    assert.equal(applyEdits(text, d.fix!.edits), '# Acme\n\n## Risks\n- high: API — mitigation: v2\n');
    only('# Acme\n\n## Risks\n- API retires — mitigation: v2\n', 'invalid-risk-level');
  });

  it('risk-without-mitigation: warning', () => {
    const d = only('# Acme\n\n## 风险\n- 高：支付接口下线\n', 'risk-without-mitigation');
    assert.equal(d.severity, 'warning');
    assert.deepEqual(at(d), [3, 0]);
  });

  it('empty-client-name: error', () => {
    const d = only('#\n\nLanguage: en\n', 'empty-client-name');
    assert.equal(d.severity, 'error');
    assert.deepEqual(at(d), [0, 0]);
  });

  it('heading-level: ### Commitments (info, fix to ##) and # Risks after a client (warning)', () => {
    const text = '# Acme\n\n### Commitments\n- [ ] Beta due:2026-12-01\n';
    const d = only(text, 'heading-level');
    assert.equal(d.severity, 'info');
    const fixed = applyEdits(text, d.fix!.edits);
    assert.equal(fixed, '# Acme\n\n## Commitments\n- [ ] Beta due:2026-12-01\n');
    assert.equal(parseClients(fixed).diagnostics.length, 0);
    const w = only('# Acme\n\n# Risks\n', 'heading-level');
    assert.equal(w.severity, 'warning');
    assert.equal(applyEdits('# Acme\n\n# Risks\n', w.fix!.edits), '# Acme\n\n## Risks\n');
  });

  it('malformed-checkbox: [] or [ x] in Commitments, fix writes [ ] / [x]', () => {
    const text = `${C}- [] Beta due:2026-12-01\n- [ x] Gamma due:2026-12-01 done:2026-11-01\n`;
    const f = parseClients(text);
    const ds = f.diagnostics.filter((d) => d.code === 'malformed-checkbox');
    assert.equal(ds.length, 2);
    const fixed = applyEdits(text, ds.flatMap((d) => d.fix!.edits));
    assert.equal(fixed, `${C}- [ ] Beta due:2026-12-01\n- [x] Gamma due:2026-12-01 done:2026-11-01\n`);
    assert.equal(parseClients(fixed).clients[0].commitments.length, 2);
  });

  it('positions with a BOM and CRLF: columns count the BOM on line 0, offsets index the original text', () => {
    const text = '\uFEFF# Acme\r\n\r\n## Commitments\r\n- [ ] Beta due:2026-13-01\r\n';
    const d = only(text, 'invalid-date');
    assert.deepEqual(at(d), [3, 15]);
    assert.equal(text.slice(d.span.startOffset, d.span.endOffset), '2026-13-01');
    const f = parseClients(text);
    assert.equal(f.eol, '\r\n');
    assert.equal(f.hasBom, true);
    assert.equal(f.clients[0].headingSpan.startColumn, 1);
    assert.equal(text.slice(f.clients[0].headingSpan.startOffset, f.clients[0].headingSpan.endOffset), '# Acme');
  });
});

describe('clients: ten-mistakes fixture', () => {
  it('reports ten distinct codes on the right lines (1-based here)', () => {
    const text = fs.readFileSync(path.join(__dirname, 'fixtures', 'ten-mistakes.md'), 'utf8');
    const got = parseClients(text).diagnostics.map((d) => `${d.span.startLine + 1}:${d.span.startColumn + 1} ${d.severity} ${d.code}`);
    assert.deepEqual(got, [
      '1:1 warning commitment-outside-client',
      '5:20 warning invalid-email',
      '6:1 warning unknown-field',
      '7:10 warning invalid-cadence',
      '10:24 error invalid-date',
      '11:37 error duplicate-due',
      '14:1 warning unknown-section',
      '18:3 warning invalid-risk-level',
      '19:1 warning risk-without-mitigation',
      '21:1 error duplicate-client',
    ]);
  });
});
