/** Every command id contributed in package.json, in one place. */
export const enum CommandId {
  DraftUpdate = 'clientPulse.draftUpdate',
  GenerateHandover = 'clientPulse.generateHandover',
  Refresh = 'clientPulse.refresh',
  Filter = 'clientPulse.filter',
  ToggleDone = 'clientPulse.toggleDone',
  AddCommitment = 'clientPulse.addCommitment',
  CreateClientsFile = 'clientPulse.createClientsFile',
  OpenCommitment = 'clientPulse.openCommitment',
  MarkDone = 'clientPulse.markDone',
  MarkUndone = 'clientPulse.markUndone',
  ChangeDueDate = 'clientPulse.changeDueDate',
  CopyCommitment = 'clientPulse.copyCommitment',
  /** Tick or untick a commitment row (its node, else the view's selection); no default key yet. */
  ToggleCommitment = 'clientPulse.toggleCommitment',
  /** A commit link in a tooltip: the commit as a read-only document. */
  ShowCommit = 'clientPulse.showCommit',
  ClientsOverview = 'clientPulse.clientsOverview',
}

/** Context keys the manifest's `when` clauses read. */
export const enum ContextKey {
  HasClientsFile = 'clientPulse.hasClientsFile',
  ReadOnly = 'clientPulse.readOnly',
  /** True while a large clients file is read and parsed. */
  ReadingClientsFile = 'clientPulse.readingClientsFile',
}

export const COMMITMENTS_VIEW = 'clientPulse.commitments';

/**
 * Internal (not in package.json): reveal and select a commitment in the Commitments view, given
 * `{ uri, client, line }` — "Add commitment" shows the row it added.
 */
export const REVEAL_COMMITMENT_COMMAND = 'clientPulse.revealCommitment';
