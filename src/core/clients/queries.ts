/** Read-only questions about a parsed clients file. Pure; "today" is always a parameter. */
import type { Client, ClientsFile, Commitment, Diagnostic, IsoDate } from './model';
import { daysBetween, isIsoDate } from '../calendar';

/** Exact name (case-insensitive) first, then a unique case-insensitive prefix. */
/**
 * The errors and warnings inside the part of the file of the client named `name` exactly (its
 * heading to the next client), in file order; none when there is no such client.
 */
export function problemsOf(file: Pick<ClientsFile, 'clients' | 'diagnostics'>, name: string): Diagnostic[] {
  const client = file.clients.find((c) => c.name === name);
  if (!client) return [];
  const { startOffset, endOffset } = client.span;
  return file.diagnostics
    .filter((d) => d.severity !== 'info' && d.span.startOffset >= startOffset && d.span.startOffset < endOffset)
    .sort((a, b) => a.span.startOffset - b.span.startOffset);
}

export function findClient(file: Pick<ClientsFile, 'clients'>, name: string): Client | undefined {
  const n = name.trim().toLowerCase();
  if (n === '') return undefined;
  const exact = file.clients.find((c) => c.name.toLowerCase() === n);
  if (exact) return exact;
  const pre = file.clients.filter((c) => c.name.toLowerCase().startsWith(n));
  return pre.length === 1 ? pre[0] : undefined;
}

/** Open or in progress: still owed to the client (neither done nor cancelled). */
export function isOpen(c: Pick<Commitment, 'status'>): boolean {
  return c.status === 'open' || c.status === 'in-progress';
}

export type DueState = 'overdue' | 'due-soon' | 'later' | 'no-date';

export interface OpenCommitment extends Commitment {
  state: DueState;
  /** Days past the due date (overdue only). */
  daysLate?: number;
  /** Days until the due date (0 = today; not overdue). */
  daysLeft?: number;
}

export interface OpenOptions {
  /** Only this client (name or unique prefix). */
  client?: string;
  /** A commitment due within this many days is `due-soon` (default 7). */
  soonDays?: number;
}

/** Open commitments: overdue first (most late first), then by due date; undated last. */
export function openCommitments(file: ClientsFile, today: IsoDate, opts: OpenOptions = {}): OpenCommitment[] {
  const soon = opts.soonDays ?? 7;
  let clients = file.clients;
  if (opts.client !== undefined) {
    const c = findClient(file, opts.client);
    clients = c ? [c] : [];
  }
  const out: OpenCommitment[] = [];
  for (const c of clients) {
    for (const k of c.commitments) {
      if (!isOpen(k)) continue;
      if (!k.due || !isIsoDate(k.due) || !isIsoDate(today)) { out.push({ ...k, state: 'no-date' }); continue; }
      const left = daysBetween(today, k.due);
      if (left < 0) out.push({ ...k, state: 'overdue', daysLate: -left });
      else out.push({ ...k, state: left <= soon ? 'due-soon' : 'later', daysLeft: left });
    }
  }
  const rank = (x: OpenCommitment): number => (x.state === 'no-date' ? 1 : 0);
  return out
    .map((x, i) => ({ x, i }))
    .sort((a, b) => rank(a.x) - rank(b.x) || (a.x.due ?? '').localeCompare(b.x.due ?? '') || a.i - b.i)
    .map((p) => p.x);
}
