/** Hand-built model objects for the shell's pure modules (only the fields they read). */
import type { Cadence, Client, Commitment } from '../../../src/core/clients/model';

const span = (line: number) => ({ startLine: line, startColumn: 0, endLine: line, endColumn: 10, startOffset: line * 100, endOffset: line * 100 + 10 });

export function commitment(client: string, line: number, raw: string, extra: Partial<Commitment> = {}): Commitment {
  return {
    id: `${client}#${line}`,
    client,
    title: raw,
    raw,
    done: false,
    owners: [],
    tags: [],
    span: span(line),
    checkboxSpan: { ...span(line), startColumn: 2, endColumn: 5 },
    ...extra,
  };
}

export function client(name: string, commitments: Commitment[] = [], cadence?: Cadence): Client {
  return {
    name,
    headingSpan: span(0),
    span: span(0),
    profile: '',
    fields: [],
    contacts: [],
    cc: [],
    cadence,
    paths: [],
    tags: [],
    sections: [],
    commitments,
    risks: [],
    asks: [],
    feedback: [],
    decisions: [],
    notes: [],
  };
}
