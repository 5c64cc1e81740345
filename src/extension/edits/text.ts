/** Applying core text edits to a string (pure; used for files not open in an editor). */
import type { TextEdit } from '../../core/clients/model';

export class EditError extends Error {}

/** Applies edits (offsets into `text`) to `text`; edits must not overlap. */
export function applyToText(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.offset - b.offset);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    if (e.offset < at || e.length < 0 || e.offset + e.length > text.length) throw new EditError('overlapping or out-of-range edit');
    out += text.slice(at, e.offset) + e.newText;
    at = e.offset + e.length;
  }
  return out + text.slice(at);
}
