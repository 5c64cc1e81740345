/**
 * File names of saved update records: `<date>-<client-slug>.md`, and `-2`, `-3`… when a record of
 * the same day already exists. Never overwrites: the name is chosen against the existing names.
 */
import type { IsoDate } from '../model';

/** `Acme Retail` → `acme-retail`; `Café Zoë` → `cafe-zoe`; `星河教育` → `星河教育`. */
export function clientSlug(client: string): string {
  const slug = client
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'client';
}

/** The first free name `<date>-<slug>.md`, `<date>-<slug>-2.md`, … among `existing` (case-insensitive). */
export function recordFileName(date: IsoDate, client: string, existing: Iterable<string>): string {
  const taken = new Set([...existing].map((n) => n.toLowerCase()));
  const base = `${date}-${clientSlug(client)}`;
  if (!taken.has(`${base}.md`)) return `${base}.md`;
  for (let n = 2; ; n++) {
    const name = `${base}-${n}.md`;
    if (!taken.has(name)) return name;
  }
}

export interface RecordName {
  name: string;
  date: IsoDate;
  /** 1 for `<date>-<slug>.md`, n for `<date>-<slug>-n.md`. */
  sequence: number;
}

/**
 * The names among `names` that can be records of `client`, newest first (by date, then by
 * sequence). A name like `2026-11-20-acme-2.md` is both the second record of "Acme" and the first
 * of "Acme 2": callers confirm with the record's `client:` field.
 */
export function recordNamesFor(client: string, names: Iterable<string>): RecordName[] {
  const slug = clientSlug(client);
  const out: RecordName[] = [];
  for (const name of names) {
    const m = /^(\d{4}-\d{2}-\d{2})-(.+?)(?:-(\d+))?\.md$/iu.exec(name);
    if (!m) continue;
    const [, date, rest, seq] = m;
    if (rest.toLowerCase() === slug) out.push({ name, date, sequence: seq ? Number(seq) : 1 });
    else if (seq && `${rest}-${seq}`.toLowerCase() === slug) out.push({ name, date, sequence: 1 });
  }
  return out.sort((a, b) => b.date.localeCompare(a.date) || b.sequence - a.sequence);
}
