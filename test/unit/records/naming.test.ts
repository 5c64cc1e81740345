/** Record and handover file names cut by UTF-8 bytes, on real files: any client name saves. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { saveHandover } from '../../../src/core/handover/store';
import { clientSlug, MAX_SLUG_BYTES, recordFileName } from '../../../src/core/records/naming';
import { readNewestRecord, saveRecord } from '../../../src/core/records/store';
import { tempDir } from '../../support/temp';

function record(client: string, markdown = '您好，\n\n本周进展。\n') {
  return {
    client,
    language: 'zh-CN' as const,
    audience: 'client' as const,
    period: { since: '2026-11-16', until: '2026-11-20' },
    subject: `${client}：周报`,
    status: { status: 'on-track' as const },
    markdown,
    sections: [],
  };
}

const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

describe('records: names cut by bytes', () => {
  const chinese = '星河教育科技（深圳）有限公司华南区域在线课程平台二期项目'.repeat(5); // 135 characters, 405 bytes
  const latin = 'Northwind Traders International Holdings and Logistics Partners '.repeat(5).trim(); // ~320 characters

  it('short names are unchanged; long ones are cut at a character with a stable 8-character hash', () => {
    assert.equal(clientSlug('Acme Retail'), 'acme-retail');
    assert.equal(clientSlug('星河教育'), '星河教育');
    for (const name of [chinese, latin, '𠀀'.repeat(200)]) {
      const slug = clientSlug(name);
      assert.ok(bytes(slug) <= MAX_SLUG_BYTES, `${slug} is ${bytes(slug)} bytes`);
      assert.match(slug, /-[0-9a-f]{8}$/);
      assert.equal(clientSlug(name), slug, 'the same name gives the same slug');
      assert.ok(!slug.includes('\uFFFD'));
    }
    assert.ok(clientSlug(chinese).startsWith('星河教育科技'));
    // Two long names that begin alike still get different slugs.
    assert.notEqual(clientSlug(`${latin} East`), clientSlug(`${latin} West`));
    assert.ok(bytes(recordFileName('2026-11-20', chinese, [])) < 120);
  });

  it('a 135-character Chinese name and a 320-character name save, twice a day, and are read back', async () => {
    const ws = tempDir('names');
    const updates = path.join(ws, '.project', 'updates');
    for (const name of [chinese, latin]) {
      const first = await saveRecord(updates, record(name), { sent: '2026-11-20' }, { within: ws });
      // A second, different update the same day (the very same text would not be written twice).
      const second = await saveRecord(updates, record(name, '您好，\n\n下午的补充。\n'), { sent: '2026-11-20' }, { within: ws });
      assert.notEqual(first, second);
      assert.ok(bytes(path.basename(second)) < 255);
      assert.equal((await readNewestRecord(updates, name))?.file, path.basename(second));
    }
    assert.equal(fs.readdirSync(updates).length, 4);
    const handover = await saveHandover(path.join(ws, '.project', 'handover'), '2026-11-20', chinese, '# 交接\n', { within: ws });
    assert.equal(fs.readFileSync(handover, 'utf8'), '# 交接\n');
  });

  it('records saved under the whole slug before names were cut are still found', async () => {
    const ws = tempDir('names');
    const updates = path.join(ws, '.project', 'updates');
    const name = '星河'.repeat(35); // 210 bytes: it fitted whole before
    fs.mkdirSync(updates, { recursive: true });
    const old = await saveRecord(updates, record(name), { sent: '2026-11-13' });
    fs.renameSync(old, path.join(updates, `2026-11-13-${name}.md`));
    assert.equal((await readNewestRecord(updates, name))?.sent, '2026-11-13');
  });
});
