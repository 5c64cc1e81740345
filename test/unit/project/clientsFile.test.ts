/** The one decoder of the clients file. */
import * as assert from 'node:assert/strict';
import { ClientsFileDecodeError, decodeClientsFile } from '../../../src/core/project/clientsFile';

describe('project: clients file decoder', () => {
  it('keeps a BOM and decodes UTF-8', () => {
    assert.equal(decodeClientsFile(Buffer.from('\uFEFF# Café Noir\n', 'utf8'), 'c.md'), '\uFEFF# Café Noir\n');
  });
  it('refuses Latin-1 with the line and how to re-save; refuses UTF-16', () => {
    const latin1 = Buffer.concat([Buffer.from('# Acme\n\n# Caf'), Buffer.from([0xe9]), Buffer.from(' Noir\n')]);
    assert.throws(() => decodeClientsFile(latin1, 'c.md'), (e: unknown) => e instanceof ClientsFileDecodeError && e.problem.code === 'not-utf8' && /line 3\); save it as UTF-8/.test(e.message));
    assert.throws(() => decodeClientsFile(Buffer.from('\uFEFF# A\n', 'utf16le'), 'c.md'), /is UTF-16; save it as UTF-8/);
  });
});
