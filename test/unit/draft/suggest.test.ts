/** Suggested links: told to the lead, never linked silently, never in the e-mail. */
import * as assert from 'node:assert/strict';
import { composeDraft } from '../../../src/core/draft/compose';
import { closeness } from '../../../src/core/draft/suggest';
import { readActivity } from '../../../src/core/git/activity';
import { clientsFromSpecs as clientsFile } from '../../support/clients';
import { makeRepo, useIsolatedGitConfig } from '../../support/git';

const NOV = { since: '2026-11-01', until: '2026-11-30' };

describe('draft: link suggestions', function () {
  this.timeout(60000);
  useIsolatedGitConfig();

  it('a subject that closely matches an open commitment is suggested, not linked', async () => {
    const repo = makeRepo([
      { message: 'feat: show loyalty points on the checkout page', date: '2026-11-03 10:00:00 +0000' },
      { message: 'fix: typo in footer', date: '2026-11-04 10:00:00 +0000' },
      { message: '新增门店地图营业时间', date: '2026-11-05 10:00:00 +0000' },
    ]);
    const file = clientsFile([{ name: 'Acme', commitments: [{ title: 'Loyalty points at checkout', tags: ['loyalty'] }, { title: '门店地图显示营业时间', tags: ['hours'] }] }]);
    const a = await readActivity({ cwd: repo, period: NOV }, file);
    assert.ok(a.items.every((i) => i.commitmentIds.length === 0), 'nothing is linked by guessing');
    const draft = composeDraft({ file, client: 'Acme', items: a.items, today: '2026-11-30', period: NOV, audience: 'client', language: 'en', signature: 'Ann' });
    assert.deepEqual(draft.linkSuggestions?.map((s) => [s.change, s.commitmentTitle]), [
      ['feat: show loyalty points on the checkout page', 'Loyalty points at checkout'],
      ['新增门店地图营业时间', '门店地图显示营业时间'],
    ]);
    assert.ok(draft.linkSuggestions?.every((s) => s.lineId?.startsWith('done:')));
    assert.doesNotMatch(draft.markdown, /looks like evidence|link it/u);
    assert.equal(draft.sections.some((s) => s.id === 'inProgress'), false);
  });

  it('closeness needs shared words, not shared stop words', () => {
    assert.equal(closeness('Update the footer', 'Update the checkout'), 0);
    assert.ok(closeness('Faster checkout search', 'Checkout search under 2 s') >= 0.6);
  });
});
