/** How CLI commands write the user's files: atomically, inside the workspace, failures worded. */
import * as path from 'node:path';
import { wordNotice } from '../core/notices';
import { WriteError } from '../core/project/write';
import { translate } from './l10n';
import { RuntimeError } from './command';

/** The workspace of a clients file: the folder that holds its `.project/` folder (as for the settings). */
export function workspaceOf(clientsFile: string): string {
  return path.dirname(path.dirname(path.resolve(clientsFile)));
}

/** A failed write as the RuntimeError to print: paths relative to `cwd`, no raw ENOSPC/EPERM. */
export function writeFailure(e: unknown, cwd: string): RuntimeError {
  if (e instanceof WriteError) {
    const notice = e.noticeWith((p) => {
      const rel = path.relative(cwd, p);
      return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
    });
    return new RuntimeError(wordNotice(notice, translate));
  }
  return new RuntimeError(e instanceof Error ? e.message : String(e));
}
