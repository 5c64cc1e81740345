/**
 * The clients overview on real repositories: one row per client with its status and reason,
 * commitments, asks, last and next update and the trend of saved statuses; a client over three
 * repositories (one missing) counts the work of each; the CLI prints the same rows.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { overviewRow, sparkline } from '../../../src/core/overview/compute';
import { gatherOverview } from '../../../src/core/overview/gather';
import { parseClients } from '../../../src/core/clients/parse';
import { wordNotice } from '../../../src/core/notices';
import { buildOnce, runCli } from '../../support/cli';
import { commit, initRepo, useIsolatedGitConfig } from '../../support/git';
import { tempDir } from '../../support/temp';

const TODAY = '2026-11-20'; // a Friday

const CLIENTS = `# Acme Retail

Contact: Jane Doe <jane.doe@acme.example>
Cadence: weekly Fri
Paths: apps/acme/
Repos: ../api, ../gone

## Commitments
- [ ] Loyalty app beta due:2026-11-20 #loyalty
- [ ] Checkout under 2 s due:2026-11-10 #checkout
- [ ] Store finder due:2026-12-20
- [x] Locator redesign due:2026-11-01 done:2026-11-01

## Asks
- Brand assets for the loyalty screens asked:2026-11-06
- Staging account asked:2026-11-15
- [x] Old ask asked:2026-10-01

# Globex

Contact: Hank Scorpio <hank@globex.example>
Paths: apps/globex/

## Commitments
- [ ] Dashboard tiles due:2026-12-10 #tiles
`;

function record(sent: string, status: string, client = 'Acme Retail'): string {
  return `---\nclient: "${client}"\nsent: ${sent}\nperiod: ${sent}..${sent}\nstatus: ${status}\nlanguage: en\naudience: client\nsubject: "Update"\nnext:\n---\nSubject: Update\n\nHi.\n`;
}

describe('overview: one row per client', function () {
  this.timeout(120000);
  const { globalConfig } = useIsolatedGitConfig();
  let web: string;

  before(() => {
    buildOnce();
    const top = tempDir('overview');
    web = path.join(top, 'web');
    initRepo(web);
    initRepo(path.join(top, 'api'));
    commit(web, 'docs: clients file', { '.project/clients.md': CLIENTS }, '2026-11-02');
    commit(web, 'feat: globex dashboard tiles #tiles', { 'apps/globex/tiles.ts': 'x' }, '2026-11-17');
    // The only evidence for the loyalty beta (due today) is in the API repository.
    commit(path.join(top, 'api'), 'feat: loyalty points endpoint #loyalty', { 'src/points.ts': 'x' }, '2026-11-18');
    const updates = path.join(web, '.project', 'updates');
    fs.mkdirSync(updates, { recursive: true });
    fs.writeFileSync(path.join(updates, '2026-10-30-acme-retail.md'), record('2026-10-30', 'on-track'));
    fs.writeFileSync(path.join(updates, '2026-11-06-acme-retail.md'), record('2026-11-06', 'at-risk'));
    fs.writeFileSync(path.join(updates, '2026-11-13-acme-retail.md'), record('2026-11-13', 'off-track'));
  });

  it('computes each row from clients.md, the saved records and every repository', async () => {
    const o = await gatherOverview({ roots: [web], clientsText: CLIENTS, projectDir: path.join(web, '.project'), today: TODAY, weekStart: 'monday', language: 'en' });
    const [acme, globex] = o.rows;
    assert.equal(acme.client, 'Acme Retail');
    assert.equal(acme.status, 'off-track');
    assert.match(acme.reason, /Checkout under 2 s.*10 days past its due date/u);
    // The loyalty beta is due today with evidence from ../api: no "due without progress" reason.
    assert.ok(!acme.reasons.some((r) => r.includes('Loyalty app beta')), acme.reasons.join('; '));
    assert.deepEqual(acme.commitments, { open: 3, overdue: 1, dueThisWeek: 1 });
    assert.deepEqual(acme.asks, { unanswered: 2, oldestAskedOn: '2026-11-06', oldestDays: 14 });
    assert.equal(acme.lastSent, '2026-11-13');
    assert.equal(acme.nextDue, '2026-11-20');
    assert.deepEqual(acme.history, ['on-track', 'at-risk', 'off-track']);
    assert.equal(sparkline(acme.history), '▁▄█');
    assert.equal(acme.repositories, 2);
    assert.deepEqual(acme.repoProblems.map((p) => p.code), ['repos.not-found']);
    assert.ok(o.warnings.some((w) => wordNotice(w).includes('../gone')));
    assert.equal(globex.status, 'on-track');
    assert.equal(globex.lastSent, undefined);
    assert.deepEqual(globex.history, []);
    assert.equal(globex.nextDue, undefined, 'no Cadence: no next date');
  });

  it('without roots (Restricted Mode) reads no history and still gives every row', async () => {
    const o = await gatherOverview({ roots: [], clientsText: CLIENTS, projectDir: path.join(web, '.project'), today: TODAY, weekStart: 'monday', language: 'en' });
    assert.equal(o.historyRead, false);
    assert.equal(o.rows.length, 2);
    assert.equal(o.rows[0].repositories, 0);
  });

  it('a row counts only what is still open and asks not answered', () => {
    const client = parseClients(CLIENTS).clients[1];
    const row = overviewRow({ client, today: TODAY, weekStart: 'monday', status: { status: 'on-track', reasons: [] }, period: { since: '2026-11-16', until: TODAY }, recentStatuses: [undefined, 'at-risk'], repositories: 1, repoProblems: [] });
    assert.deepEqual(row.commitments, { open: 1, overdue: 0, dueThisWeek: 0 });
    assert.deepEqual(row.asks, { unanswered: 0 });
    assert.deepEqual(row.history, ['at-risk']);
    assert.equal(row.reason, '');
  });

  it('client-pulse overview prints the table and --json the rows', () => {
    const env = { GIT_CONFIG_GLOBAL: globalConfig, GIT_CONFIG_NOSYSTEM: '1', CLIENT_PULSE_TODAY: TODAY };
    const r = runCli(['overview'], { cwd: web, env });
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.split('\n');
    assert.match(lines[0], /^Client\s+Status\s+Still open\s+Overdue\s+Due this week\s+Asks waiting\s+Last sent\s+Next due\s+Trend$/u);
    assert.match(lines[1], /^Acme Retail\s+off track\s+3\s+1\s+1\s+2 \(oldest 14 d\)\s+2026-11-13\s+2026-11-20\s+▁▄█$/u);
    assert.match(lines[2], /^ {2}“Checkout under 2 s” is 10 days past its due date/u);
    assert.match(r.stderr, /warning: .*\.\.\/gone/u);
    const json = JSON.parse(runCli(['overview', '--json'], { cwd: web, env }).stdout) as { rows: Array<{ client: string; status: string; repoProblems: string[] }> };
    assert.deepEqual(json.rows.map((x) => [x.client, x.status]), [['Acme Retail', 'off-track'], ['Globex', 'on-track']]);
    assert.match(json.rows[0].repoProblems[0], /was not found/u);
    const zh = runCli(['overview'], { cwd: web, env: { ...env, LANG: 'zh_CN.UTF-8' } });
    assert.match(zh.stdout.split('\n')[0], /^客户\s+状态\s+未完成/u);
    assert.match(zh.stdout, /“Checkout under 2 s”已逾期 10 天/u);
  });
});
