import assert from 'node:assert/strict';
import { composeHandover } from '../../../src/core/handover/compose';
import { parseClients } from '../../../src/core/clients/parse';
import { gatherHandoverInput, HandoverError, parseSince, selectClients } from '../../../src/core/handover/gather';
import { realHandoverGit } from '../../../src/core/handover/gitSource';
import { ALICE, git, identity, TestRepo } from '../../support/git';

const BOB = { name: 'Bob Stone', email: 'bob@agency.example' };

const CLIENTS = `# Acme

Contact: Jane Doe <jane@acme.example> (CTO)
Paths: apps/acme/
Tag: acme
Owner: Alice Martin <alice@agency.example>
Backup: Bob Stone <bob@agency.example>

## Commitments
- [ ] Points on the loyalty card due:2026-11-25 @alice #points

# Globex

Contact: Hank Scorpio <hank@globex.example>
Paths: apps/globex/
Owner: Bob Stone <bob@agency.example>
`;

/**
 * main: old legacy work of Alice (before the window), loyalty by Alice only, checkout by Bob and
 * Alice, a build script nobody claims, a merged branch of Alice; unmerged: Alice's
 * feature/acme-points and Bob's globex branch.
 */
function buildRepo(): TestRepo {
  const r = new TestRepo('owners');
  r.commit(ALICE, '2026-01-05', 'legacy importer', { 'apps/acme/legacy/import.ts': lines(400), '.project/clients.md': CLIENTS });
  r.commit(ALICE, '2026-10-01', 'feat(loyalty): card #points', { 'apps/acme/loyalty/Card.tsx': lines(50) });
  r.commit(ALICE, '2026-10-08', 'feat(loyalty): onboarding', { 'apps/acme/loyalty/Onboarding.tsx': lines(30) });
  r.commit(BOB, '2026-10-09', 'feat(checkout): cart', { 'apps/acme/checkout/cart.ts': lines(20) });
  r.commit(ALICE, '2026-10-20', 'fix(checkout): rounding', { 'apps/acme/checkout/cart.ts': lines(25) });
  r.commit(ALICE, '2026-10-21', 'chore: build script', { 'tools/build.sh': lines(12) });
  r.checkout(['-b', 'feature/merged-work']);
  r.commit(ALICE, '2026-10-22', 'feat(acme): merged already', { 'apps/acme/loyalty/Merged.tsx': lines(3) });
  r.checkout(['main']);
  git(r.root, ['merge', '-q', '--no-ff', '-m', 'merge', 'feature/merged-work'], { env: identity(ALICE, '2026-10-23T10:00:00+00:00') });
  r.checkout(['-b', 'feature/acme-points']);
  r.commit(ALICE, '2026-11-02', 'wip: points balance', { 'apps/acme/loyalty/Points.tsx': lines(10) });
  r.checkout(['main']);
  r.checkout(['-b', 'hank-dashboard']);
  r.commit(BOB, '2026-11-03', 'dashboard for hank', { 'apps/globex/dash.ts': lines(7) });
  r.checkout(['main']);
  return r;
}

/** `n` numbered lines of `word`, each ending in a line break. */
function lines(n: number, word = 'line'): string {
  return Array.from({ length: n }, (_, i) => `${word} ${i}`).join('\n') + '\n';
}

