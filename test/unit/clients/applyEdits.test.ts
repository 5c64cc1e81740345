import assert from 'node:assert/strict';
import { applyEdits as applyToText, EditError } from '../../../src/core/clients/edits';

describe('clients: applying edits to text (the one applyEdits, used by the extension too)', () => {
  const crlf = '\ufeff# Acme\r\n\r\n## Commitments\r\n- [ ] 检查 📅 2026-12-01\t \r\n';

  it('changes only the edited ranges: BOM, CRLF, tabs, trailing spaces, CJK and emoji kept', () => {
    const at = crlf.indexOf('[ ]');
    const end = crlf.indexOf('\t \r\n', at);
    const out = applyToText(crlf, [
      { offset: end, length: 0, newText: ' ✅ 2026-11-20' },
      { offset: at, length: 3, newText: '[x]' },
    ]);
    assert.equal(out, '\ufeff# Acme\r\n\r\n## Commitments\r\n- [x] 检查 📅 2026-12-01 ✅ 2026-11-20\t \r\n');
  });

  it('no edits give the same string', () => {
    assert.equal(applyToText(crlf, []), crlf);
  });

  it('refuses overlapping or out-of-range edits instead of guessing', () => {
    assert.throws(() => applyToText('abcdef', [{ offset: 1, length: 3, newText: 'x' }, { offset: 2, length: 1, newText: 'y' }]), EditError);
    assert.throws(() => applyToText('abc', [{ offset: 2, length: 5, newText: '' }]), EditError);
  });
});
