import { strict as assert } from 'node:assert';
import { completionsFor, parseCommitmentInput } from '../../../src/core/clients/input';
import { parseClients } from '../../../src/core/clients/parse';
import { addCommitment, applyEdits } from '../../../src/core/clients/edits';

describe('clients: "Add commitment" as one line', () => {
  it('reads the title, due date, owners and tags in the file syntax (📅 too, a typed "- [ ]" is dropped)', () => {
    assert.deepEqual(parseCommitmentInput('  Checkout p95 under 2 s due:2026-12-10 @tom #checkout #perf '), {
      ok: true,
      value: { title: 'Checkout p95 under 2 s', due: '2026-12-10', owners: ['tom'], tags: ['checkout', 'perf'] },
    });
    assert.deepEqual(parseCommitmentInput('- [ ] 课程报名页上线 📅 2026-12-04 @王伟'), { ok: true, value: { title: '课程报名页上线', due: '2026-12-04', owners: ['王伟'], tags: [] } });
    assert.deepEqual(parseCommitmentInput('Mail jane@acme.example about C#'), { ok: true, value: { title: 'Mail jane@acme.example about C#', owners: [], tags: [] } });
  });

  it('says what is wrong: no title, a broken or second date, a token that has no place on a new commitment', () => {
    const problem = (s: string) => {
      const r = parseCommitmentInput(s);
      return r.ok ? undefined : r.problem;
    };
    assert.deepEqual(problem('due:2026-12-10 @tom'), { code: 'empty-title' });
    const broken = problem('Beta due:2026-02-30');
    assert.equal(broken?.code, 'invalid-date');
    assert.equal(broken?.code === 'invalid-date' && broken.text, 'due:2026-02-30');
    assert.match(broken?.code === 'invalid-date' ? broken.problem : '', /28/);
    assert.deepEqual(problem('Beta due:'), { code: 'invalid-date', text: 'due:', value: '', problem: 'the date is missing' });
    assert.deepEqual(problem('Beta due:2026-12-01 📅 2026-12-02'), { code: 'duplicate-due' });
    assert.deepEqual(problem('Beta done:2026-12-01'), { code: 'not-allowed', text: 'done:2026-12-01' });
    assert.deepEqual(problem('Beta\nGamma'), { code: 'multi-line' });
  });

  it('what is typed is what the file reads after the add (several owners and tags kept)', () => {
    const text = '# Acme\n\n## Commitments\n- [ ] A due:2026-12-01\n';
    const parsed = parseCommitmentInput('Loyalty beta due:2026-12-10 @alice @wang #loyalty #beta');
    assert.ok(parsed.ok);
    const out = applyEdits(text, addCommitment(text, parseClients(text), 'Acme', { text: parsed.value.title, due: parsed.value.due, owners: parsed.value.owners, tags: parsed.value.tags }));
    assert.equal(out, '# Acme\n\n## Commitments\n- [ ] A due:2026-12-01\n- [ ] Loyalty beta due:2026-12-10 @alice @wang #loyalty #beta\n');
    const back = parseClients(out).clients[0].commitments[1];
    assert.deepEqual([back.title, back.due, back.owners, back.tags], ['Loyalty beta', '2026-12-10', ['alice', 'wang'], ['loyalty', 'beta']]);
  });

  it('completes the word being typed: @ owners, # tags, due: dates (prefix, any case)', () => {
    const known = { owners: ['wang', 'alice', 'Tom'], tags: ['checkout', 'catalog'], dates: ['2026-12-04', '2026-12-11'] };
    assert.deepEqual(completionsFor('Beta @', known).map((c) => c.insert), ['@wang', '@alice', '@Tom']);
    assert.deepEqual(completionsFor('Beta @t', known), [{ start: 5, insert: '@Tom', text: 'Beta @Tom ' }]);
    assert.deepEqual(completionsFor('Beta #c', known).map((c) => c.text), ['Beta #checkout ', 'Beta #catalog ']);
    assert.deepEqual(completionsFor('Beta due:', known).map((c) => c.insert), ['due:2026-12-04', 'due:2026-12-11']);
    assert.deepEqual(completionsFor('Beta @wang', known), [], 'a complete word is not offered again');
    assert.deepEqual(completionsFor('Beta @wang ', known), [], 'nothing after a space');
    assert.deepEqual(completionsFor('mail a@', known), [], 'an @ inside a word is text');
  });
});
