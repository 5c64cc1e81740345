/**
 * A conformance suite for `.project/clients.md`, as data: each case is a small file (one client
 * heading and its Commitments section, unless said otherwise), the fields of the commitments the
 * parser must read and the diagnostics (code and 1-based line) it must report — all of them, so an
 * extra diagnostic fails too. Written by hand from the documents named in `source`: the Obsidian
 * Tasks documentation (statuses, dates, callouts), the GFM spec's task-list examples, CommonMark
 * 0.31's list, code-block and blockquote rules and the todo.txt format description. `defect` names
 * the defect of issue 14's "Why" the case covers.
 *
 * `known` marks a case the parser still reads differently from its source; the expectation then
 * states the current behaviour (so a change shows), and the reason says what the source says.
 */
import type { CommitmentStatus } from '../../../src/core/clients/model';

export interface ExpectedCommitment {
  title: string;
  status?: CommitmentStatus;
  due?: string;
  doneDate?: string;
  cancelledDate?: string;
  owners?: string[];
  tags?: string[];
  /** 1-based line of the item. */
  line?: number;
}

export interface ConformanceCase {
  source: string;
  /** Issue 14's defect (1–5) this case covers, if any. */
  defect?: 1 | 2 | 3 | 4 | 5;
  name: string;
  input: string;
  /** Every commitment of every client, in file order. */
  commitments: ExpectedCommitment[];
  /** Every diagnostic, `[code, 1-based line]`, in file order. */
  diagnostics: Array<[string, number]>;
  /** Clients the file has (default: just "Acme"). */
  clients?: string[];
  known?: string;
}

/** One client with a Commitments section; the items start on line 4. */
export function commitments(...lines: string[]): string {
  return ['# Acme', '', '## Commitments', ...lines, ''].join('\n');
}

const OT = 'Obsidian Tasks docs';
const GFM = 'GFM spec';
const CM = 'CommonMark 0.31';
const TODO = 'todo.txt format';

