/** Branches on a real history: the window, long-lived lines, merged branches (real git). */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { composeHandover } from '../../../src/core/handover/compose';
import { isLongLivedBranch } from '../../../src/core/handover/branches';
import { gatherHandoverInput } from '../../../src/core/handover/gather';
import { realHandoverGit } from '../../../src/core/handover/gitSource';
import { ALICE, git, identity, TestRepo } from '../../support/git';

function lines(n: number): string {
  return Array.from({ length: n }, (_, i) => `line ${i + 1}`).join('\n') + '\n';
}

const BOB = { name: 'Bob Stone', email: 'bob@agency.example' };

const CLIENTS = `# Acme

Contact: Jane Doe <jane@acme.example> (CTO)
Paths: apps/acme/
Owner: Alice Martin <alice@agency.example>
Backup: Bob Stone <bob@agency.example>
`;

describe('handover: branches on a real history', function () {
  this.timeout(30000);
  let repo: TestRepo;
  before(() => {
    repo = new TestRepo('branches');
    repo.commit(ALICE, '2023-03-01', 'checkout page', { 'apps/acme/checkout.ts': lines(10), '.project/clients.md': CLIENTS });
    // A branch abandoned in 2023: not work of the handover window.
    repo.checkout(['-b', 'feature/old-coupon']);
    repo.commit(ALICE, '2023-04-02', 'coupon field on the checkout', { 'apps/acme/coupon.ts': lines(5) });
    repo.checkout(['main']);
    // A long-lived maintenance line with recent work, and one more commit shared with a feature on it.
    repo.checkout(['-b', 'release/2.x']);
    repo.commit(ALICE, '2026-11-05', 'back-port the rounding fix to 2.x', { 'apps/acme/checkout.ts': lines(11) });
    repo.checkout(['-b', 'feature/points-on-2x']);
    repo.commit(BOB, '2026-11-06', 'points balance on the 2.x line', { 'apps/acme/points.ts': lines(4) });
    repo.checkout(['main']);
    repo.checkout(['-b', 'v6-dev']);
    repo.commit(BOB, '2026-11-07', 'next major: new cart model', { 'apps/acme/cart.ts': lines(8) });
    repo.checkout(['main']);
    // A merged branch never shows.
    repo.checkout(['-b', 'feature/merged']);
    repo.commit(ALICE, '2026-11-08', 'receipt e-mail', { 'apps/acme/receipt.ts': lines(3) });
    repo.checkout(['main']);
    git(repo.root, ['merge', '-q', '--no-ff', '-m', 'merge receipt', 'feature/merged'], { env: identity(ALICE, '2026-11-09T10:00:00+00:00') });
  });
  after(() => repo?.remove());

  it('lists only branches with work in the window, each with its own commits, and does not advise merging a long-lived line', async () => {
    const input = await gatherHandoverInput({ roots: [repo.root], clientsText: CLIENTS, from: 'Alice Martin', today: '2026-11-20', language: 'en', git: realHandoverGit() });
    const branches = input.repositories[0].branches;
    assert.deepEqual(branches.map((b) => [b.name, b.ahead, b.authors]).sort(), [
      ['feature/points-on-2x', 2, ['bob@agency.example', 'alice@agency.example']],
      ['release/2.x', 1, ['alice@agency.example']],
      ['v6-dev', 1, ['bob@agency.example']],
    ]);
    const doc = composeHandover(input);
    assert.ok(!doc.markdown.includes('old-coupon'), 'a 2023 branch is not in a 90-day handover');
    assert.ok(!doc.markdown.includes('feature/merged'), 'a merged branch is not listed');
    assert.match(doc.markdown, /`release\/2\.x`: 1 commit not in main; .* · long-lived line, kept as it is; \*\*has work by Alice Martin: say who looks after it now\*\*/);
    assert.match(doc.markdown, /`v6-dev`: .* · long-lived line, kept as it is\n/);
    assert.doesNotMatch(doc.markdown, /merge, hand over or close branch `release\/2\.x`/);
    assert.match(doc.markdown, /Open thread: tell Bob Stone how the long-lived line `release\/2\.x` is maintained \(keep it; do not merge or delete it\)/);
    assert.match(doc.markdown, /Open thread: merge, hand over or close branch `feature\/points-on-2x`/);
  });

  it('a wider window brings the old branch back', async () => {
    const input = await gatherHandoverInput({ roots: [repo.root], clientsText: CLIENTS, from: 'Alice Martin', since: '2023-01-01', today: '2026-11-20', language: 'en', git: realHandoverGit() });
    assert.ok(input.repositories[0].branches.some((b) => b.name === 'feature/old-coupon'));
  });

  it('recognises long-lived lines by name, local or remote', () => {
    for (const name of ['main', 'master', 'develop', 'stable', 'release/10.0', 'releases/2026-q4', 'v6-dev', '6.x', 'v2', '1.4-stable', 'api-dev', 'support/3.x']) {
      assert.ok(isLongLivedBranch({ name, remote: false }), name);
      assert.ok(isLongLivedBranch({ name: `origin/${name}`, remote: true }), `origin/${name}`);
    }
    for (const name of ['feature/release-notes', 'hotfix/login', 'fix-dev-server-port', 'devtools', 'feature/v6-dev-docs', 'mainline-cleanup']) {
      assert.ok(!isLongLivedBranch({ name, remote: false }), name);
    }
  });

  it('reads the branches with one for-each-ref and one log, however many there are (GIT_TRACE of the real git)', async () => {
    /** The git commands one handover runs on `root`, from git's own trace. */
    async function traced(root: string): Promise<string[]> {
      const trace = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cp-trace-')), 'trace.txt');
      const before = process.env.GIT_TRACE;
      process.env.GIT_TRACE = trace;
      try {
        await gatherHandoverInput({ roots: [root], clientsText: CLIENTS, from: 'Alice Martin', today: '2026-11-20', language: 'en', git: realHandoverGit() });
      } finally {
        if (before === undefined) delete process.env.GIT_TRACE;
        else process.env.GIT_TRACE = before;
      }
      const lines = fs.readFileSync(trace, 'utf8').split('\n').filter((l) => / trace: built-in: git /u.test(l));
      fs.rmSync(path.dirname(trace), { recursive: true, force: true });
      return lines.map((l) => l.replace(/^.* trace: built-in: git (?:-c \S+ |--\S+ )*/u, '').split(' ')[0]);
    }
    const few = await traced(repo.root);
    // log (the window), symbolic-ref + for-each-ref + rev-parse (the default branch), for-each-ref --no-merged, log (the tips).
    assert.equal(few.filter((c) => c === 'log').length, 2, `git runs: ${few.join(', ')}`);
    // The same history with 40 more branches: 30 stale since 2023, 10 with work in the window.
    const many = new TestRepo('branches-many');
    try {
      many.commit(ALICE, '2023-03-01', 'checkout page', { 'apps/acme/checkout.ts': lines(10), '.project/clients.md': CLIENTS });
      for (let k = 0; k < 30; k++) {
        many.checkout(['-q', '-b', `feature/stale-${k}`, 'main']);
        many.commit(ALICE, '2023-04-02', `stale work ${k}`, { [`apps/acme/stale${k}.ts`]: lines(2) });
      }
      for (let k = 0; k < 10; k++) {
        many.checkout(['-q', '-b', `feature/recent-${k}`, 'main']);
        many.commit(BOB, '2026-11-10', `recent work ${k}`, { [`apps/acme/recent${k}.ts`]: lines(2) });
      }
      many.checkout(['-q', 'main']);
      const input = await gatherHandoverInput({ roots: [many.root], clientsText: CLIENTS, from: 'Alice Martin', today: '2026-11-20', language: 'en', git: realHandoverGit() });
      assert.equal(input.repositories[0].branches.length, 10, 'only the branches with work in the window');
      const more = await traced(many.root);
      assert.equal(more.filter((c) => c === 'for-each-ref').length, few.filter((c) => c === 'for-each-ref').length, `for-each-ref runs: ${more.join(', ')}`);
      assert.equal(more.filter((c) => c === 'log').length, few.filter((c) => c === 'log').length, `log runs: ${more.join(', ')}`);
      assert.equal(more.length, few.length, 'the number of git processes does not grow with the branches');
      assert.ok(more.length <= 12, `a handover is a handful of git runs: ${more.join(', ')}`);
    } finally {
      many.remove();
    }
  });
});
