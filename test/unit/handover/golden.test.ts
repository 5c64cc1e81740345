/**
 * Golden handover of the demo workspace (scripts/demo.mjs with a fixed "today"), in English and in
 * Chinese. Regenerate with UPDATE_GOLDEN=1 after reading the diff: the text must read like a
 * careful manager's handover.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Ask, Commitment, Language } from '../../../src/core/clients/model';
import { composeHandover } from '../../../src/core/handover/compose';
import { parseClients } from '../../../src/core/clients/parse';
import { gatherHandoverInput } from '../../../src/core/handover/gather';
import { realHandoverGit } from '../../../src/core/handover/gitSource';
import { DEMO_TODAY, makeDemo } from '../../support/demo';

const GOLDEN = path.join(__dirname, 'golden');

async function demoHandover(root: string | undefined, language: Language) {
  if (!root) throw new Error('no demo workspace');
  const text = fs.readFileSync(path.join(root, '.project', 'clients.md'), 'utf8');
  const input = await gatherHandoverInput({
    roots: [root],
    clientsText: text,
    from: 'alice@agency.example',
    today: DEMO_TODAY,
    language,
    projectDir: path.join(root, '.project'),
    git: realHandoverGit(),
  });
  return composeHandover(input);
}

describe('handover: golden output for the demo workspace', function () {
  this.timeout(60000);
  let root: string | undefined;
  before(() => {
    root = makeDemo(DEMO_TODAY).repo;
  });
  after(() => {
    if (root) fs.rmSync(path.dirname(root), { recursive: true, force: true });
  });

  for (const language of ['en', 'zh-CN'] as const) {
    it(`matches golden/demo.${language}.md`, async () => {
      const doc = await demoHandover(root, language);
      const file = path.join(GOLDEN, `demo.${language}.md`);
      if (process.env.UPDATE_GOLDEN === '1') {
        fs.mkdirSync(GOLDEN, { recursive: true });
        fs.writeFileSync(file, doc.markdown);
      }
      assert.ok(fs.existsSync(file), `missing ${file}: run with UPDATE_GOLDEN=1 once and read it`);
      assert.equal(doc.markdown, fs.readFileSync(file, 'utf8'));
    });
  }

  it('contains every open commitment and every risk of clients.md, and a letter and checklist per client', async () => {
    const doc = await demoHandover(root, 'en');
    const file = parseClients(fs.readFileSync(path.join(root ?? '', '.project', 'clients.md'), 'utf8'));
    assert.equal(file.clients.length, 3);
    for (const client of file.clients) {
      const part = doc.clients.find((c) => c.client === client.name);
      assert.ok(part, client.name);
      for (const c of client.commitments.filter((x: Commitment) => !x.done)) assert.ok(part.markdown.includes(`**${c.title}**`), `${client.name}: ${c.title}`);
      for (const c of client.commitments.filter((x: Commitment) => x.done)) assert.ok(!part.markdown.includes(`**${c.title}**`), `done: ${c.title}`);
      for (const r of client.risks) assert.ok(part.markdown.includes(r.description), `${client.name}: ${r.description}`);
      for (const a of client.asks.filter((x: Ask) => !x.answered)) assert.ok(part.markdown.includes(a.text), a.text);
      if (part.role === 'none') {
        assert.equal(part.letter, undefined, `${client.name}: no letter from someone the client never worked with`);
      } else {
        assert.ok((part.letter?.body.length ?? 0) > 400, `${client.name} letter`);
        assert.ok(part.checklist.length >= 8, `${client.name} checklist`);
      }
    }
  });

  it('reads the demo’s story right: Alice owns Acme, stands in for 星河教育, her branch and records', async () => {
    const doc = await demoHandover(root, 'en');
    const acme = doc.clients.find((c) => c.client === 'Acme Retail');
    const xinghe = doc.clients.find((c) => c.client === '星河教育');
    assert.equal(acme?.role, 'owner');
    assert.equal(acme?.lead.kind, 'interim');
    assert.equal(acme?.lead.person?.name, '王伟');
    assert.equal(xinghe?.role, 'backup');
    assert.equal(xinghe?.lead.kind, 'owner', 'the Owner 王伟 stays the lead of 星河教育');
    assert.equal(xinghe?.language, 'zh-CN');
    assert.match(xinghe?.letter?.body ?? '', /李娜，您好！/);
    assert.equal(doc.clients.find((c) => c.client === 'Northwind Logistics')?.role, 'none');
    assert.match(acme?.markdown ?? '', /Last update sent: Fri 13 Nov \(7 days ago\)/);
    assert.equal(acme?.ownedByDeparting, 1, 'Loyalty app beta is @alice');
    assert.ok(acme?.areas.some((a) => a.path.startsWith('apps/acme/loyalty') || a.path.startsWith('apps/acme/locator')));
    assert.ok(acme?.branches.some((b) => b.name === 'feature/payments-v2'), 'Priya’s unmerged payments branch is Acme’s');
  });
});
