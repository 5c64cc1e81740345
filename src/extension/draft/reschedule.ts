/**
 * The panel's "Proposed new date" of an overdue commitment, written back to clients.md when the
 * update is saved or sent, after the lead confirms — through core's `rescheduleEdits`, the same
 * edit as "Change due date…", so the missed date stays in the line as `promised:`.
 */
import * as vscode from 'vscode';
import { blanksForTest } from '../blanks';
import { processWide } from '../processWide';
import type { IsoDate } from '../../core/clients/model';
import { rescheduleEdits } from '../../core/clients/edits';
import { parseClientsOnce } from '../parsed';
import type { Draft } from '../../core/draft/types';
import type { TextEdit } from '../../core/clients/model';
import { isOpen } from '../../core/clients/queries';

/** Test mode only (when the blanks dialog is in test mode too): the confirmation's answer. */
export const rescheduleForTest = processWide<{ answer: boolean }>('rescheduleForTest', () => ({ answer: true }));

export interface RescheduleServices {
  clientsFile(): Promise<{ uri: vscode.Uri } | undefined>;
  editFile(uri: vscode.Uri, compute: (text: string) => readonly TextEdit[] | undefined): Promise<boolean>;
  log: { info(message: string): void };
}

interface Proposal {
  /** The commitment's id in the parse the draft was composed from. */
  id: string;
  date: IsoDate;
  /** The commitment's title as the draft saw it (the line's subject). */
  title?: string;
}

/** The new dates the draft carries (overdue lines the lead gave a date, not left out). */
export function proposalsOf(draft: Draft): Proposal[] {
  const byId = new Map<string, Proposal>();
  for (const l of draft.sections.flatMap((s) => s.lines)) {
    if (!l.proposedDate || !l.commitmentId || l.dropped || byId.has(l.commitmentId)) continue;
    byId.set(l.commitmentId, { id: l.commitmentId, date: l.proposedDate, ...(l.subject !== undefined ? { title: l.subject } : {}) });
  }
  return [...byId.values()];
}

/**
 * Asks and writes; resolves to the number of commitments moved (0 when there was nothing to write,
 * the lead said no, or the file changed so that a commitment is no longer where the draft saw it).
 */
export async function writeProposedDates(services: RescheduleServices, draft: Draft | undefined): Promise<number> {
  if (!draft || !vscode.workspace.isTrusted) return 0;
  const proposals = proposalsOf(draft);
  if (proposals.length === 0) return 0;
  const clients = await services.clientsFile();
  if (!clients) return 0;
  const write = vscode.l10n.t('Write to clients.md');
  const list = proposals.map((p) => `${p.id.replace(/#\d+$/, '')}: ${p.date}`).join('\n');
  const yes = blanksForTest.enabled
    ? rescheduleForTest.answer
    : (await vscode.window.showInformationMessage(
        proposals.length === 1 ? vscode.l10n.t('Write the proposed new date into clients.md?') : vscode.l10n.t('Write the {0} proposed new dates into clients.md?', proposals.length),
        { modal: true, detail: `${list}\n\n${vscode.l10n.t('The missed date stays in the line as promised:, so the next update still says it moved.')}` },
        write,
      )) === write;
  if (!yes) return 0;
  let moved = 0;
  await services.editFile(clients.uri, (text) => {
    const file = parseClientsOnce(text);
    const wanted: Record<string, IsoDate> = {};
    for (const p of proposals) {
      // The same commitment the draft was composed from: same id, same client, still open.
      const c = file.clients.flatMap((x) => x.commitments).find((x) => x.id === p.id && isOpen(x));
      if (c && (p.title === undefined || c.title === p.title)) wanted[p.id] = p.date;
    }
    const edits = rescheduleEdits(text, file, wanted);
    moved = Object.keys(wanted).length;
    return edits;
  });
  if (moved > 0) services.log.info(`draft: wrote ${moved} proposed date(s) into ${clients.uri.fsPath}`);
  return moved;
}
