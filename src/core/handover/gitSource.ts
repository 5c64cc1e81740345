/** The real git reading of a handover: the shared activity reader and branch listing of src/core/git. */
import { readActivity } from '../git/activity';
import { unmergedBranches } from '../git/run';
import type { HandoverGit } from './gather';

export function realHandoverGit(): HandoverGit {
  return {
    readActivity,
    async unmergedBranches(cwd, since) {
      const { base, branches } = await unmergedBranches(cwd, undefined, since);
      return { base: base ?? 'main', branches, warnings: [] };
    },
  };
}
