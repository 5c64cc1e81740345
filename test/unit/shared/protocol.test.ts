import * as assert from 'node:assert/strict';
import { parsePageToHost, parsePersistedState, parseSource, MAX_TEXT } from '../../../src/shared/protocol';

describe('panel protocol: messages from the page', () => {
  it('accepts each well-formed message and returns a clean copy', () => {
    const messages = [
      { type: 'ready' },
      { type: 'changePeriod' },
      { type: 'edited', markdown: '# Hi', subject: 'S' },
      { type: 'copy', format: 'html', markdown: 'x', subject: '' },
      { type: 'copy', format: 'text', markdown: 'x', subject: '' },
      { type: 'openMail', markdown: 'x', subject: 's' },
      { type: 'saveEml', markdown: 'x', subject: 's' },
      { type: 'saveRecord', markdown: 'x', subject: 's' },
      { type: 'richCopyResult', requestId: 3, ok: false, error: 'denied' },
      { type: 'regenerate', options: { audience: 'internal', language: 'zh-CN', statusOverride: 'at-risk', dropped: ['done:abc'] } },
      { type: 'regenerate', options: { audience: 'client', language: 'en', dropped: [] } },
      { type: 'regenerate', options: { audience: 'client', language: 'en', dropped: [], kept: ['done:1a2b3c4d5e6f'] } },
      { type: 'regenerate', options: { audience: 'client', language: 'en', dropped: [], proposedDates: { 'Acme Retail#0': '2026-12-04' } } },
    ];
    for (const m of messages) {
      const parsed = parsePageToHost(m);
      assert.ok(parsed.ok, `${m.type}: ${parsed.ok ? '' : parsed.error}`);
      assert.deepEqual(parsed.value, m);
      assert.notEqual(parsed.value, m, 'a copy, not the object the page sent');
    }
  });

  it('rejects unknown types, extra fields and wrong field types with a reason', () => {
    const bad: Array<[unknown, RegExp]> = [
      [null, /not an object/],
      ['ready', /not an object/],
      [[{ type: 'ready' }], /not an object/],
      [{ type: 'runCommand', command: 'workbench.action.terminal.new' }, /unknown message type "runCommand"/],
      [{}, /unknown message type undefined/],
      [{ type: 'ready', extra: 1 }, /unexpected field\(s\) extra/],
      [{ type: 'copy', format: 'pdf', markdown: '', subject: '' }, /format must be/],
      [{ type: 'copy', format: 'text', markdown: 42, subject: '' }, /markdown must be a string/],
      [{ type: 'saveRecord', markdown: 'x' }, /subject must be a string/],
      [{ type: 'edited', markdown: 'x'.repeat(MAX_TEXT + 1), subject: '' }, /at most 1,000,000/],
      [{ type: 'regenerate', options: { audience: 'boss', language: 'en', dropped: [] } }, /audience/],
      [{ type: 'regenerate', options: { audience: 'client', language: 'fr', dropped: [] } }, /language/],
      [{ type: 'regenerate', options: { audience: 'client', language: 'en', dropped: [], kept: 'done:1' } }, /options\.kept/],
      [{ type: 'regenerate', options: { audience: 'client', language: 'en', dropped: [1] } }, /dropped/],
      [{ type: 'regenerate', options: { audience: 'client', language: 'en', dropped: [], statusOverride: 'great' } }, /statusOverride/],
      [{ type: 'regenerate', options: { audience: 'client', language: 'en', dropped: [], __proto__x: 1 } }, /unexpected field/],
      [{ type: 'regenerate', options: { audience: 'client', language: 'en', dropped: [], proposedDates: { 'Acme Retail#0': '2026-02-30' } } }, /proposedDates: "2026-02-30" is not a date/],
      [{ type: 'regenerate', options: { audience: 'client', language: 'en', dropped: [], proposedDates: ['2026-12-04'] } }, /proposedDates must map/],
      [{ type: 'regenerate', options: { audience: 'client', language: 'en', dropped: [], proposedDates: { x: 20261204 } } }, /is not a date/],
      [{ type: 'richCopyResult', requestId: 1.5, ok: true }, /requestId/],
      [{ type: 'richCopyResult', requestId: 1, ok: 'yes' }, /ok must be a boolean/],
    ];
    for (const [message, reason] of bad) {
      const parsed = parsePageToHost(message);
      assert.equal(parsed.ok, false, JSON.stringify(message)?.slice(0, 80));
      if (!parsed.ok) assert.match(parsed.error, reason);
    }
  });
});

describe('panel protocol: restoring a persisted page state', () => {
  const update = { kind: 'update', client: 'Acme Retail', period: { since: '2026-11-16', until: '2026-11-22' }, periodLabel: 'this week' };
  const state = (source: unknown, extra: object = {}) => ({
    version: 1,
    state: { source, options: { audience: 'client', language: 'en', dropped: ['risks:0'] }, generated: 'gen' },
    markdown: 'my text',
    subject: 'Subj',
    ...extra,
  });

  it('restores the source, options and the user text', () => {
    const parsed = parsePersistedState(state(update));
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.value, {
      source: update,
      options: { audience: 'client', language: 'en', dropped: ['risks:0'] },
      markdown: 'my text',
      generated: 'gen',
      subject: 'Subj',
    });
  });

  it('rejects states of other versions and bad periods', () => {
    assert.equal(parsePersistedState(state(update, { version: 2 })).ok, false);
    assert.equal(parsePersistedState(undefined).ok, false);
    assert.equal(parsePersistedState(state({ ...update, period: { since: '2026-11-22', until: '2026-11-16' } })).ok, false);
    assert.equal(parsePersistedState(state({ ...update, period: { since: 'monday', until: '2026-11-16' } })).ok, false);
  });

  it('accepts only workspace-relative document paths', () => {
    const doc = (p: string) => ({ kind: 'document', docKind: 'handover', title: 'T', language: 'zh-CN', suggestedRecordPath: p });
    assert.ok(parseSource(doc('.project/handover/2026-11-22-acme.md')).ok);
    for (const p of ['/etc/passwd', '../outside.md', '.project/../../x.md', 'C:\\x.md', '\\\\server\\share.md', '']) {
      assert.equal(parseSource(doc(p)).ok, false, p);
    }
  });
});
