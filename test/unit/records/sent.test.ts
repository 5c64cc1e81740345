/** Saving vs sending: a saved draft is not a record; an identical record is not written twice. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseRecord, renderRecord } from '../../../src/core/records/format';
import { draftsDir, lastSentDate, saveRecordOnce, updatesDir } from '../../../src/core/records/store';
import type { RecordSource } from '../../../src/core/records/types';
import { tempDir } from '../../support/temp';

const update: RecordSource = {
  client: 'Acme Retail',
  language: 'en',
  audience: 'client',
  period: { since: '2026-11-14', until: '2026-11-20' },
  subject: '[Acme Retail] Weekly update — week 47',
  status: { status: 'on-track' },
  markdown: 'Hi Jane,\n\nAll good.\n',
  sections: [],
};

describe('records: saving vs sending', () => {
  it('a draft is written with state: draft and saved:, and is not read as a sent record', () => {
    const text = renderRecord(update, { sent: '2026-11-20', draft: true });
    assert.match(text, /^---\nclient: "Acme Retail"\nstate: draft\nsaved: 2026-11-20\nperiod:/);
    assert.doesNotMatch(text, /^sent:/m);
    assert.equal(parseRecord(text), undefined);
    assert.equal(parseRecord(renderRecord(update, { sent: '2026-11-20' }))?.sent, '2026-11-20');
  });

  it('saving a draft leaves the last sent date where it was; marking as sent moves it; the same record twice is written once', async () => {
    const updates = updatesDir(tempDir('records-sent'));
    const sent = await saveRecordOnce(updates, update, { sent: '2026-11-13' });
    assert.equal(sent.written, true);
    const draft = await saveRecordOnce(draftsDir(updates), update, { sent: '2026-11-20', draft: true, markdown: 'Hi Jane,\n\nHalf done ____\n' });
    assert.equal(draft.written, true);
    assert.equal(path.relative(updates, draft.path), path.join('drafts', '2026-11-20-acme-retail.md'));
    assert.equal(await lastSentDate(updates, 'Acme Retail'), '2026-11-13', 'a draft does not move the cadence');
    const first = await saveRecordOnce(updates, update, { sent: '2026-11-20' });
    const again = await saveRecordOnce(updates, update, { sent: '2026-11-20' });
    assert.deepEqual([first.written, again.written, again.path], [true, false, first.path]);
    assert.equal(await lastSentDate(updates, 'Acme Retail'), '2026-11-20');
    assert.deepEqual(fs.readdirSync(updates).sort(), ['2026-11-13-acme-retail.md', '2026-11-20-acme-retail.md', 'drafts']);
    // A different text the same day is a new record (-2), never an overwrite.
    const edited = await saveRecordOnce(updates, update, { sent: '2026-11-20', markdown: 'Hi Jane,\n\nAll good, and one more thing.\n' });
    assert.deepEqual([edited.written, path.basename(edited.path)], [true, '2026-11-20-acme-retail-2.md']);
  });

});
