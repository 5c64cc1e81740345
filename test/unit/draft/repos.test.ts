/**
 * One client over three repositories (the home one, an API and a shared mobile one), with one
 * listed repository missing and one bare: drafts, activity, check and handovers read every
 * readable one, keep each line's repository in its trace, and warn about the others.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { composeDraft } from '../../../src/core/draft/compose';
import { gatherDraftInput, type GatherOptions } from '../../../src/core/draft/gather';
import { gatherHandoverInput } from '../../../src/core/handover/gather';
import { realHandoverGit } from '../../../src/core/handover/gitSource';
import { wordNotice } from '../../../src/core/notices';
import { buildOnce, runCli } from '../../support/cli';
import { commit, git, initRepo, useIsolatedGitConfig } from '../../support/git';
import { tempDir } from '../../support/temp';

const TODAY = '2026-11-20';

const CLIENTS = `# Acme Retail

Contact: Jane Doe <jane.doe@acme.example> (CTO)
Owner: Alice Martin <alice@agency.example>
Language: en
Paths: apps/acme/
Repos: ../api, ../mobile:apps/acme/, ../gone, ../bare.git

## Commitments
- [ ] Loyalty app beta on TestFlight due:2026-12-04 #loyalty

# Globex

Contact: Hank Scorpio <hank@globex.example>
Paths: apps/globex/
Repos: ../mobile:apps/globex/
`;

describe('draft: a client over several repositories', function () {
  this.timeout(120000);
  const { globalConfig } = useIsolatedGitConfig();
  let top: string;
  let web: string;
  let projectDir: string;

  before(() => {
    buildOnce();
    top = tempDir('multi');
    web = path.join(top, 'web');
    for (const r of ['web', 'api', 'mobile']) initRepo(path.join(top, r));
    commit(web, 'docs: clients file', { '.project/clients.md': CLIENTS }, '2026-11-02');
    commit(web, 'feat: faster checkout page for acme', { 'apps/acme/checkout.ts': 'x' }, '2026-11-16');
    commit(path.join(top, 'api'), 'feat: loyalty points endpoint #loyalty', { 'src/points.ts': 'x' }, '2026-11-17');
    commit(path.join(top, 'mobile'), 'feat: loyalty card screen', { 'apps/acme/card.ts': 'x' }, '2026-11-18');
    commit(path.join(top, 'mobile'), 'feat: globex dashboard tiles', { 'apps/globex/tiles.ts': 'x' }, '2026-11-18');
    git(top, ['init', '-q', '--bare', 'bare.git']);
    projectDir = path.join(web, '.project');
  });

  const options = (over: Partial<GatherOptions> = {}): GatherOptions => ({
    roots: [web],
    clientsText: CLIENTS,
    projectDir,
    client: 'Acme Retail',
    period: { since: '2026-11-16', until: TODAY },
    today: TODAY,
    weekStart: 'monday',
    audience: 'internal',
    ...over,
  });

  it('drafts from every readable repository, each line traced to its repository', async () => {
    const gathered = await gatherDraftInput(options());
    const texts = gathered.input.items.map((i) => [i.repository ?? 'home', i.clientText]);
    assert.deepEqual(texts, [['../mobile', 'Loyalty card screen'], ['../api', 'Loyalty points endpoint'], ['home', 'Faster checkout page for acme']]);
    assert.equal(gathered.repositories.length, 3);
    const draft = composeDraft(gathered.input);
    assert.match(draft.markdown, /loyalty points endpoint #loyalty \(`api [0-9a-f]{7}`\)/u);
    assert.match(draft.markdown, /loyalty card screen \(`mobile [0-9a-f]{7}`\)/u);
    assert.doesNotMatch(draft.markdown, /Globex|dashboard tiles/u);
    // The commit in the API repository is evidence for the commitment (#loyalty), as at home.
    const evidence = gathered.input.items.find((i) => i.repository === '../api');
    assert.deepEqual(evidence?.commitmentIds, ['Acme Retail#0']);
  });

  it('warns about the missing and the bare repository, and still drafts', async () => {
    const gathered = await gatherDraftInput(options({ audience: 'client' }));
    const words = gathered.warnings.map((w) => wordNotice(w));
    assert.equal(words.filter((w) => w.includes('../gone') && w.includes('was not found')).length, 1);
    assert.equal(words.filter((w) => w.includes('../bare.git') && /bare repository/u.test(w)).length, 1);
    const draft = composeDraft(gathered.input);
    assert.doesNotMatch(draft.markdown, /[0-9a-f]{7}/u, 'no hashes in the client e-mail');
    assert.match(draft.markdown, /Loyalty card screen/u);
  });

  it('reads no listed repository without roots (Restricted Mode)', async () => {
    const gathered = await gatherDraftInput(options({ roots: [] }));
    assert.equal(gathered.input.items.length, 0);
    assert.equal(gathered.historyRead, false);
  });

  it('the other client of a shared repository gets only its own folders', async () => {
    const gathered = await gatherDraftInput(options({ client: 'Globex' }));
    assert.deepEqual(gathered.input.items.map((i) => i.clientText), ['Globex dashboard tiles']);
  });

  it('handovers read the listed repositories too', async () => {
    const input = await gatherHandoverInput({ roots: [web], clientsText: CLIENTS, from: 'alice@agency.example', today: TODAY, language: 'en', projectDir, git: realHandoverGit() });
    assert.deepEqual(input.repositories.map((r) => r.name).sort(), ['api', 'mobile', 'web']);
    assert.ok(input.warnings.some((w) => wordNotice(w).includes('../gone')));
  });

  const cli = (args: string[]) => runCli(args, { cwd: web, env: { GIT_CONFIG_GLOBAL: globalConfig, GIT_CONFIG_NOSYSTEM: '1', CLIENT_PULSE_TODAY: TODAY } });

  it('client-pulse activity lists the listed repositories, and --repo adds one for the run', async () => {
    const extra = path.join(top, 'extra');
    initRepo(extra);
    commit(extra, 'feat: loyalty export job', { 'job.ts': 'x' }, '2026-11-19');
    const r = cli(['activity', '--client', 'acme', '--json', '--repo', '../extra']);
    assert.equal(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout) as { items: Array<{ text: string; repository: string | null }> };
    assert.deepEqual(json.items.map((i) => [i.repository, i.text]), [['../extra', 'Loyalty export job'], ['../mobile', 'Loyalty card screen'], ['../api', 'Loyalty points endpoint'], [null, 'Faster checkout page for acme']]);
    assert.match(r.stderr, /\.\.\/gone in Repos: of Acme Retail was not found/u);
    const text = cli(['activity', '--since', '2026-11-16']);
    assert.match(text.stdout, /Globex dashboard tiles.*\[Globex\].*\(in \.\.\/mobile\)/u);
  });

  it('client-pulse draft --repo reads a repository for one run', () => {
    const r = cli(['draft', '--client', 'acme', '--audience', 'internal', '--period', '2026-11-16..2026-11-20', '--repo', '../extra']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /loyalty export job \(`extra [0-9a-f]{7}`\)/u);
    assert.match(r.stderr, /warning: .*\.\.\/bare\.git/u);
  });

  it('client-pulse check reports each repository that cannot be read on its entry', () => {
    const r = cli(['check']);
    const lines = r.stdout.split('\n').filter((l) => l.includes('['));
    assert.deepEqual(lines.map((l) => /\[([a-z-]+)\]$/u.exec(l)?.[1]), ['repo-not-found', 'unsafe-repo']);
    assert.match(lines[0], /^\.project\/clients\.md:7:38: warning: the repository \.\.\/gone in Repos: of Acme Retail was not found/u);
    assert.equal(r.code, 0, 'repository problems are warnings');
    fs.rmSync(path.join(top, 'extra'), { recursive: true, force: true });
  });
});
