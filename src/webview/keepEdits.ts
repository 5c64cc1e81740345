/**
 * Keeping the lead's hand edits when a line is left out. A drop regenerates the draft; when the
 * new draft is the old one minus some lines, the same lines are taken out of the edited text
 * instead of replacing it. Anything else (a language switch, a restored line) returns undefined
 * and the page falls back to replacing the text with "Restore my text" one click away.
 */

/** True when `shorter` is `longer` with some lines removed (same order). */
function removedLines(longer: string[], shorter: string[]): string[] | undefined {
  const removed: string[] = [];
  let j = 0;
  for (const line of longer) {
    if (j < shorter.length && shorter[j] === line) j++;
    else removed.push(line);
  }
  return j === shorter.length ? removed : undefined;
}

/**
 * The user's `edited` text with the lines that went from `before` to `after` (both generated)
 * removed, or undefined when that cannot be done exactly.
 */
export function applyDropToEdits(before: string, after: string, edited: string): string | undefined {
  const removed = removedLines(before.split('\n'), after.split('\n'));
  if (!removed) return undefined;
  const lines = edited.split('\n');
  for (const line of removed) {
    if (line.trim() === '') continue;
    const at = lines.indexOf(line);
    // The user changed or removed that line already: nothing exact to take out.
    if (at < 0) return undefined;
    lines.splice(at, 1);
  }
  // A section that lost its last line leaves its blank lines behind: at most one blank line.
  return lines.join('\n').replace(/\n{3,}/g, '\n\n');
}
