/**
 * Saved handovers: `.project/handover/<date>-<person>.md`. Never overwrites: a second handover of
 * the same person on the same day becomes `<date>-<person>-2.md`, created exclusively.
 */
import * as path from 'node:path';
import type { IsoDate } from '../clients/model';
import { saveNew, type WriteOptions } from '../project/save';
import { recordFileName } from '../records/naming';

/** The handover folder of a `.project` folder. */
export function handoverDir(projectDir: string): string {
  return path.join(projectDir, 'handover');
}

/** Writes `markdown` as a new file in `dir` (created if needed); resolves to its path. `write.within`: the workspace folder. */
export async function saveHandover(dir: string, today: IsoDate, person: string, markdown: string, write: WriteOptions = {}): Promise<string> {
  return saveNew(dir, (taken) => recordFileName(today, person, taken), markdown, write);
}
