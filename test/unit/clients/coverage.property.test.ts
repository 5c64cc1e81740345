/**
 * Issue 14's property: nothing the user wrote is dropped silently. For generated clients files
 * (client headings, profile prose, fields, commitments with random tokens — quoted, in callouts,
 * nested —, fences closed and unclosed, plain bullets, continuation lines, blank lines), every
 * non-blank line is part of a parsed field (a heading, a field, a commitment, a risk, an ask, an
 * entry), covered by a diagnostic (an unclosed fence's covers what it hides, up to the heading the
 * reading resumes at; an unknown section's covers its content), or in a construct docs/clients-format.md documents as prose: profile,
 * notes, a callout's title line, a code block's content, a continuation line or plain bullet of a
 * commitment, a plain bullet (no box) in Commitments.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parseClients } from '../../../src/core/clients/parse';

type Kind = 'data' | 'prose';
interface Line { text: string; kind: Kind }
const data = (text: string): Line => ({ text, kind: 'data' });
const prose = (text: string): Line => ({ text, kind: 'prose' });

const date = fc.constantFrom('2026-12-01', '2026-11-02', '2028-02-29', '2026-02-30', '2026-13-45', 'tomorrow', '2026-2-3');
const token = fc.oneof(
  fc.constantFrom('Beta', 'checkout', '上线', 'p95', 'API', '—', 'done', 'due', '📅', '✅', 'calendar', '`@deprecated`', '`#legacy`', 'a@b.com', 'C#', '(see', 'notes)'),
  date.map((d) => `due:${d}`), date.map((d) => `📅 ${d}`), date.map((d) => `✅ ${d}`), date.map((d) => `done:${d}`),
  date.map((d) => `(due:${d})`), date.map((d) => `🗓 ${d}.`), date.map((d) => `❌ ${d}`),
  fc.constantFrom('@alice', '@王伟', '#beta', '#prod-eu.', 'promised:2026-11-20'),
);
const itemText = fc.array(token, { minLength: 0, maxLength: 5 }).map((xs) => xs.join(' '));
const box = fc.constantFrom('[ ]', '[x]', '[X]', '[/]', '[-]', '[>]', '[?]', '[]', '[ x]');
const marker = fc.constantFrom('- ', '* ', '1. ');

/** One task item, maybe with a nested task, a plain note or a continuation line. */
const item = fc.tuple(marker, box, itemText, fc.constantFrom('none', 'nested', 'note', 'continuation'), box, itemText).map(([m, b, t, extra, b2, t2]) => {
  const lines: Line[] = [data(`${m}${b} ${t}`.trimEnd())];
  const pad = ' '.repeat(m.length);
  if (extra === 'nested') lines.push(data(`${pad}- ${b2} ${t2}`.trimEnd()));
  if (extra === 'note') lines.push(prose(`${pad}- a plain note`));
  if (extra === 'continuation') lines.push(prose(`${pad}more words about it`));
  return lines;
});
const list = fc.array(item, { minLength: 1, maxLength: 4 }).map((xs) => xs.flat());
const quoted = fc.tuple(fc.boolean(), list).map(([callout, ls]) => [
  ...(callout ? [prose('> [!todo] This week')] : []),
  ...ls.map((l) => ({ ...l, text: `> ${l.text}` })),
]);
const fence = fc.constantFrom('```', '~~~').map((f) => [prose(f), prose('- [ ] inside a code block due:2026-12-01'), prose(f)]);
const commitmentsBlock = fc.oneof({ weight: 4, arbitrary: list }, { weight: 2, arbitrary: quoted }, { weight: 1, arbitrary: fence },
  { weight: 1, arbitrary: fc.constant([prose('- plain bullet, no box')]) });

