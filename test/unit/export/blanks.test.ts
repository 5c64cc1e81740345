import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { findBlanks } from '../../../src/core/export/blanks';
import { buildOnce, runCli } from '../../support/cli';
import { DEMO_TODAY, makeDemo } from '../../support/demo';

describe('export: blanks to fill in before sending', function () {
  this.timeout(120000);

  it('finds ____, [placeholders] and 【占位】 with their line, column and line text', () => {
    const text = 'Hi,\r\n- We missed the 30 Nov date. Proposed new date: ____\n- 原定11月15日，新日期____）\n- last day [last working day] and 【最后工作日】\n';
    assert.deepEqual(
      findBlanks(text).map((b) => [b.line, b.column, b.text, b.context]),
      [
        [1, 48, '____', '- We missed the 30 Nov date. Proposed new date: ____'],
        [2, 14, '____', '- 原定11月15日，新日期____）'],
        [3, 11, '[last working day]', '- last day [last working day] and 【最后工作日】'],
        [3, 34, '【最后工作日】', '- last day [last working day] and 【最后工作日】'],
      ],
    );
    const b = findBlanks(text)[2];
    assert.equal(text.slice(b.offset, b.offset + b.length), '[last working day]');
  });

  it('links, escaped brackets, footnote markers, task boxes and underscores in words are not blanks', () => {
    const text = '- [x] done\n- [ ] open\n- see [the docs](https://a.example) and [ref][1]\n- line \\[1\\] [2]\n- snake\\_case, __init__, a___b, ![img](https://a.example/i.png)\n';
    assert.deepEqual(findBlanks(text), []);
  });

  describe('client-pulse draft', () => {
    let tmp: string;
    let repo: string;
    const env = { CLIENT_PULSE_TODAY: DEMO_TODAY };
    before(() => {
      buildOnce();
      ({ tmp, repo } = makeDemo());
    });
    after(() => fs.rmSync(tmp, { recursive: true, force: true }));

    it('warns on stderr for each blank; --strict exits 1 while any remain, 0 once the date is given', () => {
      const plain = runCli(['draft', '--client', 'Northwind'], { cwd: repo, env });
      assert.equal(plain.code, 0, plain.stderr);
      const warnings = plain.stderr.split('\n').filter((l) => l.startsWith('warning: blank'));
      assert.equal(warnings.length, 1, plain.stderr);
      assert.match(warnings[0], /^warning: blank to fill in at line \d+: - We missed the 19 Nov date for “Driver app offline mode for parcel scans”\. Proposed new date: ____$/);
      const strict = runCli(['draft', '--client', 'Northwind', '--strict'], { cwd: repo, env });
      assert.equal(strict.code, 1);
      assert.equal(strict.stdout, plain.stdout, 'the draft is still written');
      assert.match(strict.stderr, /\n1 blank to fill in \(--strict\)\n$/);
      const filled = runCli(['draft', '--client', 'Northwind', '--strict', '--new-date', 'offline=2026-11-27'], { cwd: repo, env });
      assert.equal(filled.code, 0, filled.stderr);
      assert.doesNotMatch(filled.stderr, /blank/);
    });

    it('words the blank warnings in the CLI\'s language (zh-CN)', () => {
      const zh = runCli(['--lang', 'zh-cn', 'draft', '--client', 'Northwind'], { cwd: repo, env });
      assert.equal(zh.code, 0, zh.stderr);
      const warnings = zh.stderr.split('\n').filter((l) => l.startsWith('警告：第 '));
      assert.equal(warnings.length, 1, zh.stderr);
      assert.match(warnings[0], /^警告：第 \d+ 行有待填写的空白：.*____$/);
      assert.doesNotMatch(zh.stderr, /warning: blank/);
    });
  });
});
