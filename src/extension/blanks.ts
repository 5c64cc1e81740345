/**
 * Blanks are a check before anything leaves the panel: copy, mail, `.eml` and save first list the
 * unfilled `____` and `[…]` placeholders (core's `findBlanks`) and ask — *Fill in…* (pick one; the
 * page selects it in the source) or an explicit *Send anyway* / *Save anyway*.
 */
import * as vscode from 'vscode';
import { findBlanks, type Blank } from '../core/export/blanks';
import { processWide } from './processWide';

export type BlanksAction = 'send' | 'save';

/**
 * Test mode only: what the dialog answers (no modal in the extension host), and what it was asked;
 * one object for both bundles (the panel's actions and the draft feature read it).
 */
export const blanksForTest = processWide<{ enabled: boolean; answer: 'anyway' | 'cancel' | 'fill'; asked: Blank[][]; selected: Blank[] }>('blanksForTest', () => ({ enabled: false, answer: 'anyway', asked: [], selected: [] }));

/**
 * Resolves true when `markdown` has no blank or the lead chose to go on anyway; false when they
 * cancelled or chose a blank to fill in (then `select` has been called with it).
 */
export async function confirmBlanks(markdown: string, action: BlanksAction, select: (b: Blank) => void): Promise<boolean> {
  const testMode = blanksForTest.enabled;
  const blanks = findBlanks(markdown);
  if (blanks.length === 0) return true;
  const fill = vscode.l10n.t('Fill in…');
  const anyway = action === 'send' ? vscode.l10n.t('Send anyway') : vscode.l10n.t('Save anyway');
  let choice: string | undefined;
  if (testMode) {
    blanksForTest.asked.push(blanks);
    choice = blanksForTest.answer === 'anyway' ? anyway : blanksForTest.answer === 'fill' ? fill : undefined;
  } else {
    const message = blanks.length === 1 ? vscode.l10n.t('1 blank is not filled in yet.') : vscode.l10n.t('{0} blanks are not filled in yet.', blanks.length);
    const detail = blanks.slice(0, 8).map((b) => vscode.l10n.t('line {0}: {1}', b.line + 1, b.context)).join('\n') + (blanks.length > 8 ? `\n…` : '');
    choice = await vscode.window.showWarningMessage(message, { modal: true, detail }, fill, anyway);
  }
  if (choice === anyway) return true;
  if (choice !== fill) return false;
  const picked =
    blanks.length === 1 || testMode
      ? blanks[0]
      : (
          await vscode.window.showQuickPick(
            blanks.map((b) => ({ label: b.text, description: vscode.l10n.t('line {0}', b.line + 1), detail: b.context, blank: b })),
            { title: vscode.l10n.t('Which blank?'), matchOnDetail: true },
          )
        )?.blank;
  if (picked) {
    if (testMode) blanksForTest.selected.push(picked);
    select(picked);
  }
  return false;
}

/** Test mode only: `clientPulse.test.blanks` sets the dialog's answer and returns what it was asked. */
export function registerBlanksForTest(context: vscode.ExtensionContext): void {
  blanksForTest.enabled = true;
  context.subscriptions.push(
    vscode.commands.registerCommand('clientPulse.test.blanks', (answer?: unknown) => {
      if (answer === 'anyway' || answer === 'cancel' || answer === 'fill') blanksForTest.answer = answer;
      const { asked, selected } = blanksForTest;
      return { asked: asked.map((list) => list.map((b) => b.text)), selected: selected.map((b) => ({ offset: b.offset, length: b.length, text: b.text })) };
    }),
  );
}
