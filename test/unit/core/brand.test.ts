/**
 * Errors keep `instanceof` across two copies of core (the extension's two bundles each hold one):
 * core's modules loaded twice, with separate module caches, as the two bundles load them.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { brandClass } from '../../../src/core/brand';

const CORE = path.resolve(__dirname, '..', '..', '..', 'src', 'core');

/** A fresh copy of core's git runner, notices and calendar (their own module instances). */
function freshCopy(): { run: typeof import('../../../src/core/git/run'); notices: typeof import('../../../src/core/notices'); calendar: typeof import('../../../src/core/calendar') } {
  for (const key of Object.keys(require.cache)) if (key.startsWith(CORE)) delete require.cache[key];
  /* eslint-disable @typescript-eslint/no-require-imports -- a second module instance is the point */
  return { run: require('../../../src/core/git/run'), notices: require('../../../src/core/notices'), calendar: require('../../../src/core/calendar') };
  /* eslint-enable @typescript-eslint/no-require-imports */
}

describe('core/brand: instanceof across copies of a module', () => {
  // The module cache as the other tests left it, put back afterwards.
  const saved = { ...require.cache };
  after(() => {
    for (const key of Object.keys(require.cache)) if (key.startsWith(CORE)) delete require.cache[key];
    Object.assign(require.cache, saved);
  });

  it('an error made by one copy is an instance of the other copy’s class and its base, and of nothing else', () => {
    const a = freshCopy();
    const b = freshCopy();
    assert.notEqual(a.run.GitError, b.run.GitError, 'two copies of the class');
    const e = new a.run.GitError('git-failed', { code: 'git.failed', cwd: '/x', detail: 'd' });
    assert.ok(e instanceof b.run.GitError);
    assert.ok(e instanceof b.notices.NoticeError, 'a GitError is a NoticeError of the other copy');
    assert.ok(e instanceof Error);
    assert.ok(!(e instanceof b.calendar.PeriodError), 'not another subclass');
    assert.ok(!(new b.notices.NoticeError({ code: 'git.cancelled' }) instanceof a.run.GitError), 'a base is not a subclass');
    assert.equal(b.notices.noticeOf(e).code, 'git.failed', 'the other copy reads its notice');
    assert.ok(!(new Error('x') instanceof a.notices.NoticeError));
  });

  it('brandClass: subclasses keep their own brand; plain objects are not instances', () => {
    const make = () => {
      class Base extends Error {}
      brandClass(Base, 'test.Base');
      class Sub extends Base {}
      brandClass(Sub, 'test.Sub');
      return { Base, Sub };
    };
    const one = make();
    const two = make();
    assert.ok(new one.Sub() instanceof two.Sub);
    assert.ok(new one.Sub() instanceof two.Base);
    assert.ok(!(new one.Base() instanceof two.Sub));
    assert.ok(!({} instanceof two.Base));
    assert.ok(!(Object.create(null) instanceof two.Base));
  });
});
