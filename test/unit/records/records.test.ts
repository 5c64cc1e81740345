import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseRecord, planItemText, renderRecord } from '../../../src/core/records/format';
import { clientSlug, recordFileName, recordNamesFor } from '../../../src/core/records/naming';
import { lastSentDate, readNewestRecord, saveRecord } from '../../../src/core/records/store';
import type { Draft } from '../../../src/core/draft/types';
import { tempDir } from '../../support/temp';

function draft(overrides: Partial<Draft> = {}): Draft {
  return {
    client: 'Acme Retail',
    language: 'en',
    audience: 'client',
    period: { since: '2026-11-14', until: '2026-11-20' },
    today: '2026-11-20',
    subject: '[Acme Retail] Weekly update — week 47 (14–20 Nov)',
    to: [{ name: 'Jane Doe', email: 'jane.doe@acme.example' }],
    cc: [],
    greeting: 'Hi Jane,',
    status: { status: 'at-risk', reasons: ['x'], overridden: false },
    sections: [
      {
        id: 'next',
        title: 'Plan for next week',
        lines: [
          { id: 'next:a', text: 'Loyalty app beta on TestFlight (due 24 Nov)', hashes: [], subject: 'Loyalty app beta on TestFlight' },
          { id: 'next:b', text: 'Say "hello" (carried over)', hashes: [], subject: 'Say "hello"', carriedOver: true },
          { id: 'next:c', text: 'Dropped one', hashes: [], subject: 'Dropped one', dropped: true },
        ],
      },
    ],
    signOff: 'Best regards,\nAlice',
    markdown: 'Hi Jane,\n\nBody.\n',
    ...overrides,
  };
}

describe('records: naming', () => {
  it('slugs client names, keeping non-Latin letters', () => {
    assert.equal(clientSlug('Acme Retail'), 'acme-retail');
    assert.equal(clientSlug('  Café Zoë & Co. '), 'cafe-zoe-co');
    assert.equal(clientSlug('星河教育'), '星河教育');
    assert.equal(clientSlug('!!!'), 'client');
  });

  it('never reuses an existing name: -2, -3 follow', () => {
    assert.equal(recordFileName('2026-11-20', 'Acme Retail', []), '2026-11-20-acme-retail.md');
    assert.equal(recordFileName('2026-11-20', 'Acme Retail', ['2026-11-20-acme-retail.md']), '2026-11-20-acme-retail-2.md');
    assert.equal(
      recordFileName('2026-11-20', 'Acme Retail', ['2026-11-20-Acme-Retail.md', '2026-11-20-acme-retail-2.md', '2026-11-19-acme-retail.md']),
      '2026-11-20-acme-retail-3.md',
    );
    // The first free number is taken.
    assert.equal(recordFileName('2026-11-20', 'Acme Retail', ['2026-11-20-acme-retail.md', '2026-11-20-acme-retail-3.md']), '2026-11-20-acme-retail-2.md');
  });

  it('orders the records of a client newest first, by date then sequence', () => {
    const names = ['2026-11-13-acme-retail.md', '2026-11-20-acme-retail.md', '2026-11-20-acme-retail-2.md', '2026-11-20-northwind.md', 'notes.txt'];
    assert.deepEqual(
      recordNamesFor('Acme Retail', names).map((n) => n.name),
      ['2026-11-20-acme-retail-2.md', '2026-11-20-acme-retail.md', '2026-11-13-acme-retail.md'],
    );
  });
});

