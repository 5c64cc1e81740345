import assert from 'node:assert/strict';
import {
  isDepartingAuthor,
  isDepartingHandle,
  isDepartingPerson,
  parseNameEmail,
  resolveDeparting,
  sameHandle,
} from '../../../src/core/handover/person';
import { wordNotice } from '../../../src/core/notices';

describe('handover: people', () => {
  it('parses "Name <email>" and rejects what is not', () => {
    assert.deepEqual(parseNameEmail(' Wang Wei <wang.wei@agency.example> '), { person: { name: 'Wang Wei', email: 'wang.wei@agency.example' } });
    assert.deepEqual(parseNameEmail('王伟 <wang.wei@agency.example>'), { person: { name: '王伟', email: 'wang.wei@agency.example' } });
    assert.deepEqual(parseNameEmail('"Martin, Alice" <alice@agency.example>'), { person: { name: 'Martin, Alice', email: 'alice@agency.example' } });
    for (const bad of ['Wang Wei', 'wang.wei@agency.example', '<wang@agency.example>', 'Wang <not-an-address>', '']) {
      const r = parseNameEmail(bad);
      assert.ok('error' in r, bad);
      if ('error' in r) assert.match(wordNotice(r.error), /Name <email>|name/);
    }
  });

  it('knows a person with a Chinese name by the handle of their e-mail (王伟 <wang.wei@…> is @wang)', () => {
    const authors = [
      { name: '王伟', email: 'wang.wei@agency.example' },
      { name: 'Alice Martin', email: 'alice@agency.example' },
    ];
    const wang = resolveDeparting('王伟', authors);
    assert.equal(wang.email, 'wang.wei@agency.example');
    for (const handle of ['@wang', 'wang', 'wang.wei']) assert.ok(isDepartingHandle(wang, handle), handle);
    assert.ok(!isDepartingHandle(wang, '@alice'));
    assert.ok(!isDepartingHandle(wang, '@wei'), 'only the first part of the address is a handle');
    assert.equal(resolveDeparting('wang', authors).name, '王伟', 'the handle finds the person');
    // With 王芳 <wang.fang@…> in the team, `@wang` names neither of them.
    const both = resolveDeparting('王伟', [...authors, { name: '王芳', email: 'wang.fang@agency.example' }]);
    assert.ok(!isDepartingHandle(both, '@wang'), 'a shared handle is not an alias');
    assert.ok(isDepartingHandle(both, '@wang.wei'));
  });

  it('resolves a departing person by e-mail or name and collects every identity as an alias', () => {
    const authors = [
      { name: 'Alice Martin', email: 'alice@agency.example' },
      { name: 'Alice Martin', email: 'alice.m@laptop.local' },
      { name: 'Tom Hughes', email: 'tom@agency.example' },
    ];
    const byName = resolveDeparting('alice martin', authors);
    assert.equal(byName.name, 'Alice Martin');
    assert.equal(byName.email, 'alice@agency.example');
    assert.ok(isDepartingAuthor(byName, 'Someone', 'ALICE.M@laptop.local'));
    assert.ok(!isDepartingAuthor(byName, 'Tom Hughes', 'tom@agency.example'));
    const byEmail = resolveDeparting('alice@agency.example', authors);
    assert.equal(byEmail.name, 'Alice Martin');
    assert.ok(isDepartingHandle(byEmail, 'alice'), 'the e-mail local part is a handle');
    assert.ok(isDepartingHandle(byEmail, '@Alice'));
    assert.ok(!isDepartingHandle(byEmail, 'tom'));
    assert.ok(isDepartingPerson(byEmail, { name: 'A. Martin', email: 'Alice@Agency.example' }));
    assert.ok(!isDepartingPerson(byEmail, { name: '王伟', email: 'wang.wei@agency.example' }));
    assert.ok(!isDepartingPerson(byEmail, undefined));
  });

  it('takes a first name or handle when it names one person only', () => {
    const authors = [
      { name: 'Alice Martin', email: 'alice@agency.example' },
      { name: 'Alice Martin', email: 'a.martin@laptop.local' },
      { name: 'Tom Hughes', email: 'tom@agency.example' },
      { name: 'Tom Baker', email: 'baker@agency.example' },
    ];
    const alice = resolveDeparting('alice', authors);
    assert.equal(alice.name, 'Alice Martin');
    assert.equal(alice.email, 'alice@agency.example');
    assert.ok(alice.aliases.includes('a.martin@laptop.local'));
    const tom = resolveDeparting('tom', authors);
    assert.equal(tom.email, undefined, 'two Toms: nobody is picked');
    assert.deepEqual(sameHandle('tom', authors), ['Tom Baker', 'Tom Hughes']);
  });

  it('keeps an unknown person as typed, so the handover can still say who leaves', () => {
    const p = resolveDeparting('nobody@agency.example', []);
    assert.equal(p.name, 'nobody');
    assert.equal(p.email, 'nobody@agency.example');
  });

});
