/**
 * `composeStatus` (the clients overview's status of a client) states what the client's draft
 * states: same status, same reasons, for every client of every corpus fixture (real repositories
 * in temp folders), in both languages, on a day with overdue work and on one without.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { composeDraft, composeStatus } from '../../../src/core/draft/compose';
import { gatherDraftInput } from '../../../src/core/draft/gather';
import { buildFixture, FIXTURE_NAMES, shiftDay } from '../../corpus/build';

const TODAY = '2026-11-20';

describe('draft: composeStatus is the draft’s own status', function () {
  this.timeout(300_000);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cp-status-'));
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('for every client of every corpus fixture, both languages, two days', async () => {
    const seen = new Set<string>();
    let compared = 0;
    for (const name of FIXTURE_NAMES) {
      const dir = path.join(root, name);
      const fx = buildFixture(name, dir, TODAY);
      const clientsText = fs.readFileSync(path.join(dir, '.project', 'clients.md'), 'utf8');
      for (const today of [TODAY, shiftDay(TODAY, 21)]) {
        const period = { since: shiftDay(today, -6), until: today };
        for (const client of fx.clients) {
          for (const language of ['en', 'zh-CN'] as const) {
            const { input } = await gatherDraftInput({ roots: [dir], clientsText, projectDir: path.join(dir, '.project'), client: client.name, period, today, weekStart: 'monday', audience: 'client', language });
            const expected = composeDraft(input).status;
            assert.deepEqual(composeStatus(input), expected, `${name} / ${client.name} / ${language} / ${today}`);
            seen.add(expected.status);
            compared++;
          }
        }
      }
    }
    assert.ok(compared >= 40, `${compared} drafts compared`);
    assert.ok(seen.size >= 2, `more than one status among them: ${[...seen].join(', ')}`);
  });
});
