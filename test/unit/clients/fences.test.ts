import { strict as assert } from 'node:assert';
import { parseClients } from '../../../src/core/clients/parse';
import { applyEdits } from '../../../src/core/clients/edits';

describe('clients: an unclosed code fence does not swallow the rest of the file', () => {
  const text = [
    '# Acme', '', '## Commitments', '- [ ] Beta due:2026-12-01', '```', 'curl https://staging.example', '',
    '## Risks', '- high: API v1 retires — mitigation: v2', '', '# Globex', '', '## Commitments', '- [ ] Portal due:2026-11-01', '',
  ].join('\n');

  it('says so on the fence line, reads on from the next heading (risks and the next client kept)', () => {
    const f = parseClients(text);
    assert.deepEqual(f.clients.map((c) => c.name), ['Acme', 'Globex']);
    assert.equal(f.clients[0].risks.length, 1);
    assert.equal(f.clients[1].commitments[0].due, '2026-11-01');
    const d = f.diagnostics.find((x) => x.code === 'unclosed-code-block');
    assert.ok(d);
    assert.equal(d.span.startLine, 4);
    assert.match(d.message, /never closed.*line 8/);
  });

  it('its quick fix closes the block before that heading, and then nothing is reported', () => {
    const f = parseClients(text);
    const d = f.diagnostics.find((x) => x.code === 'unclosed-code-block');
    const fixed = applyEdits(text, d!.fix!.edits);
    assert.ok(fixed.includes('curl https://staging.example\n\n```\n## Risks'));
    const g = parseClients(fixed);
    assert.deepEqual(g.diagnostics.map((x) => x.code), []);
    assert.equal(g.clients[0].risks.length, 1);
  });

  it('at the end of the file (CRLF, BOM): the fix appends the fence; a closed fence is nothing', () => {
    const t = '\uFEFF# Acme\r\n\r\n## Notes\r\n~~~~\r\nlog';
    const d = parseClients(t).diagnostics.find((x) => x.code === 'unclosed-code-block');
    assert.ok(d);
    assert.equal(applyEdits(t, d.fix!.edits), `${t}\r\n~~~~`);
    assert.deepEqual(parseClients(applyEdits(t, d.fix!.edits)).diagnostics, []);
    assert.deepEqual(parseClients('# Acme\n\n## Notes\n```\nx\n```\n').diagnostics, []);
  });
});
