/**
 * Finding, in the current text of a clients file, the commitment a tree item showed (the text may
 * have changed since the tree was drawn). Pure.
 */
import type { ClientsFile, Commitment } from '../../core/clients/model';

export interface CommitmentRef {
  client: string;
  raw: string;
  line: number;
}

export function refOf(c: Commitment): CommitmentRef {
  return { client: c.client, raw: c.raw, line: c.span.startLine };
}

/** The commitment of `ref.client` with the same text, nearest to its old line; undefined if gone. */
export function locate(file: ClientsFile, ref: CommitmentRef): Commitment | undefined {
  const client = file.clients.find((c) => c.name.toLowerCase() === ref.client.toLowerCase());
  if (!client) return undefined;
  let best: Commitment | undefined;
  for (const c of client.commitments) {
    if (c.raw !== ref.raw) continue;
    if (!best || Math.abs(c.span.startLine - ref.line) < Math.abs(best.span.startLine - ref.line)) best = c;
  }
  return best;
}
