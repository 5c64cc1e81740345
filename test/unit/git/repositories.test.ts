/**
 * The repositories a client's Repos: names, on real repositories in temp folders: found, missing,
 * not a repository, not the top folder, bare, owned by someone else.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseClients } from '../../../src/core/clients/parse';
import { allRepositories, checkRepositories, mapLimit, repositoryClients, reposBase } from '../../../src/core/git/repositories';
import { wordNotice } from '../../../src/core/notices';
import { commit, git, initRepo, useIsolatedGitConfig } from '../../support/git';
import { tempDir } from '../../support/temp';

describe('git: repositories named by Repos:', function () {
  this.timeout(60000);
  useIsolatedGitConfig();
  let top: string;
  let home: string;

  before(() => {
    top = tempDir('repos');
    home = path.join(top, 'web');
    for (const r of ['web', 'api', 'mobile']) initRepo(path.join(top, r));
    commit(home, 'docs: clients file', { '.project/clients.md': '# Acme\n' }, '2026-11-02');
    commit(path.join(top, 'api'), 'feat: orders endpoint', { 'src/orders.ts': 'x' }, '2026-11-16');
    commit(path.join(top, 'mobile'), 'feat: loyalty screen', { 'apps/acme/loyalty.ts': 'x' }, '2026-11-17');
    fs.mkdirSync(path.join(top, 'plain'));
    git(top, ['init', '-q', '--bare', 'bare.git']);
  });

  it('resolves relative paths against the top folder of the repository holding clients.md', () => {
    assert.equal(reposBase(path.join(home, '.project')), home);
    fs.mkdirSync(path.join(home, 'clients', 'acme', '.project'), { recursive: true });
    assert.equal(reposBase(path.join(home, 'clients', 'acme', '.project')), home);
    const file = parseClients(`# Acme\n\nRepos: ../api, ${path.join(top, 'mobile')}:apps/acme/\n`);
    assert.deepEqual(allRepositories(file, home).map((r) => r.dir), [path.join(top, 'api'), path.join(top, 'mobile')]);
  });

  it('says for each repository whether it can be read, and why not', async () => {
    const file = parseClients(`# Acme\n\nRepos: ../api, ../mobile:apps/acme/, ../gone, ../plain, ../bare.git, ../api/src\n`);
    const checked = await checkRepositories(allRepositories(file, home));
    assert.deepEqual(checked.map((c) => c.problem?.code ?? 'ok'), ['ok', 'ok', 'repos.not-found', 'repos.not-a-git-repo', 'repos.unsafe', 'repos.not-top-level']);
    assert.equal(checked[0].root, fs.realpathSync(path.join(top, 'api')));
    const words = checked.map((c) => (c.problem ? wordNotice(c.problem) : ''));
    assert.match(words[2], /\.\.\/gone in Repos: of Acme was not found at .*gone/u);
    assert.match(words[4], /bare repository/u);
    assert.match(words[5], /not its top folder/u);
  });

  it('refuses a repository owned by someone else, with git\'s reason (never trusting it for the user)', async function () {
    if (typeof process.getuid !== 'function' || process.getuid() !== 0) this.skip();
    const theirs = path.join(top, 'theirs');
    initRepo(theirs);
    commit(theirs, 'feat: their work', { 'a.txt': 'x' }, '2026-11-16');
    const chown = (dir: string) => {
      fs.chownSync(dir, 65534, 65534);
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) if (e.isDirectory()) chown(path.join(dir, e.name));
    };
    chown(theirs);
    const file = parseClients(`# Acme\n\nRepos: ../theirs\n`);
    const [c] = await checkRepositories(allRepositories(file, home));
    assert.equal(c.problem?.code, 'repos.unsafe');
    assert.match(wordNotice(c.problem), /dubious ownership|owned by|safe\.directory/u);
  });

  it('reads each folder once however many clients list it', async () => {
    const file = parseClients(`# Acme\n\nRepos: ../api\n\n# Globex\n\nRepos: ../api:src/\n`);
    const checked = await checkRepositories(allRepositories(file, home));
    assert.deepEqual(checked.map((c) => [c.client, c.problem?.code ?? 'ok']), [['Acme', 'ok'], ['Globex', 'ok']]);
  });

  it('gives a shared repository the clients that list it, each with its paths there', () => {
    const file = parseClients(`# Acme\n\nPaths: web/acme/\nRepos: ../api\n\n# Globex\n\nRepos: ../api:src/globex/\n\n# Initech\n\nPaths: web/initech/\n`);
    const repos = allRepositories(file, home);
    const one = repositoryClients(file, repos);
    assert.deepEqual(one.clients.map((c) => [c.name, c.paths]), [['Acme', ['**']], ['Globex', ['src/globex/']]]);
    const alone = repositoryClients(file, repos.slice(0, 1));
    assert.deepEqual(alone.clients.map((c) => [c.name, c.paths]), [['Acme', []]]);
  });

  it('mapLimit keeps the order and never runs more than the limit at once', async () => {
    let running = 0;
    let most = 0;
    const out = await mapLimit([5, 1, 4, 2, 3, 0], 2, async (n) => {
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setImmediate(r));
      for (let i = 0; i < n; i++) await Promise.resolve();
      running--;
      return n * 10;
    });
    assert.deepEqual(out, [50, 10, 40, 20, 30, 0]);
    assert.equal(most, 2);
  });
});
