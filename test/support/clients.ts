/**
 * Hand-built clients model objects for tests that need exact control (status rules, escaping,
 * routing, the sidebar's ordering). Tests of the parser itself, and golden tests, use the real
 * parser on real text.
 */
import type { Ask, Client, ClientsFile, Commitment, Risk, Span } from '../../src/core/clients/model';
import type { ActivityItem, CommitKind, HiddenReason } from '../../src/core/git/types';

/** The default client's name. */
export const CLIENT = 'Acme Retail';

/** The span of line `line` (10 columns wide; offsets as if every line were 100 characters). */
export function lineSpan(line: number): Span {
  return { startLine: line, startColumn: 0, endLine: line, endColumn: 10, startOffset: line * 100, endOffset: line * 100 + 10 };
}

const SPAN: Span = { startLine: 0, startColumn: 0, endLine: 0, endColumn: 0, startOffset: 0, endOffset: 0 };

/**
 * Commitment number `index` of `fields.client` (default {@link CLIENT}), id `<client>#<index>`.
 * `line` gives it the span of that line (the sidebar orders by line).
 */
export function commitment(index: number, title: string, fields: Partial<Commitment> & { line?: number } = {}): Commitment {
  const { line, ...rest } = fields;
  const client = rest.client ?? CLIENT;
  const span = line === undefined ? SPAN : lineSpan(line);
  const checkboxSpan = line === undefined ? SPAN : { ...span, startColumn: 2, endColumn: 5 };
  const done = rest.done ?? rest.status === 'done';
  const status = rest.status ?? (done ? 'done' : 'open');
  return { id: `${client}#${index}`, client, title, raw: title, owners: [], tags: [], span, checkboxSpan, ...rest, done, status, mark: rest.mark ?? ({ open: ' ', 'in-progress': '/', cancelled: '-', done: 'x' } as const)[status] };
}

export function risk(level: Risk['level'], description: string, mitigation?: string): Risk {
  return { client: CLIENT, level, description, mitigation, span: SPAN };
}

export function ask(text: string, askedOn?: string, answered = false): Ask {
  return { client: CLIENT, text, askedOn, answered, span: SPAN };
}

/** A client: {@link CLIENT} with the contact Jane Doe unless `fields` says otherwise. */
export function client(fields: Partial<Client> = {}): Client {
  return {
    name: CLIENT,
    headingSpan: SPAN,
    span: SPAN,
    profile: '',
    fields: [],
    contacts: [{ name: 'Jane Doe', email: 'jane.doe@acme.example', role: 'CTO' }],
    cc: [],
    paths: [],
    repos: [],
    tags: [],
    sections: [],
    commitments: [],
    risks: [],
    asks: [],
    feedback: [],
    decisions: [],
    notes: [],
    ...fields,
  };
}

export function clientsFile(...clients: Client[]): ClientsFile {
  return { clients, diagnostics: [], eol: '\n', hasBom: false };
}

let counter = 0;
/** An activity item of {@link CLIENT} whose client text is `text`. */
export function item(text: string, fields: { date?: string; kind?: CommitKind; commitmentIds?: string[]; hidden?: HiddenReason; internalText?: string; hash?: string } = {}): ActivityItem {
  counter++;
  const hash = fields.hash ?? `${counter.toString(16).padStart(4, '0')}${'c0ffee'.repeat(6)}`.slice(0, 40);
  return {
    commit: {
      hash,
      parents: [],
      authorName: 'Alice Martin',
      authorEmail: 'alice@agency.example',
      authorDate: `${fields.date ?? '2026-11-18'}T10:00:00+01:00`,
      subject: fields.internalText ?? text,
      body: '',
      trailers: [],
      files: [],
    },
    clients: [CLIENT],
    commitmentIds: fields.commitmentIds ?? [],
    kind: fields.kind ?? 'feature',
    breaking: false,
    clientText: text,
    internalText: fields.internalText ?? text,
    ...(fields.hidden ? { hidden: fields.hidden } : {}),
  };
}

/** Clients written briefly: name, Paths, Tags and commitments (title + tags), ids `<name>#<index>`. */
export function clientsFromSpecs(specs: Array<{ name: string; paths?: string[]; tags?: string[]; commitments?: Array<{ title: string; tags: string[] }> }>): ClientsFile {
  return clientsFile(
    ...specs.map((s) =>
      client({
        name: s.name,
        paths: s.paths ?? [],
        tags: s.tags ?? [],
        commitments: (s.commitments ?? []).map((c, i) => commitment(i, c.title, { client: s.name, tags: c.tags })),
      }),
    ),
  );
}
