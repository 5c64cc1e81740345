/**
 * The command table of `client-pulse`: one import and one entry per command, in the order
 * `client-pulse --help` lists them. Each command lives in its own file in this folder.
 */
import type { Command } from '../command';

export const commands: readonly Command[] = [
];
