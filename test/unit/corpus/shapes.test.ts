/** Each corpus fixture builds into a real repository of the intended shape (goldens come later). */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseClients } from '../../../src/core/clients/parse';
import { buildFixture, FIXTURE_NAMES, type FixtureRepo } from '../../corpus/build';
import { corpusGitEnv } from '../../corpus/stream';

const TODAY = '2026-11-20';
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cp-corpus-'));
after(() => fs.rmSync(root, { recursive: true, force: true }));

function git(dir: string, args: string[]): string {
  return execFileSync('git', args, { cwd: dir, env: corpusGitEnv(), encoding: 'utf8' }).trim();
}
const subjects = (fx: FixtureRepo) => git(fx.dir, ['log', '--format=%s', 'main']).split('\n');
const bodies = (fx: FixtureRepo) => git(fx.dir, ['log', '--format=%B%x00', 'main']);

interface Expect { merges: number; tags?: number; check(fx: FixtureRepo): void }
const EXPECT: Record<string, Expect> = {
  'github-merge': { merges: 10, check: (fx) => assert.ok(subjects(fx).filter((s) => /^Merge pull request #\d+ from /u.test(s)).length === 10) },
  squash: { merges: 0, check: (fx) => assert.ok(subjects(fx).filter((s) => /\(#\d+\)$/u.test(s)).length >= 20 && subjects(fx).some((s) => /^Revert ".*" \(#\d+\)$/u.test(s))) },
  gitlab: { merges: 10, check: (fx) => assert.equal((bodies(fx).match(/See merge request agency\/fjord-claims!\d+/gu) ?? []).length, 10) },
  gitee: { merges: 11, check: (fx) => assert.equal(subjects(fx).filter((s) => /^!\d+ /u.test(s)).length, 11) },
  azure: { merges: 11, check: (fx) => assert.equal(subjects(fx).filter((s) => /^Merged PR \d+: /u.test(s)).length, 11) },
  'chinese-plain': { merges: 0, check: (fx) => assert.ok(subjects(fx).filter((s) => /^[\u4e00-\u9fff]/u.test(s)).length >= 25) },
  'conventional-breaking': { merges: 0, tags: 3, check: (fx) => { assert.equal(subjects(fx).filter((s) => /^chore\(release\): \d/u.test(s)).length, 3); assert.match(bodies(fx), /\* BREAKING CHANGE: /u); assert.match(bodies(fx), /^BREAKING-CHANGE: /mu); } },
  'monorepo-shared': { merges: 0, check: (fx) => { const file = parseClients(fs.readFileSync(path.join(fx.dir, '.project/clients.md'), 'utf8')); assert.equal(file.clients.filter((c) => c.paths.includes('packages/ui/')).length, 3); } },
};

describe('quality corpus fixtures', () => {
  it('has one expectation per fixture', () => assert.deepEqual([...FIXTURE_NAMES].sort(), Object.keys(EXPECT).sort()));
  for (const name of FIXTURE_NAMES) {
    it(`${name}: builds the intended shape, ~4 weeks, a clean clients file`, () => {
      const fx = buildFixture(name, path.join(root, name), TODAY);
      const e = EXPECT[name];
      const all = Number(git(fx.dir, ['rev-list', '--all', '--count']));
      assert.ok(all >= 30 && all <= 80, `${all} commits`);
      assert.equal(Number(git(fx.dir, ['rev-list', '--merges', '--count', 'main'])), e.merges);
      assert.equal(git(fx.dir, ['tag']).split('\n').filter(Boolean).length, e.tags ?? 0);
      for (const [tag, hash] of fx.tags) assert.equal(git(fx.dir, ['rev-parse', `${tag}^{commit}`]), hash);
      const dates = git(fx.dir, ['log', '--all', '--format=%cs']).split('\n');
      assert.ok(dates.every((d) => d >= '2026-10-21' && d <= TODAY), 'dates within 30 days of today');
      // Dates go forward along main: git log --since stops at the first older commit, so a commit
      // dated out of order would silently drop the newer ones behind it from every measure.
      const week = git(fx.dir, ['log', '--since=2026-11-14T00:00:00', '--format=%H', 'main']).split('\n').filter(Boolean);
      const dated = git(fx.dir, ['log', '--format=%H %cI', 'main']).split('\n').filter((l) => l.split(' ')[1] >= '2026-11-14');
      assert.equal(week.length, dated.length, 'every commit of the last week is found by git log --since');
      assert.equal(fx.truth.size, all, 'every commit has its truth');
      assert.equal(git(fx.dir, ['status', '--porcelain']), '', 'clients file committed, tree clean');
      const file = parseClients(fs.readFileSync(path.join(fx.dir, '.project/clients.md'), 'utf8'));
      assert.deepEqual(file.diagnostics.filter((d) => d.severity === 'error'), []);
      assert.equal(file.clients.length, fx.clients.length);
      e.check(fx);
    });
  }
});
