import { strict as assert } from 'node:assert';
import { kindOf, parseConventional } from '../../../src/core/git/conventional';

// Conventional Commits 1.0.0, https://www.conventionalcommits.org/en/v1.0.0/#specification
describe('git: conventional commit headers follow the 1.0.0 grammar', () => {
  it('no space before the colon, no empty scope: such headers are plain subjects', () => {
    for (const s of ['foo : bar', 'foo(): bar', 'foo(bar) : baz', 'Test : new login flow', 'fix( ): x']) {
      const c = parseConventional(s);
      assert.equal(c.type, undefined, s);
      assert.equal(c.description, s);
    }
    // Not hidden as a test commit: the words say it is new work.
    assert.equal(kindOf(parseConventional('Test : new login flow'), 'Test : new login flow'), 'feature');
  });

  it('type, scope, ! and description (spec items 1–5)', () => {
    assert.deepEqual(parseConventional('feat(lang): add Polish language'), { type: 'feat', scope: 'lang', breaking: false, description: 'add Polish language' });
    assert.deepEqual(parseConventional('feat!: send an email when a product is shipped'), { type: 'feat', scope: undefined, breaking: true, description: 'send an email when a product is shipped' });
    assert.equal(parseConventional('FIX: x').type, 'fix', 'types are case-insensitive (item 15)');
  });

  it('BREAKING CHANGE and BREAKING-CHANGE footers in upper case only (items 12, 15, 16)', () => {
    assert.equal(parseConventional('feat: x', 'BREAKING CHANGE: config keys renamed').breaking, true);
    assert.equal(parseConventional('feat: x', 'BREAKING CHANGE: config keys renamed').breakingNote, 'config keys renamed');
    assert.equal(parseConventional('feat: x', 'BREAKING-CHANGE: y').breaking, true);
    assert.equal(parseConventional('feat: x', 'Breaking-change: y').breaking, false);
    assert.equal(parseConventional('feat: x', 'breaking change: y').breaking, false);
    assert.equal(parseConventional('feat: x', '', [{ key: 'Breaking-change', value: 'y' }]).breaking, false);
    assert.equal(parseConventional('feat: x', '', [{ key: 'BREAKING-CHANGE', value: 'y' }]).breaking, true);
  });
});
