/** Public API of the clients.md core. */
export * from './model';
export { parseClients, parseCadence, parseLanguage, parsePerson, isValidEmail, scanTokens } from './parse';
export { markDone, markUndone, changeDueDate, changeDue, addCommitment, applyEdits, EditError } from './edits';
export type { NewCommitment } from './edits';
export { findClient, openCommitments, relativeDue, allRisks, allCommitments, openAsks, doneBetween, commitmentById, clientsForTag } from './queries';
export type { OpenCommitment, OpenOptions, DueState } from './queries';
export { clientsFileTemplate } from './template';
