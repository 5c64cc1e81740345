/**
 * What the settings change in a draft, an activity listing and a handover: the one mapping from
 * `Settings` to the gather options, used by the CLI and the extension alike (so both fronts
 * produce the same text for the same repository and settings).
 */
import type { NoiseOptions, RedactionOptions } from '../git/types';
import type { WeekStart } from '../calendar';
import type { Settings } from './settings';

export interface SettingsOptions {
  weekStart: WeekStart;
  signature: string;
  noise: Partial<NoiseOptions>;
  redaction: Partial<RedactionOptions>;
}

export function optionsFromSettings(s: Settings): SettingsOptions {
  return {
    weekStart: s.weekStart,
    signature: s.signature,
    noise: { hiddenTypes: s.hideCommitTypes, botAuthors: s.botAuthors, hideFilePatterns: s.hideFilePatterns },
    redaction: { patterns: s.redactPatterns, ticketKeyPattern: s.ticketKeyPattern },
  };
}
