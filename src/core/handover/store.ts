/**
 * Saved handovers: `.project/handover/<date>-<person>.md`. Never overwrites: a second handover of
 * the same person on the same day becomes `<date>-<person>-2.md`, created exclusively.
 */
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { IsoDate } from '../clients/model';
import { recordFileName } from '../records/naming';

/** The handover folder of a `.project` folder. */
export function handoverDir(projectDir: string): string {
  return path.join(projectDir, 'handover');
}

/** Writes `markdown` as a new file in `dir` (created if needed); resolves to its path. */
export async function saveHandover(dir: string, today: IsoDate, person: string, markdown: string): Promise<string> {
  await fs.mkdir(dir, { recursive: true });
  const existing = new Set(await fs.readdir(dir));
  for (;;) {
    const file = path.join(dir, recordFileName(today, person, existing));
    try {
      await fs.writeFile(file, markdown, { encoding: 'utf8', flag: 'wx' });
      return file;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      existing.add(path.basename(file));
    }
  }
}
