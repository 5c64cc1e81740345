/** The window git is asked for (the days themselves: test/unit/calendar.test.ts). */
import * as assert from 'node:assert/strict';
import { windowArgs } from '../../../src/core/git/period';

describe('git/period', () => {
  it('asks git for local midnight to 23:59:59, across a daylight-saving change', () => {
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'Europe/Berlin';
      // 2026-03-29 is 23 hours long in Berlin.
      const [since, until] = windowArgs({ since: '2026-03-29', until: '2026-03-29' });
      const start = Date.UTC(2026, 2, 28, 23, 0, 0) / 1000;
      assert.equal(since, `--since=@${start}`);
      assert.equal(until, `--until=@${start + 23 * 3600 - 1}`);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});
