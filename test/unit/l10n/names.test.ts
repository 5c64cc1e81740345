/** One greeting rule for the weekly update and the handover letter, in every script. */
import * as assert from 'node:assert/strict';
import { parseClients } from '../../../src/core/clients/parse';
import { composeDraft } from '../../../src/core/draft/compose';
import { composeHandover } from '../../../src/core/handover/compose';
import { resolveDeparting } from '../../../src/core/handover/person';
import { greetingName } from '../../../src/core/l10n/names';

const TODAY = '2026-11-20';

function clientsMd(contact: string): string {
  return `# Volga Foods\n\nContact: ${contact}\nLanguage: en\nOwner: Alice Martin <alice@agency.example>\n\n## Commitments\n- [ ] Price list import due:2026-12-10 @alice #prices\n`;
}

/** The greeting line of the draft and of the handover letter for a client whose contact is `contact`. */
function greetings(contact: string): { draft: string; letter: string } {
  const file = parseClients(clientsMd(contact));
  const draft = composeDraft({ file, client: 'Volga Foods', items: [], today: TODAY, period: { since: '2026-11-14', until: '2026-11-20' }, audience: 'client', signature: 'Alice Martin' });
  const doc = composeHandover({
    today: TODAY,
    period: { since: '2026-08-23', until: TODAY },
    language: 'en',
    from: resolveDeparting('alice@agency.example', [{ name: 'Alice Martin', email: 'alice@agency.example' }]),
    clients: file.clients,
    allClients: file.clients,
    repositories: [],
    lastUpdateSent: {},
    warnings: [],
  });
  const body = doc.clients[0].letter?.body ?? '';
  return { draft: draft.greeting, letter: body.split('\n').find((l) => l.startsWith('Dear ')) ?? body.split('\n')[0] };
}

describe('l10n: greeting names', () => {
  it('greets by the first word in alphabetic scripts, by the whole name in CJK', () => {
    assert.equal(greetingName('Jane Doe'), 'Jane');
    assert.equal(greetingName('  Иван   Петров '), 'Иван');
    assert.equal(greetingName('محمد علي'), 'محمد');
    assert.equal(greetingName('李娜'), '李娜');
    assert.equal(greetingName('김민준'), '김민준');
    assert.equal(greetingName('김 민준'), '김 민준');
    assert.equal(greetingName('山田 太郎'), '山田 太郎');
    assert.equal(greetingName(''), undefined);
    assert.equal(greetingName(undefined), undefined);
  });

  for (const [contact, name] of [
    ['Иван Петров <ivan@volga.example>', 'Иван'],
    ['김민준 <minjun@volga.example>', '김민준'],
    ['محمد علي <m.ali@volga.example>', 'محمد'],
    ['Jane Doe <jane@volga.example>', 'Jane'],
  ] as const) {
    it(`the update and the handover letter greet ${contact} the same way`, () => {
      const g = greetings(contact);
      assert.equal(g.draft, `Hi ${name},`);
      assert.equal(g.letter, `Dear ${name},`);
    });
  }
});
