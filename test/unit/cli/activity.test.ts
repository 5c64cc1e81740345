/** `client-pulse activity` run in-process through the CLI's own dispatcher, on real repositories. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CliIo } from '../../../src/cli/command';
import { activity, activityPeriod } from '../../../src/cli/commands/activity';
import { runCli } from '../../../src/cli/main';
import { makeRepo, useIsolatedGitConfig } from '../../support/git';
import { tempDir } from '../../support/temp';

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(cwd: string, args: string[], today = '2026-11-20'): Promise<Ran> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (t) => void (stdout += t), isTTY: false },
    stderr: { write: (t) => void (stderr += t), isTTY: false },
    cwd,
    env: {},
    today,
  };
  const code = await runCli(['activity', ...args], () => io, [activity]);
  return { code, stdout, stderr };
}

const CLIENTS = `# Acme

Contact: Jane <jane@acme.example>
Paths: apps/acme/
Tag: acme

## Commitments
- [ ] Loyalty beta due:2026-12-04 #loyalty

# Globex

Paths: apps/globex/
`;

describe('cli activity', function () {
  this.timeout(60000);
  useIsolatedGitConfig();
  let repo: string;
  before(() => {
    repo = makeRepo([
      { message: 'feat: old work', date: '2026-11-05 10:00:00 +0000', files: { 'apps/acme/old.ts': 'o' } },
      { message: 'feat(points): add loyalty points #loyalty (JIRA-7)', date: '2026-11-17 10:00:00 +0000', files: { 'apps/acme/p.ts': 'p' } },
      { message: 'fix: globex login for bob@agency.example', date: '2026-11-18 10:00:00 +0000', files: { 'apps/globex/l.ts': 'l' } },
      { message: 'chore: bump deps', date: '2026-11-19 10:00:00 +0000', files: { 'package.json': '{}' } },
    ]);
  });

  it('periods: this week by default, last week, dates; bad input is a usage error', () => {
    assert.deepEqual(activityPeriod(undefined, undefined, '2026-11-20', 'monday'), { since: '2026-11-16', until: '2026-11-22' });
    assert.deepEqual(activityPeriod('last-week', undefined, '2026-11-20', 'sunday'), { since: '2026-11-08', until: '2026-11-14' });
    assert.deepEqual(activityPeriod('2026-11-01', undefined, '2026-11-20', 'monday'), { since: '2026-11-01', until: '2026-11-20' });
    assert.deepEqual(activityPeriod('2026-11-01', '2026-11-03', '2026-11-20', 'monday'), { since: '2026-11-01', until: '2026-11-03' });
    assert.throws(() => activityPeriod('yesterday', undefined, '2026-11-20', 'monday'), /--since must be YYYY-MM-DD, this-week or last-week/u);
    assert.throws(() => activityPeriod('2026-11-05', '2026-11-01', '2026-11-20', 'monday'), /starts after it ends/u);
  });

  it('without a clients file: this week, reworded and redacted, noise counted', async () => {
    const r = await run(repo, []);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /commits 2026-11-16 – 2026-11-22/u);
    assert.match(r.stdout, /feature {2}Add loyalty points\n/u);
    assert.match(r.stdout, /fix {6}Globex login for \[redacted\]\n/u);
    assert.doesNotMatch(r.stdout, /bump deps|old work|JIRA-7|bob@/u);
    assert.match(r.stdout, /2 commits, 1 hidden \(--show-hidden lists them\)/u);
    const all = await run(repo, ['--show-hidden', '--since', '2026-11-01']);
    assert.match(all.stdout, /chore: bump deps {2}\(hidden: type\)/u);
    assert.match(all.stdout, /Old work/u);
  });

  it('with clients.md: routes, links, filters by client, prints JSON', async () => {
    fs.mkdirSync(path.join(repo, '.project'), { recursive: true });
    fs.writeFileSync(path.join(repo, '.project', 'clients.md'), CLIENTS);
    try {
      const text = await run(path.join(repo, 'apps'), []);
      assert.match(text.stdout, /Add loyalty points {2}\[Acme\] → Acme#0/u);
      const r = await run(repo, ['--client', 'acme', '--json', '--since', 'this-week']);
      assert.equal(r.code, 0, r.stderr);
      const json = JSON.parse(r.stdout) as { client: string; period: unknown; items: Array<Record<string, unknown>> };
      assert.equal(json.client, 'Acme');
      assert.deepEqual(json.period, { since: '2026-11-16', until: '2026-11-22' });
      assert.deepEqual(
        json.items.map((i) => [i.text, i.clients, i.commitments, i.kind, i.type, i.scope, i.hidden]),
        [['Add loyalty points', ['Acme'], ['Acme#0'], 'feature', 'feat', 'points', null]],
      );
      const unknown = await run(repo, ['--client', 'Initech']);
      assert.equal(unknown.code, 2);
      assert.match(unknown.stderr, /no client named "Initech" in \.project\/clients\.md \(clients: Acme, Globex\)/u);
    } finally {
      fs.rmSync(path.join(repo, '.project'), { recursive: true });
    }
  });

  it('outside a repository: exit 3 with the reason; bad flags: exit 2', async () => {
    const r = await run(tempDir('nowhere'), []);
    assert.equal(r.code, 3);
    assert.match(r.stderr, /client-pulse activity: .* is not inside a git repository/u);
    const bad = await run(repo, ['--since', 'soon']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--since must be/u);
  });
});
