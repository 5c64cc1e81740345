/**
 * The status line and the lines below it never contradict each other or the evidence: random
 * clients, commitments and changes (fast-check), composed in both languages, for both audiences.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Commitment, Language } from '../../../src/core/clients/model';
import { composeDraft } from '../../../src/core/draft/compose';
import type { Draft } from '../../../src/core/draft/types';
import type { ActivityItem, CommitKind, HiddenReason } from '../../../src/core/git/types';
import { addDays } from '../../../src/core/calendar';
import { client, clientsFile, commitment, item, risk } from '../../support/clients';

const TODAY = '2026-11-20';
const SINCE = '2026-11-14';

function compose(commitments: Commitment[], items: ActivityItem[], language: Language, audience: 'client' | 'internal' = 'client', risks = [risk('medium', 'Slow checkout', 'cache')]): Draft {
  return composeDraft({
    file: clientsFile(client({ commitments, risks })),
    client: 'Acme Retail',
    items,
    today: TODAY,
    period: { since: SINCE, until: TODAY },
    audience,
    language,
    signature: 'Alice Martin',
  });
}

const lines = (d: Draft, id: string) => d.sections.find((s) => s.id === id)?.lines ?? [];
const MISSED = { en: /We missed/u, 'zh-CN': /未能按原定/u } as const;
const NO_PROGRESS = { en: /saw no progress/u, 'zh-CN': /没有相关进展/u } as const;
const ON_SCHEDULE = { en: 'all commitments are on schedule', 'zh-CN': '各项承诺均按计划推进' } as const;

/** Evidence that moves a commitment forward: linked, in the period, not a rollback. */
function progressDays(items: ActivityItem[], c: Commitment): string[] {
  return items.filter((i) => i.kind !== 'revert' && i.commitmentIds.includes(c.id)).map((i) => i.commit.authorDate.slice(0, 10));
}

function checkConsistent(d: Draft, commitments: Commitment[], items: ActivityItem[], language: Language): void {
  const all = d.sections.flatMap((s) => s.lines);
  const overdueLines = lines(d, 'overdue');
  for (const c of commitments) {
    const days = progressDays(items, c);
    const about = all.filter((l) => l.commitmentId === c.id);
    if (days.length > 0) {
      // Evidence in the period: never "we missed", never "no progress".
      for (const l of about) assert.doesNotMatch(l.text, MISSED[language], `"${l.text}" contradicts evidence on ${days.join(', ')}`);
      for (const r of d.status.reasons) if (r.includes(`“${c.title}”`)) assert.doesNotMatch(r, NO_PROGRESS[language], r);
    }
    const inTime = !c.done && c.due !== undefined && c.due < TODAY && days.some((x) => x <= (c.due as string));
    if (inTime) {
      assert.ok(lines(d, 'delivered').some((l) => l.commitmentId === c.id), `${c.title}: done by its due date, not listed as delivered`);
      assert.ok(!overdueLines.some((l) => l.commitmentId === c.id), `${c.title}: done by its due date, listed as overdue`);
      assert.ok(!lines(d, 'next').some((l) => l.commitmentId === c.id), `${c.title}: done by its due date, still planned`);
      assert.ok(d.status.reasons.every((r) => !r.includes(`“${c.title}”`)), `${c.title}: done by its due date, named in the status`);
      assert.ok(d.leadNotes?.some((n) => n.code === 'tick-commitment' && n.commitmentId === c.id), `${c.title}: the lead is not asked to tick it`);
    } else {
      assert.ok(!d.leadNotes?.some((n) => n.code === 'tick-commitment' && n.commitmentId === c.id), `${c.title}: asked to tick without evidence in time`);
    }
  }
  // The status names what is listed, and lists what it names.
  if (overdueLines.length > 0) assert.notEqual(d.status.computed, 'on-track', 'on track with overdue lines listed');
  if (d.status.computed === 'on-track') {
    assert.equal(overdueLines.length, 0);
  }
  if (d.status.reasons.includes(ON_SCHEDULE[language])) assert.equal(overdueLines.length, 0, 'on schedule while an overdue line is listed');
  for (const l of overdueLines) {
    const c = commitments.find((x) => x.id === l.commitmentId) as Commitment;
    const named = d.status.reasons.some((r) => r.includes(`“${c.title}”`));
    const counted = d.status.reasons.some((r) => r.includes(String(overdueLines.length)));
    assert.ok(named || (overdueLines.length >= 2 && counted), `overdue "${c.title}" not in the status reasons ${JSON.stringify(d.status.reasons)}`);
  }
  for (const r of d.status.reasons) {
    if (!NO_PROGRESS[language].test(r)) continue;
    const c = commitments.find((x) => r.includes(`“${x.title}”`)) as Commitment;
    assert.ok(c, r);
    // A listed rollback ("Rolled back: …") is no progress; any other line about it is.
    const rollback = new Set(items.filter((i) => i.kind === 'revert').map((i) => i.commit.hash));
    for (const id of ['done', 'inProgress', 'delivered']) {
      const listed = lines(d, id).filter((l) => l.commitmentId === c.id && !(l.hashes.length > 0 && l.hashes.every((h) => rollback.has(h))));
      assert.equal(listed.length, 0, `"${r}" while a ${id} line is listed for it: ${listed.map((l) => l.text).join(' | ')}`);
    }
  }
}

