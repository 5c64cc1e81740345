/** One commit shown as a person reads it (`git show --stat`), on a real repository; nothing but a commit id reaches git. */
import * as assert from 'node:assert/strict';
import { isCommitId, showCommit } from '../../../src/core/git/show';
import { ALICE, TestRepo } from '../../support/git';

describe('git: show a commit', () => {
  let repo: TestRepo;
  let hash: string;
  before(() => {
    repo = new TestRepo('show');
    repo.commit(ALICE, '2026-11-16', 'First', { 'a.txt': 'a\n' });
    hash = repo.commit(ALICE, '2026-11-18', 'Faster checkout #checkout\n\nThe tax rules are cached.', { 'src/checkout.ts': 'x\n', 'src/tax.ts': 'y\n' });
  });
  after(() => repo.remove());

  it('shows the author, the whole message and the files changed, no diff', async () => {
    const text = await showCommit(repo.root, hash.slice(0, 7));
    assert.match(text, new RegExp(`^commit ${hash}`));
    assert.match(text, /Author: +Alice Martin <alice@agency\.example>/);
    assert.match(text, /The tax rules are cached\./);
    assert.match(text, /2 files changed/);
    assert.doesNotMatch(text, /^\+x$/m, 'no diff');
  });

  it('refuses anything but a commit id, and a revision that is no commit', async () => {
    for (const bad of ['--output=/tmp/x', 'HEAD', 'abc', `${hash}~1`, '']) assert.equal(isCommitId(bad), false, bad);
    await assert.rejects(showCommit(repo.root, '--output=/tmp/x'), /not a commit id/);
    await assert.rejects(showCommit(repo.root, 'deadbeef'));
  });
});
