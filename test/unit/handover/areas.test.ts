import assert from 'node:assert/strict';
import type { ActivityItem, FileStat } from '../../../src/core/git/types';
import { codeAreas, groupIntoAreas, MAX_AREAS } from '../../../src/core/handover/areas';
import { branchBelongsTo, hasDepartingWork, pathMatches } from '../../../src/core/handover/branches';
import { resolveDeparting } from '../../../src/core/handover/person';
import type { UnmergedBranch } from '../../../src/core/handover/types';

let n = 0;
function item(author: string, date: string, numstat: FileStat[], extra: Partial<ActivityItem> = {}): ActivityItem {
  const [name, email] = author.split('|');
  n += 1;
  return {
    commit: {
      hash: n.toString(16).padStart(40, '0'),
      parents: ['p'],
      authorName: name,
      authorEmail: email,
      authorDate: `${date}T10:00:00+00:00`,
      subject: `change ${n}`,
      body: '',
      trailers: [],
      files: numstat.map((s) => s.path),
      numstat,
    },
    clients: [],
    commitmentIds: [],
    kind: 'other',
    breaking: false,
    clientText: `change ${n}`,
    internalText: `change ${n}`,
    ...extra,
  };
}

const ALICE = 'Alice Martin|alice@agency.example';
const WANG = '王伟|wang.wei@agency.example';
const TOM = 'Tom Hughes|tom@agency.example';
const from = resolveDeparting('alice@agency.example', [{ name: 'Alice Martin', email: 'alice@agency.example' }]);

describe('handover: code areas', () => {
  it('ranks the departing person’s directories by lines changed and names who else changed them', () => {
    const items = [
      item(ALICE, '2026-11-02', [{ path: 'apps/acme/loyalty/Card.tsx', added: 120, deleted: 10 }]),
      item(ALICE, '2026-11-09', [{ path: 'apps/acme/loyalty/Onboarding.tsx', added: 40, deleted: 0 }, { path: 'apps/acme/locator/Map.tsx', added: 5, deleted: 5 }]),
      item(WANG, '2026-11-10', [{ path: 'apps/acme/locator/Map.tsx', added: 3, deleted: 1 }]),
      item(TOM, '2026-11-11', [{ path: 'apps/acme/locator/Pin.tsx', added: 3, deleted: 1 }]),
      item(TOM, '2026-11-12', [{ path: 'apps/acme/locator/Pin.tsx', added: 1, deleted: 1 }]),
      item(WANG, '2026-11-12', [{ path: 'apps/acme/checkout/tax.ts', added: 80, deleted: 0 }]),
      item(ALICE, '2026-11-13', [{ path: 'logo.png', added: null, deleted: null }]),
    ];
    const areas = codeAreas(items, from);
    assert.deepEqual(
      areas.map((a) => [a.path, a.changes, a.commits]),
      [
        ['apps/acme/loyalty/', 170, 2],
        ['apps/acme/locator/', 10, 1],
        ['logo.png', 1, 1],
      ],
    );
    assert.deepEqual(areas[0].topFiles, ['apps/acme/loyalty/Card.tsx', 'apps/acme/loyalty/Onboarding.tsx']);
    assert.deepEqual(areas[0].others, [], 'nobody else touched loyalty');
    assert.equal(areas[0].lastChange, '2026-11-09');
    assert.deepEqual(
      areas[1].others.map((e) => [e.name, e.commits, e.lastChange]),
      [
        ['Tom Hughes', 2, '2026-11-12'],
        ['王伟', 1, '2026-11-10'],
      ],
    );
    assert.ok(!areas.some((a) => a.path.startsWith('apps/acme/checkout')), 'areas only the others touched are not the departing person’s');
  });

  it('ignores merges and bots as experts', () => {
    const items = [
      item(ALICE, '2026-11-02', [{ path: 'src/a.ts', added: 1, deleted: 0 }]),
      item('dependabot[bot]|bot@github.example', '2026-11-03', [{ path: 'src/a.ts', added: 1, deleted: 1 }], { hidden: 'bot' }),
      { ...item(TOM, '2026-11-04', [{ path: 'src/a.ts', added: 9, deleted: 9 }]) },
    ];
    items[2].commit.parents = ['a', 'b'];
    const areas = codeAreas(items, from);
    assert.equal(areas.length, 1);
    assert.deepEqual(areas[0].others, []);
  });

  it('folds the deepest, smallest directories into their parents until few enough remain', () => {
    const files = new Map<string, { changes: number; commits: Set<string>; lastChange: string }>();
    for (let i = 0; i < 10; i++) files.set(`svc/part${i}/deep/file.ts`, { changes: 10 + i, commits: new Set(['x']), lastChange: '2026-11-01' });
    files.set('web/app/main.ts', { changes: 500, commits: new Set(['y']), lastChange: '2026-11-01' });
    const buckets = groupIntoAreas(files);
    assert.ok(buckets.length <= MAX_AREAS, `${buckets.length} areas`);
    const keys = buckets.map((b) => b.key).sort();
    assert.ok(keys.includes('web/app/'), keys.join(', '));
    const total = buckets.reduce((s, b) => s + b.files.size, 0);
    assert.equal(total, 11, 'no file is lost while folding');
  });
});

function branch(extra: Partial<UnmergedBranch>): UnmergedBranch {
  return {
    name: 'feature/x',
    remote: false,
    lastAuthorName: 'Tom Hughes',
    lastAuthorEmail: 'tom@agency.example',
    lastDate: '2026-11-20T10:00:00+00:00',
    subject: 'wip',
    ahead: 1,
    authors: ['tom@agency.example'],
    files: [],
    ...extra,
  };
}

describe('handover: branches', () => {
  it('matches client paths as prefixes and globs', () => {
    assert.ok(pathMatches('apps/acme/', 'apps/acme/x/y.ts'));
    assert.ok(pathMatches('apps/acme', 'apps/acme/y.ts'));
    assert.ok(!pathMatches('apps/acme', 'apps/acme-old/y.ts'));
    assert.ok(pathMatches('packages/loyalty-*', 'packages/loyalty-core/src/a.ts'));
    assert.ok(!pathMatches('packages/loyalty-*', 'packages/other/a.ts'));
    assert.ok(pathMatches('**/*.sql', 'db/migrations/001.sql'));
  });

  it('routes a branch to a client by files, by tag in its name or by a commitment tag in its subject', () => {
    const client = { paths: ['apps/acme/'], tags: ['acme'], commitments: [{ tags: ['loyalty'] }] } as unknown as Parameters<typeof branchBelongsTo>[1];
    assert.ok(branchBelongsTo(branch({ files: ['apps/acme/a.ts'] }), client));
    assert.ok(branchBelongsTo(branch({ name: 'fix/acme_login' }), client));
    assert.ok(branchBelongsTo(branch({ subject: 'feat: points #loyalty' }), client));
    assert.ok(!branchBelongsTo(branch({ name: 'feature/acmeish', files: ['apps/other/a.ts'] }), client));
  });

  it('flags branches that carry the departing person’s commits, not only at the tip', () => {
    assert.ok(hasDepartingWork(branch({ lastAuthorEmail: 'alice@agency.example' }), from));
    assert.ok(hasDepartingWork(branch({ authors: ['tom@agency.example', 'alice@agency.example'] }), from));
    assert.ok(!hasDepartingWork(branch({}), from));
  });
});
