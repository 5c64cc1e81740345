/**
 * Saved update records on disk, in `.project/updates/`. Reading finds the newest record of a
 * client (its sent date is the "last sent" date; its "next" items carry over). Writing never
 * overwrites: the name gets a `-2`, `-3`… suffix and the file is created exclusively
 * (`core/project/save`).
 */
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { namesIn, saveNew } from '../project/save';
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
  for (const candidate of recordNamesFor(client, await namesIn(dir))) {
    let text: string;
    try {
      text = await fs.readFile(path.join(dir, candidate.name), 'utf8');
    } catch {
      continue;
    }
    const record = parseRecord(text, candidate.name);
    if (!record || record.client.toLowerCase() !== client.toLowerCase()) continue;
    if (record.audience === 'internal') continue;
    return record;
  }
  return undefined;
}

/** The day the last update to `client` was saved as sent (for the cadence reminder). */
export async function lastSentDate(dir: string, client: string): Promise<string | undefined> {
  return (await readNewestRecord(dir, client))?.sent;
}

/** Writes the record of `draft` as a new file in `dir` (created if needed); resolves to its path. */
export async function saveRecord(dir: string, draft: RecordSource, options: RenderRecordOptions): Promise<string> {
  return saveNew(dir, (taken) => recordFileName(options.sent, draft.client, taken), renderRecord(draft, options));
}