const KINDS: CommitKind[] = ['feature', 'fix', 'revert', 'other'];
const HIDDEN: Array<HiddenReason | undefined> = [undefined, undefined, 'merge', 'type'];

const scenario = fc
  .record({
    commitments: fc.array(
      fc.record({ due: fc.option(fc.integer({ min: -20, max: 20 }), { nil: undefined }), done: fc.boolean(), doneAgo: fc.integer({ min: 0, max: 10 }) }),
      { minLength: 1, maxLength: 5 },
    ),
    items: fc.array(
      fc.record({ day: fc.integer({ min: 0, max: 6 }), to: fc.nat(), kind: fc.constantFrom(...KINDS), hidden: fc.constantFrom(...HIDDEN) }),
      { maxLength: 8 },
    ),
    language: fc.constantFrom<Language>('en', 'zh-CN'),
    audience: fc.constantFrom<'client' | 'internal'>('client', 'internal'),
    highRisk: fc.boolean(),
  })
  .map((s) => {
    const commitments = s.commitments.map((c, i) =>
      commitment(i, `Commitment ${String.fromCharCode(65 + i)}`, {
        ...(c.due !== undefined ? { due: addDays(TODAY, c.due) } : {}),
        ...(c.done ? { done: true, doneDate: addDays(TODAY, -c.doneAgo) } : {}),
      }),
    );
    const items = s.items.map((it, n) =>
      item(`Change ${n + 1} for the client`, {
        date: addDays(SINCE, it.day),
        kind: it.kind,
        commitmentIds: [commitments[it.to % commitments.length].id],
        ...(it.hidden ? { hidden: it.hidden } : {}),
      }),
    );
    return { ...s, commitments, items };
  });

describe('draft: status and lines agree with the evidence', () => {
  it('work committed on or before the due date reads as delivered pending confirmation, and the lead is asked to tick it', () => {
    const c = commitment(0, 'Export to CSV', { due: '2026-11-16' });
    for (const language of ['en', 'zh-CN'] as const) {
      const d = compose([c], [item('Export the order list to CSV', { date: '2026-11-15', commitmentIds: [c.id] })], language);
      assert.deepEqual(
        lines(d, 'delivered').map((l) => l.text),
        [language === 'en' ? 'Work on “Export to CSV” was completed on 15 Nov; we\'ll confirm once you have checked it' : '“Export to CSV”的工作已于11月15日完成，待您验收后我们再确认交付'],
      );
      assert.equal(lines(d, 'overdue').length, 0);
      assert.equal(d.status.status, 'on-track');
      assert.deepEqual(d.leadNotes, [{ code: 'tick-commitment', commitmentId: c.id, title: 'Export to CSV', completedOn: '2026-11-15', due: '2026-11-16' }]);
      assert.doesNotMatch(d.markdown, MISSED[language]);
    }
  });

  it('work after the due date: overdue, saying when work continued, never "we missed"', () => {
    const c = commitment(0, 'Export to CSV', { due: '2026-11-16' });
    const d = compose([c], [item('Export the order list to CSV', { date: '2026-11-18', commitmentIds: [c.id] })], 'en');
    assert.deepEqual(lines(d, 'overdue').map((l) => l.text), ['“Export to CSV” was due 16 Nov; work continued after that date (1 change this week, the latest on 18 Nov). Proposed new date: ____']);
    assert.equal(d.status.status, 'at-risk');
    assert.equal(d.leadNotes, undefined);
    // Without any evidence the line still says it plainly.
    assert.match(lines(compose([c], [], 'en'), 'overdue')[0].text, /^We missed the 16 Nov date for “Export to CSV”\./u);
  });

  it('a rollback is not evidence: the commitment stays overdue', () => {
    const c = commitment(0, 'Export to CSV', { due: '2026-11-16' });
    const d = compose([c], [item('Revert "Export the order list to CSV"', { date: '2026-11-15', kind: 'revert', commitmentIds: [c.id] })], 'en');
    assert.equal(lines(d, 'delivered').length, 0);
    assert.equal(lines(d, 'overdue').length, 1);
  });

  it('random clients, commitments and changes: reasons and sections never contradict (both languages, both audiences)', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const risks = s.highRisk ? [risk('high', 'Provider retires its API', 'v2 behind a flag')] : [];
        const d = compose(s.commitments, s.items, s.language, s.audience, risks);
        checkConsistent(d, s.commitments, s.items, s.language);
      }),
      { numRuns: 300 },
    );
  });
});
