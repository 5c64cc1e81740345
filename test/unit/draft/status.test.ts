import * as assert from 'node:assert/strict';
import { composeDraft } from '../../../src/core/draft/compose';
import type { DraftInput } from '../../../src/core/draft/input';
import type { Client, Language } from '../../../src/core/clients/model';
import type { ActivityItem } from '../../../src/core/git/types';
import { client, clientsFile, commitment, item, risk } from '../../support/clients';

const TODAY = '2026-11-20';

function compose(c: Client, items: ActivityItem[] = [], extra: Partial<DraftInput> = {}, language: Language = 'en') {
  return composeDraft({
    file: clientsFile(c),
    client: c.name,
    items,
    today: TODAY,
    period: { since: '2026-11-14', until: '2026-11-20' },
    audience: 'client',
    language,
    signature: 'Alice Martin',
    ...extra,
  });
}

describe('draft: status rules', () => {
  it('on track when nothing is late, nothing due soon lacks progress and no high risk', () => {
    const d = compose(client({ commitments: [commitment(0, 'Beta', { due: '2026-12-10' })], risks: [risk('medium', 'Slow checkout', 'cache')] }));
    assert.equal(d.status.status, 'on-track');
    assert.deepEqual(d.status.reasons, ['all commitments are on schedule']);
    assert.match(d.markdown, /\*\*Overall status: On track\*\* — all commitments are on schedule\./);
  });

  it('off track: one commitment more than 7 days overdue', () => {
    const d = compose(client({ commitments: [commitment(0, 'Checkout speed', { due: '2026-11-12' })] }));
    assert.equal(d.status.status, 'off-track');
    assert.deepEqual(d.status.reasons, ['“Checkout speed” is 8 days past its due date']);
  });

  it('at risk (not off track): one commitment exactly 7 days overdue', () => {
    const d = compose(client({ commitments: [commitment(0, 'Checkout speed', { due: '2026-11-13' })] }));
    assert.equal(d.status.status, 'at-risk');
    assert.deepEqual(d.status.reasons, ['“Checkout speed” is 7 days past its due date']);
  });

  it('off track: two commitments overdue, even by a day', () => {
    const d = compose(client({ commitments: [commitment(0, 'A', { due: '2026-11-19' }), commitment(1, 'B', { due: '2026-11-18' })] }));
    assert.equal(d.status.status, 'off-track');
    assert.deepEqual(d.status.reasons, ['2 commitments are overdue']);
  });

  it('off track: a high risk without mitigation', () => {
    const d = compose(client({ risks: [risk('high', 'Provider retires its v1 API.')] }));
    assert.equal(d.status.status, 'off-track');
    assert.deepEqual(d.status.reasons, ['a high risk has no mitigation yet (Provider retires its v1 API)']);
  });

  it('at risk: a high risk with a mitigation', () => {
    const d = compose(client({ risks: [risk('high', 'Provider retires its v1 API', 'v2 behind a flag')] }));
    assert.equal(d.status.status, 'at-risk');
    assert.deepEqual(d.status.reasons, ['a high risk is open (Provider retires its v1 API)']);
  });

  it('at risk: due within 3 days with no commit as evidence in the period; evidence or a later date clears it', () => {
    const soon = commitment(0, 'Beta on TestFlight', { due: '2026-11-23' });
    const d = compose(client({ commitments: [soon] }));
    assert.equal(d.status.status, 'at-risk');
    assert.deepEqual(d.status.reasons, ['“Beta on TestFlight” is due in 3 days and saw no progress this week']);

    const withWork = compose(client({ commitments: [soon] }), [item('Build pipeline for the beta', { commitmentIds: [soon.id] })]);
    assert.equal(withWork.status.status, 'on-track');

    // Hidden work (a test commit) is still evidence for the rules, though not shown to the client.
    const hiddenWork = compose(client({ commitments: [soon] }), [item('test: contract tests', { commitmentIds: [soon.id], hidden: 'type' })]);
    assert.equal(hiddenWork.status.status, 'on-track');

    const later = compose(client({ commitments: [commitment(0, 'Beta', { due: '2026-11-24' })] }));
    assert.equal(later.status.status, 'on-track');

    const today = compose(client({ commitments: [commitment(0, 'Beta', { due: TODAY })] }));
    assert.deepEqual(today.status.reasons, ['“Beta” is due today and saw no progress this week']);
  });

  it('done commitments never count against the status', () => {
    const d = compose(client({ commitments: [commitment(0, 'Old', { due: '2026-10-01', done: true, doneDate: '2026-10-02' })] }));
    assert.equal(d.status.status, 'on-track');
    assert.deepEqual(d.status.reasons, ['nothing is late or at risk']);
  });

  it('lists off-track reasons before at-risk ones', () => {
    const d = compose(
      client({ commitments: [commitment(0, 'Late', { due: '2026-11-01' })], risks: [risk('high', 'Watched', 'plan'), risk('high', 'Unplanned')] }),
    );
    assert.equal(d.status.status, 'off-track');
    assert.deepEqual(d.status.reasons, [
      '“Late” is 19 days past its due date',
      'a high risk has no mitigation yet (Unplanned)',
      'a high risk is open (Watched)',
    ]);
  });

  it('the user can override the status; the rules stay visible as computed', () => {
    const c = client({ commitments: [commitment(0, 'Checkout speed', { due: '2026-11-12' })] });
    const d = compose(c, [], { statusOverride: 'at-risk' });
    assert.deepEqual(d.status, { status: 'at-risk', reasons: ['“Checkout speed” is 8 days past its due date'], overridden: true, computed: 'off-track' });
    assert.match(d.markdown, /^\*\*Overall status: At risk\*\*$/m);
    const same = compose(c, [], { statusOverride: 'off-track' });
    assert.equal(same.status.overridden, false);
  });

  it('reasons and labels are localised', () => {
    const d = compose(
      client({ commitments: [commitment(0, '课程报名页上线', { due: '2026-11-21' }), commitment(1, '直播课回放', { due: '2026-11-15' })] }),
      [],
      {},
      'zh-CN',
    );
    assert.equal(d.status.status, 'at-risk');
    assert.deepEqual(d.status.reasons, ['“直播课回放”已逾期 5 天', '“课程报名页上线”明天到期，但本周没有相关进展']);
    assert.match(d.markdown, /\*\*总体状态：存在风险\*\*。“直播课回放”已逾期 5 天；“课程报名页上线”明天到期，但本周没有相关进展。/);
  });
});
