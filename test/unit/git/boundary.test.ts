/**
 * The repository boundary is the clients file's folder: a project folder without its own `.git`
 * inside another repository drafts only from commits touching that folder.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { boundaryOf, pathsWithin, withinBoundary } from '../../../src/core/git/boundary';
import { readActivity } from '../../../src/core/git/activity';
import { composeDraft } from '../../../src/core/draft/compose';
import { gatherDraftInput } from '../../../src/core/draft/gather';
import { gatherHandoverInput } from '../../../src/core/handover/gather';
import { realHandoverGit } from '../../../src/core/handover/gitSource';
import { commit, initRepo, useIsolatedGitConfig } from '../../support/git';
import { tempDir } from '../../support/temp';
import { wordNotice } from '../../../src/core/notices';

const CLIENTS = `# Acme Retail

Contact: Jane Doe <jane.doe@acme.example> (CTO)
Owner: Alice Martin <alice@agency.example>
Language: en
`;

describe('git: the clients file folder is the repository boundary', function () {
  this.timeout(60000);
  useIsolatedGitConfig();
  let parent: string;
  let project: string;
  let nested: string;

  before(() => {
    // An unrelated repository with a private commit; the client project is a plain folder inside it.
    parent = tempDir('boundary-parent');
    initRepo(parent);
    project = path.join(parent, 'clients', 'acme');
    commit(project, 'docs: clients file', { '.project/clients.md': CLIENTS }, '2026-11-02');
    commit(parent, 'feat: private parent roadmap for Initech', { 'private/roadmap.md': 'secret plan' }, '2026-11-17');
    commit(parent, 'feat: store locator for Acme', { 'clients/acme/src/locator.ts': 'pin' }, '2026-11-18');
    commit(parent, 'feat: touches both the project and the parent', { 'clients/acme/src/both.ts': 'a', 'private/both.md': 'b' }, '2026-11-19');
    // A folder with its own repository inside the parent: its own history, no boundary.
    nested = path.join(parent, 'nested');
    initRepo(nested);
    commit(nested, 'docs: clients file', { '.project/clients.md': CLIENTS }, '2026-11-02');
    commit(nested, 'feat: nested repository work', { 'src/own.ts': 'own' }, '2026-11-18');
  });
  after(() => fs.rmSync(parent, { recursive: true, force: true }));

  it('pathsWithin: the folder by default, requested paths inside it kept, outside dropped, none left is null', () => {
    assert.deepEqual(pathsWithin(undefined, 'clients/acme'), ['clients/acme']);
    assert.deepEqual(pathsWithin([], 'clients/acme'), ['clients/acme']);
    assert.deepEqual(pathsWithin(['clients/acme/src/', 'private'], 'clients/acme'), ['clients/acme/src']);
    assert.deepEqual(pathsWithin(['clients', './'], 'clients/acme'), ['clients/acme']);
    assert.equal(pathsWithin(['private/', 'clients/acmex'], 'clients/acme'), null);
  });

  it('boundaryOf: a subfolder gives its relative path; the top level and other repositories give none', () => {
    assert.deepEqual(boundaryOf(parent, project), { root: fs.realpathSync(parent), folder: 'clients/acme' });
    assert.equal(boundaryOf(parent, parent), undefined);
    assert.equal(boundaryOf(project, tempDir('elsewhere')), undefined);
  });

  it('a draft from the subfolder reads only commits touching it, and says so', async () => {
    const gathered = await gatherDraftInput({
      roots: [project],
      clientsText: CLIENTS,
      projectDir: path.join(project, '.project'),
      client: 'Acme Retail',
      period: { since: '2026-11-16', until: '2026-11-22' },
      today: '2026-11-20',
      weekStart: 'monday',
      audience: 'client',
      signature: 'Alice',
    });
    const subjects = gathered.input.items.map((i) => i.commit.subject);
    assert.deepEqual(subjects.sort(), ['feat: store locator for Acme', 'feat: touches both the project and the parent']);
    const draft = composeDraft(gathered.input);
    assert.doesNotMatch(draft.markdown, /Initech|roadmap/);
    assert.match(draft.markdown, /store locator/i);
    const notice = gathered.warnings.find((w) => w.code === 'reading.subfolder-boundary' && w.folder === 'clients/acme');
    assert.ok(notice, `a warning names the boundary: ${JSON.stringify(gathered.warnings)}`);
    assert.match(wordNotice(notice), /only commits touching clients\/acme\//);
  });

  it('without the boundary the same reading would include the private commit (the test can fail)', async () => {
    const all = await readActivity({ cwd: project, period: { since: '2026-11-16', until: '2026-11-22' } });
    assert.ok(all.items.some((i) => i.commit.subject.includes('Initech')));
  });

  it('a nested folder with its own .git has no boundary: its own history is read whole', async () => {
    const bounded = await withinBoundary({ cwd: nested, period: { since: '2026-11-16', until: '2026-11-22' } }, nested);
    assert.equal(bounded.boundary, undefined);
    const gathered = await gatherDraftInput({
      roots: [nested],
      clientsText: CLIENTS,
      projectDir: path.join(nested, '.project'),
      client: 'Acme Retail',
      period: { since: '2026-11-16', until: '2026-11-22' },
      today: '2026-11-20',
      weekStart: 'monday',
      audience: 'client',
      signature: 'Alice',
    });
    assert.deepEqual(gathered.input.items.map((i) => i.commit.subject), ['feat: nested repository work']);
    assert.deepEqual(gathered.warnings, []);
  });

  it('a handover from the subfolder reads only commits touching it, and says so', async () => {
    const input = await gatherHandoverInput({
      roots: [project],
      clientsText: CLIENTS,
      from: 'alice@agency.example',
      since: '2026-11-01',
      today: '2026-11-20',
      language: 'en',
      projectDir: path.join(project, '.project'),
      git: realHandoverGit(),
    });
    const subjects = input.repositories.flatMap((r) => r.items.map((i) => i.commit.subject));
    assert.ok(subjects.includes('feat: store locator for Acme'));
    assert.ok(!subjects.some((s) => s.includes('Initech')), subjects.join('; '));
    const words = input.warnings.map((w) => wordNotice(w));
    assert.ok(words.some((w) => w.includes('only commits touching clients/acme/')), words.join('; '));
  });
});
