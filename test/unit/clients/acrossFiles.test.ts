/** A client defined in the clients files of two folders is diagnosed in both. */
import * as assert from 'node:assert/strict';
import { duplicatesAcrossFiles } from '../../../src/core/clients/acrossFiles';
import { parseClients } from '../../../src/core/clients/parse';

describe('clients: the same client in several folders', () => {
  it('warns on each heading, naming the other files; distinct names are fine', () => {
    const web = parseClients('# Acme Retail\n\n# Globex\n');
    const api = parseClients('# ACME retail\n\n# Initech\n');
    const [a, b] = duplicatesAcrossFiles([{ name: 'web/.project/clients.md', file: web }, { name: 'api/.project/clients.md', file: api }]);
    assert.deepEqual(a.map((d) => [d.code, d.severity, d.span.startLine]), [['duplicate-client', 'warning', 0]]);
    assert.match(a[0].message, /also defined in api\/\.project\/clients\.md/u);
    assert.deepEqual(b.map((d) => d.span.startLine), [0]);
    assert.deepEqual(duplicatesAcrossFiles([{ name: 'x', file: web }]), [[]]);
  });
});
