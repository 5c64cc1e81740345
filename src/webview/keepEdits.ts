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
  const beforeLines = before.split('\n');
  const gone = removed.filter((l) => l.trim() !== '');
  const goneSet = new Set(gone);
  const isItem = (l: string) => /^\s*[-*] /u.test(l);
  const indices: number[] = [];
  for (const line of gone) {
    // A line written twice cannot say which one to take out.
    const count = (list: string[]) => list.filter((l) => l === line).length;
    if (count(lines) !== 1 || count(beforeLines) !== 1) return undefined;
    const at = lines.indexOf(line);
    if (!isItem(line)) {
      // A heading (a group or section that lost its last line) goes only when nothing the lead
      // wrote stands under it.
      for (let j = at + 1; j < lines.length && (lines[j].trim() === '' || isItem(lines[j])); j++) {
        if (lines[j].trim() !== '' && !goneSet.has(lines[j])) return undefined;
      }
    }
    indices.push(at);
  }
  for (const at of indices.sort((x, y) => y - x)) lines.splice(at, 1);
  // A section that lost its last line leaves its blank lines behind: at most one blank line.
  return lines.join('\n').replace(/\n{3,}/g, '\n\n');
}
