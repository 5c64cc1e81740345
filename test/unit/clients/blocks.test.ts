import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { blocksOf, PART_LINES } from '../../../src/core/clients/blocks';

/** Lines that open, close or continue every kind of block markdown-it has, and headings that may end a part. */
const line = fc.constantFrom(
  '# Acme', '## Commitments', '### Notes', '#', '#\tTabbed', '####### seven', ' # indented', '\t# tab-indented', '#hashtag',
  '', '', '', '  ', '\t',
  '- [ ] Beta due:2026-12-01', '  - [ ] nested task', '    - [x] deeper', '1. [ ] ordered', '- plain item', '  continued',
  '```', '~~~', '````', '  ```', '```js', '    ```',
  '<!--', '-->', '<!-- one line -->', '<div>', '</div>', '<script>', '</script>', '<?php', '?>', '<![CDATA[', ']]>',
  '> - [ ] quoted task', '> [!todo]', '> text', '>',
  'Paths: apps/acme/', 'A paragraph line', '===', '---', '***', '    indented code', '[ref]: /url', '[ref]:', '"title"',
  'x\u0000y',
);
const eol = fc.constantFrom('\n', '\r\n', '\r');
const doc = fc.tuple(fc.array(line, { maxLength: 40 }), eol, fc.boolean()).map(([lines, e, final]) => lines.join(e) + (final ? e : ''));

describe('clients: blocks read in parts', () => {
  it('gives the same blocks as one parse of the whole text, for parts of any size (fast-check)', () => {
    fc.assert(fc.property(doc, fc.integer({ min: 1, max: 6 }), (text, partLines) => {
      assert.deepEqual(blocksOf(text, partLines), blocksOf(text, Infinity));
    }), { numRuns: 3000 });
  });

  it('gives the same blocks for every clients.md in the tests, in parts of one line', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory()) walk(path.join(dir, e.name));
        else if (e.name.endsWith('.md')) files.push(path.join(dir, e.name));
      }
    };
    walk(path.join(__dirname, '..', '..'));
    assert.ok(files.length > 10, `${files.length} files`);
    for (const f of files) {
      const text = fs.readFileSync(f, 'utf8').replace(/^\uFEFF/, '');
      assert.deepEqual(blocksOf(text, 1), blocksOf(text, Infinity), f);
    }
  });

  it('a fence or comment that crosses a part boundary is read whole (headings inside it stay code)', () => {
    const filler = Array.from({ length: PART_LINES }, (_, k) => `- [ ] item ${k} due:2026-12-01`);
    for (const [open, close] of [['```', '```'], ['<!--', '-->'], ['<script>', '</script>']]) {
      const text = ['# Acme', '', '## Commitments', ...filler, '', open, '', '# Not a client', '', close, '', '# Globex', ''].join('\n');
      const headings = blocksOf(text).filter((b) => b.type === 'heading').map((b) => b.text);
      assert.deepEqual(headings, ['Acme', 'Commitments', 'Globex'], open);
      assert.deepEqual(blocksOf(text), blocksOf(text, Infinity), open);
    }
  });

  it('an unclosed fence is still cut at the next heading, in a later part too', () => {
    const filler = Array.from({ length: PART_LINES + 10 }, (_, k) => `- [ ] item ${k} due:2026-12-01`);
    const text = ['# Acme', '', '## Commitments', ...filler, '', '# Globex', '', '```', 'log', '', '# Initech', '', '## Commitments', '- [ ] x due:2026-12-01', ''].join('\n');
    const blocks = blocksOf(text);
    assert.deepEqual(blocks.filter((b) => b.type === 'heading').map((b) => b.text), ['Acme', 'Commitments', 'Globex', 'Initech', 'Commitments']);
    assert.equal(blocks.filter((b) => b.unclosed).length, 1);
    assert.deepEqual(blocks, blocksOf(text, Infinity));
  });
});
