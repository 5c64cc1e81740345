/**
 * Saved update records on disk, in `.project/updates/`. Reading finds the newest record of a
 * client (its sent date is the "last sent" date; its "next" items carry over). Writing never
 * overwrites: the name gets a `-2`, `-3`… suffix and the file is created exclusively
 * (`core/project/save`).
 */
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { namesIn, saveNew, type WriteOptions } from '../project/save';
import { parseRecord, renderRecord, type RenderRecordOptions } from './format';
import { recordFileName, recordNamesFor } from './naming';
import type { ParsedRecord, RecordSource } from './types';

/** The records folder of a `.project` folder. */
export function updatesDir(projectDir: string): string {
  return path.join(projectDir, 'updates');
}

/**
 * The newest client-audience record of `client` in `dir`, or undefined when there is none.
 * Files that are not records (no front matter) are skipped.
 */
export async function readNewestRecord(dir: string, client: string): Promise<ParsedRecord | undefined> {
  return (await readRecentRecords(dir, client, 1))[0];
}

/** The newest `count` client-audience records of `client`, newest first (the overview's trend). */
export async function readRecentRecords(dir: string, client: string, count: number): Promise<ParsedRecord[]> {
  const out: ParsedRecord[] = [];
  for (const candidate of recordNamesFor(client, await namesIn(dir))) {
    if (out.length >= count) break;
    let text: string;
    try {
      text = await fs.readFile(path.join(dir, candidate.name), 'utf8');
    } catch {
      continue;
    }
    const record = parseRecord(text, candidate.name);
    if (!record || record.client.toLowerCase() !== client.toLowerCase() || record.audience === 'internal') continue;
    out.push(record);
  }
  return out;
}

/** The day the last update to `client` was saved as sent (for the cadence reminder). */
export async function lastSentDate(dir: string, client: string): Promise<string | undefined> {
  return (await readNewestRecord(dir, client))?.sent;
}

/** The folder of saved drafts (not sent) inside the records folder: not read as records. */
export function draftsDir(updates: string): string {
  return path.join(updates, 'drafts');
}

/**
 * Writes the record of `draft` as a new file in `dir` (created if needed), unless a record of the
 * same client and day already holds exactly this text: then nothing is written. `written` says which.
 */
export async function saveRecordOnce(dir: string, draft: RecordSource, options: RenderRecordOptions, write: WriteOptions = {}): Promise<{ path: string; written: boolean }> {
  const text = renderRecord(draft, options);
  for (const candidate of recordNamesFor(draft.client, await namesIn(dir))) {
    if (candidate.date !== options.sent) continue;
    const existing = await fs.readFile(path.join(dir, candidate.name), 'utf8').catch(() => undefined);
    if (existing === text) return { path: path.join(dir, candidate.name), written: false };
  }
  return { path: await saveNew(dir, (taken) => recordFileName(options.sent, draft.client, taken), text, write), written: true };
}

/** Writes the record of `draft` (see `saveRecordOnce`: an identical one is not written twice); resolves to its path. */
/** `write.within` is the workspace folder the record must stay in. */
export async function saveRecord(dir: string, draft: RecordSource, options: RenderRecordOptions, write: WriteOptions = {}): Promise<string> {
  return (await saveRecordOnce(dir, draft, options, write)).path;
}
