/**
 * File names of saved update records (and handover notes): `<date>-<client-slug>.md`, and `-2`,
 * `-3`… when a record of the same day already exists. Never overwrites: the name is chosen
 * against the existing names. A slug longer than {@link MAX_SLUG_BYTES} bytes of UTF-8 is cut
 * there with a short stable hash of the whole slug, so any client name saves (a file name holds at
 * most 255 bytes: a Chinese name of 81 characters did not fit) and two long names that share a
 * beginning still get different files.
 */
import { createHash } from 'node:crypto';
import type { IsoDate } from '../model';

/** The most bytes (UTF-8) of a slug in a file name; `<date>-<slug>-NN.md` stays far below 255. */
export const MAX_SLUG_BYTES = 80;
const HASH_CHARS = 8;

/** The slug before any cut: `Acme Retail` → `acme-retail`. */
function fullSlug(client: string): string {
  const slug = client
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'client';
}

/** The longest start of `text` (whole code points) that fits in `bytes` bytes of UTF-8. */
function cutToBytes(text: string, bytes: number): string {
  let out = '';
  let used = 0;
  for (const ch of text) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (used + size > bytes) break;
    out += ch;
    used += size;
  }
  return out;
}

/**
 * `Acme Retail` → `acme-retail`; `Café Zoë` → `cafe-zoe`; `星河教育` → `星河教育`; a slug over
 * {@link MAX_SLUG_BYTES} bytes → its first bytes, `-`, and 8 hex characters of its SHA-256.
 */
export function clientSlug(client: string): string {
  const slug = fullSlug(client);
  if (Buffer.byteLength(slug, 'utf8') <= MAX_SLUG_BYTES) return slug;
  const hash = createHash('sha256').update(slug).digest('hex').slice(0, HASH_CHARS);
  const head = cutToBytes(slug, MAX_SLUG_BYTES - HASH_CHARS - 1).replace(/-+$/, '');
  return `${head}-${hash}`;
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
  // Records saved before names were cut carry the whole slug: they are the client's too.
  const slugs = new Set([clientSlug(client), fullSlug(client)]);
  const out: RecordName[] = [];
  for (const name of names) {
    const m = /^(\d{4}-\d{2}-\d{2})-(.+?)(?:-(\d+))?\.md$/iu.exec(name);
    if (!m) continue;
    const [, date, rest, seq] = m;
    if (slugs.has(rest.toLowerCase())) out.push({ name, date, sequence: seq ? Number(seq) : 1 });
    else if (seq && slugs.has(`${rest}-${seq}`.toLowerCase())) out.push({ name, date, sequence: 1 });
  }
  return out.sort((a, b) => b.date.localeCompare(a.date) || b.sequence - a.sequence);
}
