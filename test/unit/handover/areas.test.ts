import assert from 'node:assert/strict';
import type { ActivityItem, FileStat } from '../../../src/core/git/types';
import { codeAreas, groupIntoAreas, type FileTally } from '../../../src/core/handover/areas';
import { branchBelongsTo, clientBaseDepth, clientFileFilter, hasDepartingWork } from '../../../src/core/handover/branches';
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
    const acme = clientBaseDepth({ paths: ['apps/acme/'] } as unknown as Parameters<typeof clientBaseDepth>[0]);
    const areas = codeAreas(items, from, () => true, acme);
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
    const areas = codeAreas(items, from, () => true, () => 0);
    assert.equal(areas.length, 1);
    assert.deepEqual(areas[0].others, []);
  });

  it('makes areas one level below the client’s folder, files there standing alone', () => {
    const files = new Map<string, FileTally>();
    const t = (): FileTally => ({ changes: 1, commits: new Set(['x']), lastChange: '2026-11-01' });
    for (const f of ['apps/acme/README.md', 'apps/acme/loyalty/a.ts', 'apps/acme/loyalty/fastlane/Fastfile', 'apps/acme/locator/deep/x/y.ts']) files.set(f, t());
    const depth = clientBaseDepth({ paths: ['apps/acme'] } as unknown as Parameters<typeof clientBaseDepth>[0]);
    assert.deepEqual(groupIntoAreas(files, depth).map((b) => b.key).sort(), ['apps/acme/README.md', 'apps/acme/locator/', 'apps/acme/loyalty/']);
  });

  it('splits the biggest folder with sub-folders one level deeper while there are fewer than three areas', () => {
    const files = new Map<string, FileTally>();
    const t = (n: number): FileTally => ({ changes: n, commits: new Set(['x']), lastChange: '2026-11-01' });
    files.set('src/api/a.ts', t(50));
    files.set('src/api/b.ts', t(5));
    files.set('src/ui/c.ts', t(40));
    files.set('src/ui/forms/d.ts', t(1));
    // src/ alone → src/api/ + src/ui/; neither has two sub-folders, so that is where it stops.
    const buckets = groupIntoAreas(files, () => 0);
    assert.deepEqual(buckets.map((b) => b.key).sort(), ['src/api/', 'src/ui/']);
    assert.deepEqual([...(buckets.find((b) => b.key === 'src/ui/')?.files.keys() ?? [])].sort(), ['src/ui/c.ts', 'src/ui/forms/d.ts']);
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
  it('counts a client’s own files only (its Paths, prefixes or globs), never .project/', () => {
    const keep = clientFileFilter({ paths: ['apps/acme', 'packages/loyalty-*'] } as unknown as Parameters<typeof clientFileFilter>[0]);
    assert.ok(keep('apps/acme/x/y.ts'));
    assert.ok(!keep('apps/acme-old/y.ts'));
    assert.ok(keep('packages/loyalty-core/src/a.ts'));
    assert.ok(!keep('packages/other/a.ts'));
    assert.ok(!keep('package.json'));
    const all = clientFileFilter({ paths: [] } as unknown as Parameters<typeof clientFileFilter>[0]);
    assert.ok(all('package.json'), 'a client routed by tag only owns every file of its commits');
    assert.ok(!all('.project/clients.md'));
  });

  it('keeps only the files a filter accepts, for the leaver and for the experts', () => {
    const items = [
      item(ALICE, '2026-11-02', [{ path: 'apps/acme/a.ts', added: 5, deleted: 0 }, { path: 'package.json', added: 2, deleted: 0 }]),
      item(TOM, '2026-11-03', [{ path: 'package.json', added: 1, deleted: 0 }]),
    ];
    const areas = codeAreas(items, from, (f) => f.startsWith('apps/'), () => 2);
    assert.deepEqual(areas.map((a) => [a.path, a.changes, a.others.length]), [['apps/acme/a.ts', 5, 0]]);
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
