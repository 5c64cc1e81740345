/** The cadence rules live in core (the overview and the CLI use them too): src/core/project/cadence.ts. */
export { mostUrgent, nextUpdateOf, type NextUpdate } from '../../core/project/cadence';