describe('handover: gathering from a purpose-built repository (real git)', function () {
  this.timeout(30000);
  let repo: TestRepo;
  before(() => {
    repo = buildRepo();
  });
  after(() => repo?.remove());

  async function gather(extra: Partial<Parameters<typeof gatherHandoverInput>[0]> = {}) {
    return gatherHandoverInput({
      roots: [repo.root],
      clientsText: CLIENTS,
      from: 'alice@agency.example',
      today: '2026-11-20',
      language: 'en',
      git: realHandoverGit(),
      ...extra,
    });
  }

  it('ranks Alice’s areas per client and names who else knows each, within the 90-day window', async () => {
    const doc = composeHandover(await gather());
    const acme = doc.clients.find((c) => c.client === 'Acme');
    assert.ok(acme);
    assert.equal(acme.role, 'owner');
    assert.deepEqual(acme.lead, { kind: 'interim', person: { name: 'Bob Stone', email: 'bob@agency.example' } });
    assert.deepEqual(
      acme.areas.map((a) => [a.path, a.changes, a.commits, a.others.map((o) => o.name)]),
      [
        ['apps/acme/loyalty/', 83, 3, []],
        ['apps/acme/checkout/', 5, 1, ['Bob Stone']],
      ],
    );
    assert.ok(!acme.areas.some((a) => a.path.includes('legacy')), 'work before the window is not in the handover');
    assert.deepEqual(doc.unassignedAreas.map((a) => a.path), ['tools/']);
    assert.match(doc.markdown, /`apps\/acme\/loyalty\/`: 83 lines changed in 3 commits.*nobody else changed it in the window/);
    assert.match(doc.markdown, /`apps\/acme\/checkout\/`: 5 lines changed in 1 commit, .*also knows it: Bob Stone \(1 commit\)/);
  });

  it('lists unmerged branches under their client with last author and date; merged ones are gone', async () => {
    const doc = composeHandover(await gather());
    const acme = doc.clients.find((c) => c.client === 'Acme');
    const globex = doc.clients.find((c) => c.client === 'Globex');
    assert.deepEqual(acme?.branches.map((b) => [b.name, b.lastAuthorName, b.lastDate.slice(0, 10), b.ahead]), [
      ['feature/acme-points', 'Alice Martin', '2026-11-02', 1],
    ]);
    assert.deepEqual(globex?.branches.map((b) => [b.name, b.lastAuthorName]), [['hank-dashboard', 'Bob Stone']]);
    assert.equal(globex?.role, 'none');
    assert.ok(!doc.markdown.includes('feature/merged-work'));
    assert.match(doc.markdown, /`feature\/acme-points`: 1 commit not in main; last by Alice Martin on 2 Nov .*has work by Alice Martin/);
    assert.match(doc.markdown, /- \[ \] Open thread: merge, hand over or close branch `feature\/acme-points`/);
    assert.match(doc.markdown, /Unmerged branches with work by Alice Martin: 1/);
  });

  it('links commits to commitments and flags commitments the leaver owns', async () => {
    const doc = composeHandover(await gather({ clients: ['acme'], to: { name: 'Carol Jones', email: 'carol@agency.example' } }));
    assert.deepEqual(doc.clients.map((c) => c.client), ['Acme']);
    assert.match(doc.markdown, /\*\*Points on the loyalty card\*\* · due Wed 25 Nov, in 5 days · owner @alice · #points/);
    assert.match(doc.markdown, /1 linked commit in the window, the last on 1 Oct/);
    assert.match(doc.markdown, /Owned by Alice Martin: needs a new owner/);
    assert.match(doc.markdown, /^# Handover: Alice Martin → Carol Jones$/m);
    assert.match(doc.markdown, /Carol Jones \(carol@agency\.example, copied on this e-mail\) will take over as your project lead/);
  });

  it('explains a person nobody knows, an unknown client and a bad window', async () => {
    await assert.rejects(gather({ from: 'zoe@agency.example' }), (e: unknown) => e instanceof HandoverError && /nobody called "zoe@agency.example".*Alice Martin, Bob Stone/.test(e.message));
    assert.throws(() => selectClients(parseClients(CLIENTS).clients, ['Initech']), /no client named "initech" in clients.md \(clients: Acme, Globex\)/);
    assert.equal(parseSince('90d', '2026-11-20'), '2026-08-23');
    assert.equal(parseSince('2026-10-01', '2026-11-20'), '2026-10-01');
    assert.throws(() => parseSince('2026-02-30', '2026-11-20'), (e: unknown) => e instanceof HandoverError && /^2026-02-30 is not a real date: day must be 01–28 in 2026-02$/.test(e.message));
    assert.throws(() => parseSince('2026-13-01', '2026-11-20'), (e: unknown) => e instanceof HandoverError && /2026-13-01 is not a real date: month must be 01–12/.test(e.message));
    assert.throws(() => parseSince('last quarter', '2026-11-20'), /YYYY-MM-DD or a number of days like 90d/);
    assert.throws(() => parseSince('2026-12-01', '2026-11-20'), /cannot start after today/);
    await assert.rejects(gather({ to: { name: 'Alice Martin', email: 'alice@agency.example' } }), /is the person leaving/);
  });
});
