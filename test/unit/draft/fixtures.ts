/**
 * Small builders of the clients model and activity items for composer tests that need exact
 * control (status rules, escaping). Golden tests use the real parser and a real repository.
 */
import type { Ask, Client, ClientsFile, Commitment, Risk, Span } from '../../../src/core/clients/model';
import type { ActivityItem, CommitKind, HiddenReason } from '../../../src/core/git/types';

const SPAN: Span = { startLine: 0, startColumn: 0, endLine: 0, endColumn: 0, startOffset: 0, endOffset: 0 };

export const CLIENT = 'Acme Retail';

export function commitment(index: number, title: string, fields: Partial<Commitment> = {}): Commitment {
  return { id: `${CLIENT}#${index}`, client: CLIENT, title, raw: title, done: false, owners: [], tags: [], span: SPAN, checkboxSpan: SPAN, ...fields };
}

export function risk(level: Risk['level'], description: string, mitigation?: string): Risk {
  return { client: CLIENT, level, description, mitigation, span: SPAN };
}

export function ask(text: string, askedOn?: string, answered = false): Ask {
  return { client: CLIENT, text, askedOn, answered, span: SPAN };
}

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
