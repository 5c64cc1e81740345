import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { lineBreaks } from '../../../src/core/clients/parse';
import { SourceText } from '../../../src/core/clients/source';

describe('clients: line breaks', () => {
  const text = fc.array(fc.constantFrom('\r', '\n', '\r\n', 'a', ' ', '\uFEFF', '客'), { maxLength: 30 }).map((xs) => xs.join(''));

  it('counts CRLF and LF as the matches of /\\r\\n/g and /(^|[^\\r])\\n/g (fast-check)', () => {
    fc.assert(fc.property(text, (s) => {
      assert.deepEqual(lineBreaks(s), { crlf: (s.match(/\r\n/g) ?? []).length, lf: (s.match(/(^|[^\r])\n/g) ?? []).length });
    }), { numRuns: 3000 });
  });

  it('SourceText splits lines at CRLF, lone CR and LF, as /\\r\\n?|\\n/g does (fast-check)', () => {
    fc.assert(fc.property(text, (s) => {
      const starts = [0];
      const ends: number[] = [];
      for (const m of s.matchAll(/\r\n?|\n/g)) {
        ends.push(m.index);
        starts.push(m.index + m[0].length);
      }
      ends.push(s.length);
      const src = new SourceText(s);
      assert.deepEqual([src.lineStarts, src.lineEnds], [starts, ends]);
    }), { numRuns: 3000 });
  });
});
