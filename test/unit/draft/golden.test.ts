/**
 * Golden drafts of the demo workspace (scripts/demo.mjs, today = Friday 2026-11-20), in both
 * languages and for both audiences. Regenerate with `UPDATE_GOLDEN=1` only after reading the
 * differences: these files are what a client reads.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { draftWithHeaders } from '../../../src/cli/commands/draft';
import { composeDraft } from '../../../src/core/draft/compose';
import { gatherDraftInput, type GatherOptions } from '../../../src/core/draft/gather';
import { DEMO_TODAY, makeDemo } from '../../support/demo';

const GOLDEN = path.join(__dirname, 'golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

interface Case {
  name: string;
  options: Partial<GatherOptions> & { client: string };
}

const CASES: Case[] = [
  { name: 'acme.en', options: { client: 'Acme Retail' } },
  { name: 'acme.zh-CN', options: { client: 'Acme Retail', language: 'zh-CN' } },
  { name: 'acme.internal.en', options: { client: 'Acme Retail', audience: 'internal' } },
  { name: 'acme.internal.zh-CN', options: { client: 'Acme Retail', audience: 'internal', language: 'zh-CN' } },
  { name: 'xinghe.zh-CN', options: { client: '星河教育', signature: '王伟' } },
  { name: 'northwind.quiet.en', options: { client: 'Northwind Logistics', signature: 'Priya Nair' } },
  {
    name: 'northwind.last-week.footnotes.en',
    options: { client: 'Northwind Logistics', signature: 'Priya Nair', footnotes: true, period: { since: '2026-11-09', until: '2026-11-15' } },
  },
];

describe('draft: golden drafts of the demo workspace', function () {
  this.timeout(120000);
  let tmp: string;
  let repo: string;
  before(() => {
    ({ tmp, repo } = makeDemo());
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  for (const c of CASES) {
    it(`${c.name}.md`, async () => {
      const gathered = await gatherDraftInput({
        roots: [repo],
        clientsText: fs.readFileSync(path.join(repo, '.project', 'clients.md'), 'utf8'),
        projectDir: path.join(repo, '.project'),
        today: DEMO_TODAY,
        weekStart: 'monday',
        audience: 'client',
        signature: 'Alice Martin',
        ...c.options,
      });
      const draft = composeDraft(gathered.input);
      const actual = draftWithHeaders(draft, draft.markdown);
      const file = path.join(GOLDEN, `${c.name}.md`);
      if (UPDATE) {
        fs.mkdirSync(GOLDEN, { recursive: true });
        fs.writeFileSync(file, actual);
        return;
      }
      assert.ok(fs.existsSync(file), `missing golden file ${file}: run with UPDATE_GOLDEN=1 and read it`);
      assert.equal(actual, fs.readFileSync(file, 'utf8'));
    });
  }

  it('the default period runs from the day after the last saved update to today', async () => {
    const gathered = await gatherDraftInput({
      roots: [repo],
      clientsText: fs.readFileSync(path.join(repo, '.project', 'clients.md'), 'utf8'),
      projectDir: path.join(repo, '.project'),
      client: 'acme retail',
      today: DEMO_TODAY,
      weekStart: 'monday',
      audience: 'client',
      signature: 'x',
    });
    assert.equal(gathered.periodSource, 'since-last');
    assert.equal(gathered.lastRecord?.file, '2026-11-13-acme-retail.md');
    assert.deepEqual(gathered.input.period, { since: '2026-11-14', until: '2026-11-20' });
    const noRecord = await gatherDraftInput({
      roots: [repo],
      clientsText: fs.readFileSync(path.join(repo, '.project', 'clients.md'), 'utf8'),
      projectDir: path.join(repo, '.project'),
      client: 'Northwind Logistics',
      today: DEMO_TODAY,
      weekStart: 'monday',
      audience: 'client',
      signature: 'x',
    });
    assert.equal(noRecord.periodSource, 'this-week');
    assert.deepEqual(noRecord.input.period, { since: '2026-11-16', until: '2026-11-22' });
  });
});
