import { strict as assert } from 'node:assert';
import { parseClients } from '../../../src/core/clients/parse';
import { findClient, openCommitments } from '../../../src/core/clients/queries';
import { clientsFileTemplate } from '../../../src/core/clients/template';

const TEXT = [
  '# Acme Retail', '## Commitments',
  '- [ ] Later due:2026-12-31', '- [ ] No date', '- [ ] Soon due:2026-11-25', '- [ ] Late due:2026-11-17', '- [x] Done due:2026-11-01 done:2026-11-01',
  '## Risks', '- high: A — mitigation: a', '- low: B — mitigation: b',
  '## Asks', '- Logo asked:2026-11-10', '- [x] Access asked:2026-11-02', '- Fonts asked:2026-11-05',
  '# Acme Labs', '## Commitments', '- [ ] Very late due:2026-11-01', '',
  '# Globex', '',
].join('\n');

describe('clients: queries', () => {
  const f = parseClients(TEXT);

  it('findClient: case-insensitive exact name, unique prefix, ambiguous prefix → undefined', () => {
    assert.equal(findClient(f, 'acme retail')?.name, 'Acme Retail');
    assert.equal(findClient(f, 'GLO')?.name, 'Globex');
    assert.equal(findClient(f, 'Acme'), undefined, 'two clients start with Acme');
    assert.equal(findClient(f, 'acme l')?.name, 'Acme Labs');
    assert.equal(findClient(f, ''), undefined);
  });

  it('openCommitments: overdue first, then by due date, undated last; states and day counts', () => {
    const open = openCommitments(f, '2026-11-20');
    assert.deepEqual(open.map((c) => [c.title, c.state, c.daysLate, c.daysLeft]), [
      ['Very late', 'overdue', 19, undefined],
      ['Late', 'overdue', 3, undefined],
      ['Soon', 'due-soon', undefined, 5],
      ['Later', 'later', undefined, 41],
      ['No date', 'no-date', undefined, undefined],
    ]);
    assert.deepEqual(openCommitments(f, '2026-11-20', { client: 'acme labs' }).map((c) => c.title), ['Very late']);
    assert.deepEqual(openCommitments(f, '2026-11-20', { client: 'nobody' }), []);
    assert.equal(openCommitments(f, '2026-11-25')[2].daysLeft, 0);
  });
});

describe('clients: template', () => {
  for (const lang of ['en', 'zh-CN'] as const) {
    it(`${lang}: parses with zero diagnostics, one example client with a commitment due a week after today`, () => {
      const text = clientsFileTemplate(lang, '2026-11-20');
      const f = parseClients(text);
      assert.deepEqual(f.diagnostics, []);
      assert.equal(f.clients.length, 1);
      const c = f.clients[0];
      assert.equal(c.language, lang);
      assert.equal(c.commitments[0].due, '2026-11-27');
      assert.ok(c.contacts[0].email && c.cadence && c.owner && c.risks[0].mitigation && c.asks[0].askedOn);
      assert.deepEqual(c.sections.map((s) => s.kind), ['commitments', 'risks', 'asks', 'feedback', 'decisions', 'notes']);
      assert.match(text, /^<!--/);
    });
  }
});
