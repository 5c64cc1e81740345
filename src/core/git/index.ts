/**
 * Git reading for Client Pulse: the public surface of src/core/git.
 * Contract types are in `types.ts`; the hardened runner in `run.ts`.
 */
export * from './types';
export { readActivity, readCommits, logArgs, type CommitsResult } from './activity';
export { windowArgs } from './period';
export {
  GitError,
  gitVersion,
  repoInfo,
  repoRoot,
  currentUser,
  listAuthors,
  defaultBranch,
  unmergedBranches,
  type RepoInfo,
  type AuthorCount,
  type BranchInfo,
  type RunOptions,
} from './run';
export { forgetRepoFacts } from './facts';
export { parseConventional, kindOf, type Conventional } from './conventional';
export { makeRouter, compilePath, type Router } from './route';
export { makeLinker, type Linker } from './link';
export { DEFAULT_NOISE, noiseOptions } from './noise';
export { DEFAULT_REDACTION, DEFAULT_TICKET_KEY_PATTERN, makeRedactor, redactSecrets, type Redactor } from './redact';
export { rewordForClient, capitalise } from './reword';
export { splitMessage, parseTrailers } from './log-format';
