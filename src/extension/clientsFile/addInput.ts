/**
 * "Add commitment" as one line in the file's syntax (`Title due:2026-12-10 @tom #tag`): a quick
 * pick whose value is the line, whose items complete the word being typed (known owners, tags,
 * dates) and whose first item shows what will be written — or why it cannot be.
 */
import * as vscode from 'vscode';
import type { Client, IsoDate } from '../../core/clients/model';
import { addDays, onOrAfter } from '../../core/calendar';
import { dateProblem } from '../inputs';
import { completionsFor, parseCommitmentInput, type CommitmentInputProblem, type ParsedCommitmentInput } from '../../core/clients/input';

interface Item extends vscode.QuickPickItem {
  /** Replace the value with this text (a completion), or add (`undefined`). */
  complete?: string;
  parsed?: ParsedCommitmentInput;
}

function problemText(p: CommitmentInputProblem): string {
  switch (p.code) {
    case 'empty-title':
      return vscode.l10n.t('Write what was promised, e.g. Checkout p95 under 2 s due:2026-12-10 @wang #checkout');
    case 'multi-line':
      return vscode.l10n.t('One line only.');
    case 'invalid-date':
      return `${p.text}: ${dateProblem(p.value) ?? vscode.l10n.t('Write the date as YYYY-MM-DD, e.g. 2026-12-04.')}`;
    case 'duplicate-due':
      return vscode.l10n.t('Give one due date.');
    case 'not-allowed':
      return vscode.l10n.t('"{0}" does not belong on a new commitment: remove it.', p.text);
  }
}

/** What will be written, for the first item: `Title · due 10 Dec 2026 · @tom · #tag`. */
function summary(v: ParsedCommitmentInput): string {
  const due = v.due ? vscode.l10n.t('due {0}', new Intl.DateTimeFormat(vscode.env.language, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${v.due}T00:00:00Z`))) : vscode.l10n.t('no due date');
  return [due, ...v.owners.map((o) => `@${o}`), ...v.tags.map((t) => `#${t}`)].join(' · ');
}

/** Dates offered after `due:`: this Friday (or next), in a week, in two weeks, end of month. */
function dateChoices(today: IsoDate): IsoDate[] {
  const friday = onOrAfter(addDays(today, 1), 5);
  return [...new Set([friday, addDays(today, 7), addDays(friday, 7), addDays(today, 14)])];
}

/** Asks for the new commitment of `client` as one line; undefined when cancelled. */
export function askCommitmentLine(client: Client, known: { owners: string[]; tags: string[] }, today: IsoDate): Promise<ParsedCommitmentInput | undefined> {
  return new Promise((resolve) => {
    const qp = vscode.window.createQuickPick<Item>();
    qp.title = vscode.l10n.t('Add commitment to {0}', client.name);
    qp.placeholder = vscode.l10n.t('Title due:YYYY-MM-DD @owner #tag — e.g. Checkout p95 under 2 s due:{0} @wang #checkout', addDays(today, 7));
    qp.ignoreFocusOut = true;
    // Items are ours: VS Code must not filter them against the typed line.
    qp.matchOnDescription = false;
    let done = false;
    const finish = (v: ParsedCommitmentInput | undefined): void => {
      if (done) return;
      done = true;
      resolve(v);
      qp.dispose();
    };
    const update = (): void => {
      const value = qp.value;
      const parsed = parseCommitmentInput(value);
      const first: Item = parsed.ok
        ? { label: `$(add) ${parsed.value.title}`, description: summary(parsed.value), detail: vscode.l10n.t('Enter adds it to {0}', client.name), parsed: parsed.value, alwaysShow: true }
        : { label: `$(warning) ${problemText(parsed.problem)}`, alwaysShow: true };
      const completions = completionsFor(value, { owners: known.owners, tags: known.tags, dates: dateChoices(today) }).map(
        (c): Item => ({ label: c.insert, description: vscode.l10n.t('complete'), complete: c.text, alwaysShow: true }),
      );
      // While a word is being completed, the completions come first (Enter picks the highlighted one).
      qp.items = completions.length > 0 && value.trim() !== '' ? [...completions, first] : [first];
    };
    qp.onDidChangeValue(update);
    qp.onDidAccept(() => {
      const item = qp.activeItems[0] ?? qp.items[0];
      if (item?.complete !== undefined) {
        qp.value = item.complete;
        update();
        return;
      }
      if (item?.parsed) finish(item.parsed);
    });
    qp.onDidHide(() => finish(undefined));
    update();
    qp.show();
  });
}

/** Owners and tags the file already uses (commitments' `@`/`#`, the clients' `Tag:`), most used first. */
export function knownValues(clients: readonly Client[]): { owners: string[]; tags: string[] } {
  const count = (values: string[]): string[] => {
    const n = new Map<string, number>();
    for (const v of values) n.set(v, (n.get(v) ?? 0) + 1);
    return [...n.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([v]) => v);
  };
  const commitments = clients.flatMap((c) => c.commitments);
  return {
    owners: count(commitments.flatMap((c) => c.owners)),
    tags: count([...commitments.flatMap((c) => c.tags), ...clients.flatMap((c) => c.tags)]),
  };
}
