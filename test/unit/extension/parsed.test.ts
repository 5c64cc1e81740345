/** clients.md parsed once per content (src/extension/parsed.ts). */
import * as assert from 'node:assert/strict';
import { parseClients } from '../../../src/core/clients/parse';
import { parseClientsOnce } from '../../../src/extension/parsed';

describe('extension/parsed: one parse per text', () => {
  const text = (n: number) => `# Client ${n}\n\n## Commitments\n- [ ] Deliverable due:2026-12-01 #d${n}\n`;

  it('the same text gives the same parse, computed once; another text its own', () => {
    const a = parseClientsOnce(text(1));
    assert.equal(parseClientsOnce(text(1)), a);
    assert.deepEqual(a, parseClients(text(1)));
    const b = parseClientsOnce(text(2));
    assert.notEqual(b, a);
    assert.equal(b.clients[0].name, 'Client 2');
  });

  it('keeps only the last few texts', () => {
    const first = parseClientsOnce(text(10));
    for (let n = 11; n < 20; n++) parseClientsOnce(text(n));
    assert.notEqual(parseClientsOnce(text(10)), first, 'an old text is parsed again');
    assert.deepEqual(parseClientsOnce(text(10)), first);
  });
});