export const CASES: ConformanceCase[] = [
  // --- GFM task-list items (spec 0.29-gfm, section 5.3) ---
  { source: `${GFM}, example 279`, name: 'open and done task items', input: commitments('- [ ] foo due:2026-12-01', '- [x] bar due:2026-11-01 done:2026-11-01'),
    commitments: [{ title: 'foo', status: 'open', due: '2026-12-01', line: 4 }, { title: 'bar', status: 'done', due: '2026-11-01', doneDate: '2026-11-01', line: 5 }], diagnostics: [] },
  { source: `${GFM}, example 280`, defect: 4, name: 'nested task items are commitments of their own', input: commitments('- [x] foo done:2026-11-01 due:2026-11-01', '  - [ ] bar due:2026-12-01', '  - [x] baz done:2026-11-02 due:2026-11-02', '- [ ] bim due:2026-12-03'),
    commitments: [{ title: 'foo', status: 'done', line: 4 }, { title: 'bar', status: 'open', due: '2026-12-01', line: 5 }, { title: 'baz', status: 'done', line: 6 }, { title: 'bim', due: '2026-12-03', line: 7 }], diagnostics: [] },
  { source: `${GFM}, 5.3 (upper-case X)`, name: '[X] is done', input: commitments('- [X] Beta due:2026-11-01 done:2026-11-02'),
    commitments: [{ title: 'Beta', status: 'done', doneDate: '2026-11-02' }], diagnostics: [] },
  { source: `${GFM}, 5.3 (any list marker)`, name: '* + and 1. markers', input: commitments('* [ ] Star due:2026-12-01', '', '+ [ ] Plus due:2026-12-02', '', '1. [ ] Ordered due:2026-12-03'),
    commitments: [{ title: 'Star', line: 4 }, { title: 'Plus', line: 6 }, { title: 'Ordered', line: 8 }], diagnostics: [] },
  { source: `${GFM}, 5.3 (whitespace inside the brackets)`, name: '[] is not a task box: malformed-checkbox', input: commitments('- [] Beta due:2026-12-01'),
    commitments: [], diagnostics: [['malformed-checkbox', 4]] },
  { source: `${GFM}, 5.3 (one character inside)`, name: '[ x] is not a task box: malformed-checkbox', input: commitments('- [ x] Beta due:2026-12-01'),
    commitments: [], diagnostics: [['malformed-checkbox', 4]] },
  { source: `${GFM}, 5.3 (whitespace inside the brackets, quoted)`, defect: 4, name: 'a malformed box in a blockquote is reported too', input: commitments('> - [] Beta due:2026-12-01'),
    commitments: [], diagnostics: [['malformed-checkbox', 4]] },
  { source: `${GFM}, example 280 (nested, malformed box)`, defect: 4, name: 'a malformed box on a nested item is reported too', input: commitments('- [ ] Parent due:2026-12-01', '  - [ x] Child due:2026-12-02'),
    commitments: [{ title: 'Parent' }], diagnostics: [['malformed-checkbox', 5]] },
  { source: `${GFM}, 5.3 (box without text)`, defect: 5, name: 'an empty task item is not a commitment', input: commitments('- [ ]'),
    commitments: [], diagnostics: [['empty-commitment', 4]] },
  { source: `${GFM}, 5.3 (box, then only a space)`, defect: 5, name: 'a box and a space only', input: commitments('- [ ] '),
    commitments: [], diagnostics: [['empty-commitment', 4]] },
  { source: `${GFM}, 5.3`, name: 'a plain bullet in Commitments is kept, not read', input: commitments('- Beta due:2026-12-01'),
    commitments: [], diagnostics: [] },

  // --- CommonMark 0.31: lists, code blocks, blockquotes ---
  { source: `${CM}, 4.4 indented code`, defect: 5, name: 'four spaces before the marker: indented code, not a task', input: commitments('Text before.', '', '    - [ ] Code sample due:2026-12-01'),
    commitments: [], diagnostics: [] },
  { source: `${CM}, 5.2 list items (rule 2: indented code in an item)`, defect: 5, name: '-     [ ] x is indented code inside a list item',
    input: commitments('-     [ ] x due:2026-12-01'),
    commitments: [], diagnostics: [] },
  { source: `${CM}, 4.5 fenced code`, defect: 1, name: 'a task item inside a closed fence is code', input: commitments('```', '- [ ] Not a task due:2026-12-01', '```', '- [ ] Real due:2026-12-02'),
    commitments: [{ title: 'Real', due: '2026-12-02', line: 7 }], diagnostics: [] },
  { source: `${CM}, 4.5 fenced code (tilde)`, defect: 1, name: 'a ~~~ fence closes only with ~~~', input: commitments('~~~', '```', '- [ ] Not a task', '~~~', '- [ ] Real due:2026-12-02'),
    commitments: [{ title: 'Real', line: 8 }], diagnostics: [] },
  { source: `${CM}, 4.5 (unclosed fence runs to the end)`, defect: 1, name: 'an unclosed fence is reported, reading resumes at the next heading',
    input: ['# Acme', '', '## Commitments', '- [ ] Beta due:2026-12-01', '```', 'curl x', '## Risks', '- high: API retires — mitigation: v2', '# Globex', '## Commitments', '- [ ] Portal due:2026-11-01', ''].join('\n'),
    clients: ['Acme', 'Globex'],
    commitments: [{ title: 'Beta', line: 4 }, { title: 'Portal', due: '2026-11-01', line: 11 }], diagnostics: [['unclosed-code-block', 5]] },
  { source: `${CM}, 4.5 (unclosed fence, no heading after)`, defect: 1, name: 'an unclosed fence at the end: reported, rest not read', input: commitments('- [ ] Beta due:2026-12-01', '```', '- [ ] Hidden due:2026-12-02'),
    commitments: [{ title: 'Beta' }], diagnostics: [['unclosed-code-block', 5]] },
  { source: `${CM}, 4.5 (two unclosed fences pair up)`, defect: 1, name: 'a fence left open is closed by the next section\'s fence, hiding the heading between',
    input: commitments('- [ ] Beta due:2026-12-01', '```', 'curl x', '## Risks', '- high: API retires — mitigation: v2', '```'),
    commitments: [{ title: 'Beta' }], diagnostics: [],
    known: 'CommonMark pairs the two fences into one closed block, so the Risks heading and its risk are code; nothing says so (a heading inside a code block could be reported)' },
  { source: `${CM}, 4.5 (longer closing fence)`, defect: 1, name: 'a closing fence may be longer than the opening one', input: commitments('```', 'x', '`````', '- [ ] Real due:2026-12-02'),
    commitments: [{ title: 'Real', line: 7 }], diagnostics: [] },
  { source: `${CM}, 5.1 blockquotes`, defect: 4, name: 'a task item in a blockquote is a commitment', input: commitments('> - [ ] Quoted due:2026-12-01 @alice'),
    commitments: [{ title: 'Quoted', due: '2026-12-01', owners: ['alice'], line: 4 }], diagnostics: [] },
  { source: `${CM}, 5.2 (continuation line)`, defect: 5, name: 'a date on a continuation line',
    input: commitments('- [ ] Beta', '  due:2026-12-01'),
    commitments: [{ title: 'Beta' }], diagnostics: [['missing-due-date', 4], ['date-on-continuation', 5]] },
  { source: `${CM}, 4.2 ATX headings`, name: 'a ### Commitments heading is text, with a hint', input: ['# Acme', '', '### Commitments', '- [ ] Beta due:2026-12-01', ''].join('\n'),
    commitments: [], diagnostics: [['heading-level', 3], ['commitment-outside-client', 4]] },
  { source: `${CM}, 4.6 HTML blocks`, name: 'an HTML comment before the first client is fine', input: `<!-- help -->\n${commitments('- [ ] Beta due:2026-12-01')}`,
    commitments: [{ title: 'Beta', line: 5 }], diagnostics: [] },
  { source: `${CM}, 5.2 (task before any client)`, name: 'a task item before the first client', input: `- [ ] Orphan due:2026-12-01\n\n${commitments('- [ ] Beta due:2026-12-01')}`,
    commitments: [{ title: 'Beta', line: 6 }], diagnostics: [['commitment-outside-client', 1]] },

  // --- Obsidian Tasks: statuses ---
  { source: `${OT}: Statuses (in progress)`, defect: 3, name: '[/] is open, in progress', input: commitments('- [/] Beta due:2026-12-01'),
    commitments: [{ title: 'Beta', status: 'in-progress', due: '2026-12-01' }], diagnostics: [] },
  { source: `${OT}: Statuses (cancelled)`, defect: 3, name: '[-] is cancelled, ❌ is its date', input: commitments('- [-] Old report due:2026-11-01 ❌ 2026-11-20'),
    commitments: [{ title: 'Old report', status: 'cancelled', cancelledDate: '2026-11-20', due: '2026-11-01' }], diagnostics: [] },
  { source: `${OT}: Statuses (custom)`, defect: 3, name: '[>] is read as open and reported', input: commitments('- [>] Later due:2026-12-01'),
    commitments: [{ title: 'Later', status: 'open' }], diagnostics: [['unknown-status', 4]] },
  { source: `${OT}: Statuses (custom)`, defect: 3, name: '[!] and [?] are read as open and reported', input: commitments('- [!] Urgent due:2026-12-01', '- [?] Question due:2026-12-02'),
    commitments: [{ title: 'Urgent', status: 'open' }, { title: 'Question', status: 'open' }], diagnostics: [['unknown-status', 4], ['unknown-status', 5]] },

  // --- Obsidian Tasks: dates ---
  { source: `${OT}: Dates (due 📅)`, name: '📅 date', input: commitments('- [ ] Beta 📅 2026-12-01'),
    commitments: [{ title: 'Beta', due: '2026-12-01' }], diagnostics: [] },
  { source: `${OT}: Dates (📆 🗓 due aliases)`, defect: 5, name: '📆 is a due marker', input: commitments('- [ ] Beta 📆 2026-12-01'),
    commitments: [{ title: 'Beta', due: '2026-12-01' }], diagnostics: [] },
  { source: `${OT}: Dates (📆 🗓 due aliases)`, defect: 5, name: '🗓 is a due marker', input: commitments('- [ ] Beta 🗓 2026-12-01'),
    commitments: [{ title: 'Beta', due: '2026-12-01' }], diagnostics: [] },
  { source: `${OT}: Dates (done ✅)`, name: '✅ date on a done item', input: commitments('- [x] Beta 📅 2026-11-01 ✅ 2026-11-02'),
    commitments: [{ title: 'Beta', status: 'done', due: '2026-11-01', doneDate: '2026-11-02' }], diagnostics: [] },
  { source: `${OT}: Dates (emoji without a date is text)`, defect: 2, name: '📅 used as a word keeps the real due date', input: commitments('- [ ] Release 📅 calendar widget due:2026-11-25'),
    commitments: [{ title: 'Release 📅 calendar widget', due: '2026-11-25' }], diagnostics: [] },
  { source: `${OT}: Dates (emoji without a date is text)`, defect: 2, name: '✅ used as a word is no done date', input: commitments('- [ ] Ship the ✅ checklist due:2026-12-01'),
    commitments: [{ title: 'Ship the ✅ checklist', status: 'open', due: '2026-12-01' }], diagnostics: [] },
  { source: `${OT}: Dates (scheduled, start, created)`, name: '⏳ 🛫 ➕ are kept out of the title', input: commitments('- [ ] Beta ⏳ 2026-11-28 🛫 2026-11-20 ➕ 2026-11-01 📅 2026-12-01'),
    commitments: [{ title: 'Beta', due: '2026-12-01' }], diagnostics: [] },
  { source: `${OT}: Dates (two due dates)`, name: 'two due dates: duplicate-due, the first counts', input: commitments('- [ ] Beta due:2026-12-01 📅 2026-12-05'),
    commitments: [{ title: 'Beta', due: '2026-12-01' }], diagnostics: [['duplicate-due', 4]] },
  { source: `${OT}: Dates (two done dates)`, name: 'two done dates: duplicate-done-date', input: commitments('- [x] Beta due:2026-11-01 done:2026-11-01 ✅ 2026-11-02'),
    commitments: [{ title: 'Beta', doneDate: '2026-11-01' }], diagnostics: [['duplicate-done-date', 4]] },
  { source: `${OT}: Dates (invalid date)`, name: 'a day past the month end', input: commitments('- [ ] Beta due:2026-02-30'),
    commitments: [{ title: 'Beta' }], diagnostics: [['invalid-date', 4]] },
  { source: `${OT}: Callouts`, defect: 4, name: 'task items in a [!todo] callout; the title line is prose', input: commitments('> [!todo] This week', '> - [ ] Quoted beta due:2026-12-01', '> - [/] Quoted gamma due:2026-12-02'),
    commitments: [{ title: 'Quoted beta', line: 5 }, { title: 'Quoted gamma', status: 'in-progress', line: 6 }], diagnostics: [] },
  { source: `${OT}: Callouts (nested in a quote)`, defect: 4, name: 'a nested task inside a callout', input: commitments('> [!todo]', '> - [ ] Parent due:2026-12-01', '>   - [ ] Child due:2026-12-02'),
    commitments: [{ title: 'Parent', line: 5 }, { title: 'Child', due: '2026-12-02', line: 6 }], diagnostics: [] },
  { source: `${OT}: Tags`, name: 'a tag at the end leaves the title', input: commitments('- [ ] Beta due:2026-12-01 #loyalty'),
    commitments: [{ title: 'Beta', tags: ['loyalty'] }], diagnostics: [] },
  { source: `${OT}: Tags (followed by a full stop)`, defect: 5, name: '#prod-eu. keeps its word, the stop is no part of the tag', input: commitments('- [ ] Deploy to #prod-eu. due:2026-12-01'),
    commitments: [{ title: 'Deploy to prod-eu.', tags: ['prod-eu'] }], diagnostics: [] },
  { source: `${OT}: Tags (inside code)`, defect: 5, name: '`#legacy` and `@deprecated` in a code span are text', input: commitments('- [ ] Remove `@deprecated` calls in `#legacy` due:2026-12-01'),
    commitments: [{ title: 'Remove `@deprecated` calls in `#legacy`', owners: [], tags: [] }], diagnostics: [] },
  { source: `${OT}: Dates (in a code span)`, defect: 5, name: 'a date token inside a code span is text', input: commitments('- [ ] Document the `due:2026-01-01` syntax 📅 2026-12-01'),
    commitments: [{ title: 'Document the `due:2026-01-01` syntax', due: '2026-12-01' }], diagnostics: [] },
  { source: `${OT}: Dates (done without the box)`, name: 'a done date on an open item: done-without-check', input: commitments('- [ ] Beta due:2026-12-01 done:2026-11-30'),
    commitments: [{ title: 'Beta', status: 'open', doneDate: '2026-11-30' }], diagnostics: [['done-without-check', 4]] },
  { source: `${OT}: Dates (box ticked, no date)`, name: 'a ticked item without a done date: info', input: commitments('- [x] Beta due:2026-12-01'),
    commitments: [{ title: 'Beta', status: 'done' }], diagnostics: [['checked-without-done-date', 4]] },

  // --- todo.txt format (due:, @context, +project, dates) ---
  { source: `${TODO}: key:value (due:)`, name: 'due:YYYY-MM-DD', input: commitments('- [ ] Call Mom due:2026-12-01'),
    commitments: [{ title: 'Call Mom', due: '2026-12-01' }], diagnostics: [] },
  { source: `${TODO}: key:value (in parentheses)`, defect: 5, name: '(due:2026-12-04) counts with its parentheses', input: commitments('- [ ] Beta (due:2026-12-04)'),
    commitments: [{ title: 'Beta', due: '2026-12-04' }], diagnostics: [] },
  { source: `${TODO}: key:value (full stop after)`, defect: 5, name: 'a full stop after a date is not part of it', input: commitments('- [ ] Beta due:2026-12-04.'),
    commitments: [{ title: 'Beta.', due: '2026-12-04' }], diagnostics: [] },
  { source: `${TODO}: key:value (comma after)`, defect: 5, name: 'a comma after a date is not part of it', input: commitments('- [ ] Beta due:2026-12-04, then review'),
    commitments: [{ title: 'Beta, then review', due: '2026-12-04' }], diagnostics: [] },
  { source: `${TODO}: @context`, name: '@name is the owner', input: commitments('- [ ] Beta due:2026-12-01 @alice @王伟'),
    commitments: [{ title: 'Beta', owners: ['alice', '王伟'] }], diagnostics: [] },
  { source: `${TODO}: @context (inside a word)`, name: 'an e-mail address and C# are text', input: commitments('- [ ] Mail ops@acme.example about C# due:2026-12-01'),
    commitments: [{ title: 'Mail ops@acme.example about C#', owners: [], tags: [] }], diagnostics: [] },
  { source: `${TODO}: key:value (bad value)`, name: 'due:tomorrow is a mistyped date', input: commitments('- [ ] Beta due:tomorrow'),
    commitments: [{ title: 'Beta' }], diagnostics: [['invalid-date', 4]] },
  { source: `${TODO}: no due date`, name: 'an undated open commitment', input: commitments('- [ ] Write the runbook'),
    commitments: [{ title: 'Write the runbook' }], diagnostics: [['missing-due-date', 4]] },
];