describe('records: format', () => {
  it('round-trips client, sent date, period, status and the next items (dropped ones excluded)', () => {
    const text = renderRecord(draft(), { sent: '2026-11-20' });
    assert.match(text, /^---\nclient: "Acme Retail"\nsent: 2026-11-20\nperiod: 2026-11-14\.\.2026-11-20\n/);
    assert.ok(text.endsWith('Subject: [Acme Retail] Weekly update — week 47 (14–20 Nov)\n\nHi Jane,\n\nBody.\n'));
    const parsed = parseRecord(text, 'x.md');
    assert.deepEqual(parsed, {
      client: 'Acme Retail',
      sent: '2026-11-20',
      period: { since: '2026-11-14', until: '2026-11-20' },
      status: 'at-risk',
      language: 'en',
      audience: 'client',
      subject: '[Acme Retail] Weekly update — week 47 (14–20 Nov)',
      next: ['Loyalty app beta on TestFlight', 'Say "hello"'],
      file: 'x.md',
    });
  });

  it('keeps the body the user edited', () => {
    const text = renderRecord(draft(), { sent: '2026-11-21', markdown: 'Edited by hand\r\n' });
    assert.ok(text.endsWith('\nEdited by hand\n'));
  });

  it('reads hand-written records: date: for sent:, next items from a "Next" heading', () => {
    const text = `---\nclient: Acme Retail\ndate: 2026-11-13\nperiod: 2026-11-07..2026-11-13\n---\n\n## Done\n- A thing.\n\n## Next\n- Loyalty app beta on TestFlight (due 24 Nov).\n- Measure the checkout again (carried over)\n\n## Risks\n- none\n`;
    const parsed = parseRecord(text);
    assert.equal(parsed?.sent, '2026-11-13');
    assert.deepEqual(parsed?.next, ['Loyalty app beta on TestFlight', 'Measure the checkout again']);
    const zh = parseRecord(`---\nclient: 星河教育\nsent: 2026-11-13\n---\n## 下周计划\n- 课程报名页上线（11月22日到期；上期计划顺延）\n`);
    assert.deepEqual(zh?.next, ['课程报名页上线']);
  });

  it('is not a record without front matter, client or a valid sent date', () => {
    assert.equal(parseRecord('# Notes\n'), undefined);
    assert.equal(parseRecord('---\nsent: 2026-11-13\n---\n'), undefined);
    assert.equal(parseRecord('---\nclient: A\nsent: next friday\n---\n'), undefined);
    assert.equal(parseRecord('---\nclient: A\nsent: 2026-02-30\n---\n'), undefined, 'a day that does not exist');
  });

  it('keeps a period only when both ends are real days in order', () => {
    const period = (p: string) => parseRecord(`---\nclient: A\nsent: 2026-11-13\nperiod: ${p}\n---\n`)?.period;
    assert.deepEqual(period('2026-11-07..2026-11-13'), { since: '2026-11-07', until: '2026-11-13' });
    assert.equal(period('2026-02-31..2026-13-45'), undefined);
    assert.equal(period('2026-11-13..2026-11-07'), undefined);
  });

  it('strips plan markers in both languages', () => {
    assert.equal(planItemText('Ship it (due 4 Dec; carried over).'), 'Ship it');
    assert.equal(planItemText('上线（12月4日到期）'), '上线');
  });
});

describe('records: store', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir('records');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('saves without ever overwriting, and the newest record wins', async () => {
    const updates = path.join(dir, '.project', 'updates');
    const first = await saveRecord(updates, draft(), { sent: '2026-11-20' });
    const second = await saveRecord(updates, draft({ status: { status: 'on-track', reasons: [], overridden: false } }), { sent: '2026-11-20' });
    assert.equal(path.basename(first), '2026-11-20-acme-retail.md');
    assert.equal(path.basename(second), '2026-11-20-acme-retail-2.md');
    assert.match(fs.readFileSync(first, 'utf8'), /status: at-risk/);
    const newest = await readNewestRecord(updates, 'acme retail');
    assert.equal(newest?.file, '2026-11-20-acme-retail-2.md');
    assert.equal(newest?.status, 'on-track');
    assert.equal(await lastSentDate(updates, 'Acme Retail'), '2026-11-20');
  });

  it('skips internal reports, other clients sharing the slug, and files that are not records', async () => {
    const updates = path.join(dir, 'updates');
    await saveRecord(updates, draft(), { sent: '2026-11-13' });
    await saveRecord(updates, draft({ audience: 'internal' }), { sent: '2026-11-20' });
    fs.writeFileSync(path.join(updates, '2026-11-21-acme-retail.md'), '# scratch notes\n');
    fs.writeFileSync(path.join(updates, '2026-11-22-acme-retail-2.md'), '---\nclient: Acme Retail 2\nsent: 2026-11-22\n---\n');
    assert.equal((await readNewestRecord(updates, 'Acme Retail'))?.sent, '2026-11-13');
    assert.equal(await lastSentDate(path.join(dir, 'missing'), 'Acme Retail'), undefined);
  });
});
