/**
 * Composing an update for the panel: gather (clients file, git, last record, template) and
 * compose with core. In an untrusted workspace git does not run: the draft comes from clients.md
 * only (`useGit: false`).
 */
import * as vscode from 'vscode';
import type { IsoDate } from '../../core/clients/model';
import { problemsOf } from '../../core/clients/queries';
import { composeDraft } from '../../core/draft/compose';
import { gatherDraftInput } from '../../core/draft/gather';
import { leftOutNote } from '../../core/mailbox';
import { noticeText } from '../notices';
import type { Draft } from '../../core/draft/types';
import type { Period } from '../../core/git/types';
import { optionsFromSettings } from '../../core/project/draftOptions';
import type { DraftOptions } from '../../shared/protocol';
import type { DraftSettings } from '../config';
import { isTrusted } from '../trust';
import { historyRoots, projectDirOf, type ClientsSnapshot } from '../workspace';

export interface ComposeRequest {
  clients: ClientsSnapshot;
  settings: DraftSettings;
  client: string;
  period: Period;
  options: DraftOptions;
  today: IsoDate;
  useGit: boolean;
}

export interface Composed {
  draft: Draft;
  warnings: string[];
}

export async function composeUpdate(req: ComposeRequest): Promise<Composed> {
  const s = req.settings;
  const gathered = await gatherDraftInput({
    roots: req.useGit && isTrusted() ? historyRoots(req.clients.uri) : [],
    clientsText: req.clients.text,
    projectDir: projectDirOf(req.clients.uri).fsPath,
    client: req.client,
    period: req.period,
    today: req.today,
    ...optionsFromSettings(s),
    audience: req.options.audience,
    language: req.options.language,
    ...(req.options.statusOverride ? { statusOverride: req.options.statusOverride } : {}),
    droppedLineIds: req.options.dropped,
    ...(req.options.kept ? { keptLineIds: req.options.kept } : {}),
    ...(req.options.proposedDates ? { proposedDates: req.options.proposedDates } : {}),
  });
  const draft = composeDraft(gathered.input);
  // Contacts left out of the recipients (not a valid mailbox) are named for the lead.
  const warnings = [...gathered.warnings, ...(draft.leftOut ?? []).map(leftOutNote)].map(noticeText);
  // The draft reads the client's part of clients.md as written: its mistakes are named first.
  const problems = problemsOf(gathered.input.file, draft.client);
  if (problems.length > 0) {
    warnings.unshift(
      vscode.l10n.t('The part of clients.md for {0} has problems that this draft reads as written, so the e-mail may leave out what they hold; fix them first (they are in the Problems panel):', draft.client),
      ...problems.map((p) => vscode.l10n.t('line {0}: {1}', p.span.startLine + 1, p.message)),
    );
  }
  return { draft, warnings };
}
