/**
 * The command table of `client-pulse`: one import and one entry per command, in the order
 * `client-pulse --help` lists them. Each command lives in its own file in this folder.
 */
import type { Command } from '../command';
import { check } from './check';
import { commitments } from './commitments';
import { draft } from './draft';
import { activity } from './activity';
import { handover } from './handover';
import { overview } from './overview';

export const commands: readonly Command[] = [
  check,
  commitments,
  draft,
  activity,
  handover,
  overview,
];
