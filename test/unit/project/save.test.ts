/** The one create-only save, on real files in a temp folder. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { saveHandover } from '../../../src/core/handover/store';
import { createExclusive, firstFreeName, saveNew } from '../../../src/core/project/save';
import { recordFileName } from '../../../src/core/records/naming';

describe('project: create-only save', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cp-save-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('creates the file and its folders; an existing file is left as it was', async () => {
    const file = path.join(tmp, 'a', 'b', 'note.md');
    assert.equal(await createExclusive(file, 'first\n'), true);
    assert.equal(await createExclusive(file, 'second\n'), false);
    assert.equal(fs.readFileSync(file, 'utf8'), 'first\n');
  });

  it('never writes through a link at the name', async () => {
    const target = path.join(tmp, 'elsewhere.md');
    fs.writeFileSync(target, 'outside\n');
    const link = path.join(tmp, 'note.md');
    fs.symlinkSync(target, link);
    assert.equal(await createExclusive(link, 'inside\n'), false);
    assert.equal(fs.readFileSync(target, 'utf8'), 'outside\n');
    fs.rmSync(target);
    // A dangling link is not followed either.
    assert.equal(await createExclusive(link, 'inside\n'), false);
    assert.equal(fs.existsSync(target), false);
  });

  it('numbers the names of one day: -2, -3; a name taken meanwhile is skipped', async () => {
    const dir = path.join(tmp, 'updates');
    const names: string[] = [];
    for (let i = 0; i < 3; i++) names.push(path.basename(await saveNew(dir, (taken) => recordFileName('2026-11-20', 'Acme Retail', taken), `v${i}\n`)));
    assert.deepEqual(names, ['2026-11-20-acme-retail.md', '2026-11-20-acme-retail-2.md', '2026-11-20-acme-retail-3.md']);
    // Someone else creates -4 between our listing and our write: the save takes -5.
    let raced = false;
    const file = await saveNew(dir, (taken) => {
      const name = recordFileName('2026-11-20', 'Acme Retail', taken);
      if (!raced) {
        raced = true;
        fs.writeFileSync(path.join(dir, name), 'theirs\n');
      }
      return name;
    }, 'ours\n');
    assert.equal(path.basename(file), '2026-11-20-acme-retail-5.md');
    assert.equal(fs.readFileSync(path.join(dir, '2026-11-20-acme-retail-4.md'), 'utf8'), 'theirs\n');
    assert.equal(fs.readFileSync(file, 'utf8'), 'ours\n');
  });

  it('handover notes use the same save', async () => {
    const dir = path.join(tmp, 'handover');
    const a = await saveHandover(dir, '2026-11-20', 'Alice Martin', '# one\n');
    const b = await saveHandover(dir, '2026-11-20', 'Alice Martin', '# two\n');
    assert.deepEqual([path.basename(a), path.basename(b)], ['2026-11-20-alice-martin.md', '2026-11-20-alice-martin-2.md']);
    assert.equal(fs.readFileSync(a, 'utf8'), '# one\n');
  });

  it('firstFreeName keeps the extension and ignores case', () => {
    assert.equal(firstFreeName('handover.md', new Set()), 'handover.md');
    assert.equal(firstFreeName('handover.md', new Set(['Handover.md', 'handover-2.md'])), 'handover-3.md');
    assert.equal(firstFreeName('notes', new Set(['notes'])), 'notes-2');
  });
});
