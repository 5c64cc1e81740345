/**
 * The body of a draft is rendered by a mustache template (logic-less, well kept): the built-in
 * ones below, or the user's `.project/templates/update[.<lang>].mustache`. Every placeholder is
 * documented in docs/drafting.md. Values are markdown already (commit text escaped), so the
 * template engine does no HTML escaping: `{{x}}` and `{{{x}}}` give the same text.
 */
import { loadMustache } from '../vendor';
import { NoticeError, type TemplateNotice } from '../notices';
import { brandClass } from '../brand';

/** The client e-mail and the internal report share one template: the view differs. */
export const DEFAULT_TEMPLATE = `{{#greeting}}
{{greeting}}

{{/greeting}}
{{intro}}

{{statusLine}}

{{#sections}}
## {{title}}

{{#groups}}
{{#heading}}
**{{heading}}**

{{/heading}}
{{#lines}}
- {{text}}{{trace}}
{{/lines}}

{{/groups}}
{{/sections}}
{{#closing}}
{{closing}}
{{/closing}}
{{signature}}
{{#hasFootnotes}}

---

{{footnotesTitle}}

{{#footnotes}}
- {{marker}} {{hashes}}
{{/footnotes}}
{{/hasFootnotes}}
`;

/** A template that cannot be used; the notice names the file and the line. */
export class TemplateError extends NoticeError<TemplateNotice> {
  override readonly name = 'TemplateError';
  readonly file: string;
  /** 1-based line. */
  readonly line: number;
  constructor(notice: TemplateNotice) {
    super(notice);
    this.file = notice.file;
    this.line = notice.line;
  }
}
brandClass(TemplateError, 'TemplateError');

type Schema = readonly string[];

const LINE: Schema = ['id', 'text', 'trace', 'hashes', 'shortHashes', 'carriedOver', 'proposedDate', 'subject'];
const GROUP: Schema = ['heading', 'lines'];
const SECTION: Schema = ['id', 'title', 'groups', 'lines'];
const FOOTNOTE: Schema = ['n', 'marker', 'hashes'];
const STATUS: Schema = ['key', 'label', 'reasons', 'overridden', 'onTrack', 'atRisk', 'offTrack'];
const PERIOD: Schema = ['since', 'until', 'range', 'week'];
const SECTION_IDS = ['breaking', 'done', 'delivered', 'inProgress', 'dueSoon', 'overdue', 'risks', 'asks', 'next'] as const;

/** Top-level names of the view (see `TemplateView` in view.ts). */
export const TOP_LEVEL: Schema = [
  'client',
  'subject',
  'language',
  'audience',
  'isClient',
  'isInternal',
  'today',
  'period',
  'week',
  'greeting',
  'intro',
  'quiet',
  'status',
  'statusLine',
  'sections',
  ...SECTION_IDS,
  'hiddenCount',
  'closing',
  'signature',
  'signOff',
  'hasFootnotes',
  'footnotesTitle',
  'footnotes',
];

/** The schema a section tag opens, by name. */
const NESTED: Record<string, Schema> = {
  sections: SECTION,
  ...Object.fromEntries(SECTION_IDS.map((id) => [id, SECTION])),
  groups: GROUP,
  lines: LINE,
  footnotes: FOOTNOTE,
  status: STATUS,
  period: PERIOD,
  reasons: [],
  hashes: [],
  shortHashes: [],
};

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

// mustache's token tuple: [type, value, start, end, children?, ...]
type Token = [string, string, number, number, Token[]?, ...unknown[]];

function check(tokens: Token[], scopes: Schema[], text: string, file: string): void {
  for (const token of tokens) {
    const [type, value, start] = token;
    if (type === 'text' || type === '!' || type === '=') continue;
    if (type === '>') throw new TemplateError({ code: 'template.partial', file, line: lineOf(text, start), partial: `{{> ${value}}}` });
    if (value === '.') continue;
    const first = value.split('.')[0];
    if (!scopes.some((s) => s.includes(first))) {
      throw new TemplateError({ code: 'template.unknown-placeholder', file, line: lineOf(text, start), name: value, known: [...new Set(scopes.flat())] });
    }
    if (type === '#' || type === '^') {
      const last = value.split('.').pop() as string;
      const nested = NESTED[last];
      check(token[4] ?? [], nested ? [...scopes, nested] : scopes, text, file);
    }
  }
}

/** Parses and checks a template; throws `TemplateError` naming `file` and the line. */
export function checkTemplate(template: string, file: string): void {
  let tokens: Token[];
  try {
    tokens = loadMustache().parse(template) as unknown as Token[];
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const at = / at (\d+)$/.exec(message);
    let offset = at ? Number(at[1]) : 0;
    const what = message.replace(/ at \d+$/, '');
    const unclosed = /^Unclosed section "([^"]+)"/.exec(what);
    if (unclosed) {
      // mustache reports the end of the file; the opening tag is where the fix goes.
      const name = unclosed[1].replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const opens = [...template.slice(0, offset).matchAll(new RegExp(`\\{\\{\\s*[#^]\\s*${name}\\s*\\}\\}`, 'g'))];
      if (opens.length) offset = opens[opens.length - 1].index ?? offset;
      throw new TemplateError({ code: 'template.unclosed-section', file, line: lineOf(template, offset), name: unclosed[1], closing: `{{/${unclosed[1]}}}` });
    }
    throw new TemplateError({ code: 'template.syntax', file, line: lineOf(template, offset), detail: `${what.charAt(0).toLowerCase()}${what.slice(1)}` });
  }
  check(tokens, [TOP_LEVEL], template, file);
}

/** Renders `template` with `view` (no HTML escaping); tidies blank lines and trailing spaces. */
export function renderTemplate(template: string, view: object, file = 'built-in template'): string {
  checkTemplate(template, file);
  const out = loadMustache().render(template, view, undefined, { escape: (v: unknown) => String(v) });
  return tidy(out);
}

/** Blank lines emptied, at most one blank line in a row, one final line break. */
export function tidy(text: string): string {
  return `${text
    .split('\n')
    .map((l) => (l.trim() === '' ? '' : l))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}
