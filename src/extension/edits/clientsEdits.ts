/**
 * The core's surgical edits of clients.md, in the shape the shell uses. Each returns edits with
 * offsets into `text` (the text the commitment was parsed from).
 */
import type { Client, ClientsFile, Commitment, IsoDate, TextEdit } from '../../core/clients/model';
import * as core from '../../core/clients/edits';

export interface NewCommitment {
  text: string;
  due?: IsoDate;
  owner?: string;
  tag?: string;
}

export function markDoneEdits(text: string, c: Commitment, today: IsoDate): TextEdit[] {
  return core.markDone(text, c, today);
}

export function markUndoneEdits(text: string, c: Commitment): TextEdit[] {
  return core.markUndone(text, c);
}

export function changeDueEdits(text: string, c: Commitment, due: IsoDate): TextEdit[] {
  return core.changeDue(text, c, due);
}

export function addCommitmentEdits(text: string, file: ClientsFile, client: Client, item: NewCommitment): TextEdit[] {
  return core.addCommitment(text, file, client.name, item);
}