const risks = fc.constantFrom([data('- high: API retires — mitigation: v2')], [data('- severe: x')], [data('- low: freeze')]);
const entries = fc.constantFrom([prose('- 2026-11-14: Jane liked it.')], [prose('Just a paragraph of notes.')], [data('- 2026-11-31: bad date')]);
const section = fc.oneof(
  fc.tuple(fc.constantFrom('## Commitments', '## 承诺'), fc.array(commitmentsBlock, { minLength: 1, maxLength: 3 }), fc.boolean())
    .map(([h, blocks, unclosed]) => [[data(h)], ...blocks, ...(unclosed ? [[data('```'), data('- [ ] hidden by the fence due:2026-12-01')]] : [])]),
  fc.tuple(fc.constantFrom('## Risks', '## 风险'), risks).map(([h, r]) => [[data(h)], r]),
  fc.tuple(fc.constantFrom('## Notes', '## Feedback', '## Decisions'), entries).map(([h, e]) => [[data(h)], e]),
  fc.constant([[data('## Roadmap')], [data('- [ ] in an unknown section')]]),
  fc.constant([[data('### Commitments')], [data('- [ ] under a level-3 heading due:2026-12-01')]]),
);
const header = fc.subarray([
  [prose('Acme runs 40 grocery stores.')],
  [data('Contact: Jane Doe <jane@acme.example> (CTO)')],
  [data('Language: en'), data('Cadence: weekly Fri')],
  [data('Languge: en')],
  [data('- [ ] a task in the header')],
]);
const client = fc.tuple(fc.constantFrom('Acme', 'Globex', '星河教育', 'Initech'), header, fc.array(section, { minLength: 1, maxLength: 3 }))
  .map(([name, h, secs]) => [[data(`# ${name}`)], ...h, ...secs.flat()]);
const file = fc.tuple(fc.array(client, { minLength: 1, maxLength: 3 }), fc.array(fc.boolean(), { minLength: 40, maxLength: 40 })).map(([cs, blanks]) => {
  const lines: Line[] = [];
  cs.flat().forEach((block, i) => {
    // Blocks are separated by a blank line (a heading needs none: sometimes left out).
    if (lines.length > 0 && (blanks[i % blanks.length] || !block[0].text.startsWith('#'))) lines.push(prose(''));
    lines.push(...block);
  });
  return lines;
});

describe('clients: every non-blank line is read, diagnosed or documented prose (property)', () => {
  it('holds for generated files (300 runs, fixed seed)', () => {
    fc.assert(fc.property(file, (lines) => {
      const text = `${lines.map((l) => l.text).join('\n')}\n`;
      const f = parseClients(text);
      const covered = new Set<number>();
      const cover = (s: { startLine: number; endLine: number }): void => { for (let l = s.startLine; l <= s.endLine; l++) covered.add(l); };
      for (const c of f.clients) {
        cover(c.headingSpan);
        for (const s of c.sections) cover(s.headingSpan);
        for (const x of [...c.fields, ...c.commitments, ...c.risks, ...c.asks, ...c.feedback, ...c.decisions, ...c.notes]) cover(x.span);
      }
      for (const d of f.diagnostics) {
        cover(d.span);
        // An unclosed fence's diagnostic covers what it hides, up to the heading the reading resumes
        // at; an unknown section's says its content is kept but not read, up to the next section.
        const until = d.code === 'unclosed-code-block' ? /^#/ : d.code === 'unknown-section' ? /^##? / : undefined;
        if (until) for (let l = d.span.startLine + 1; l < lines.length && !until.test(lines[l].text); l++) covered.add(l);
      }
      // A code block's content is documented prose — also when two fences meant as separate blocks
      // pair up and hide what is between them (a known gap, see conformance.cases.ts).
      let open: string | undefined;
      lines.forEach((l, i) => {
        const fence = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(l.text)?.[1];
        if (open === undefined) { if (fence) { open = fence; covered.add(i); } return; }
        covered.add(i);
        if (fence && fence[0] === open[0] && fence.length >= open.length) open = undefined;
      });
      lines.forEach((l, i) => {
        if (l.text.trim() === '' || l.kind === 'prose') return;
        assert.ok(covered.has(i), `line ${i + 1} "${l.text}" is neither read nor diagnosed:\n${text}\n${JSON.stringify(f.diagnostics.map((d) => [d.code, d.span.startLine + 1]))}`);
      });
    }), { numRuns: 300, seed: 14 });
  });
});
