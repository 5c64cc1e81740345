/**
 * What the panel service needs to know of update sessions: their e-mail (the draft's envelope with
 * the lead's subject and text), "Save record" (`.project/updates/`, never overwriting), composing
 * again with new options, and restoring a panel after a reload (composed again from the period).
 */
import * as vscode from 'vscode';
import { CommandId } from '../commandIds';
import { draftEnvelope } from '../../core/draft/envelope';
import { findInternalMarkers, internalDetailNotice } from '../../core/draft/markers';
import { draftsDir, saveRecordOnce, updatesDir } from '../../core/records/store';
import { writeProposedDates } from './reschedule';
import type { DraftOptions } from '../../shared/protocol';
import type { PanelProvider, Persisted, Recomposed, Session } from '../panel/types';
import type { DocumentCommandServices } from '../services';
import { projectDirOf, requireClientsFile, workspaceFolderOf } from '../workspace';
import { composeUpdate } from './compose';

/** What this feature needs from the shell. */
export type DraftServices = DocumentCommandServices;

export function updateTitle(client: string, label: string): string {
  return vscode.l10n.t('Update: {0} ({1})', client, label);
}

/** Composes the draft of an update session with `options`; warns when git was not read. */
export async function recompose(services: DraftServices, session: Session, options: DraftOptions): Promise<Recomposed> {
  if (session.source.kind !== 'update') throw new Error('only updates are composed');
  const clients = await requireClientsFile(() => services.clientsFile());
  const composed = await composeUpdate({
    clients,
    settings: services.settings(clients.uri),
    client: session.source.client,
    period: session.source.period,
    options,
    today: services.today(),
    useGit: session.useGit,
  });
  for (const w of composed.warnings) services.log.warn(`draft: ${w}`);
  const warnings = [...composed.warnings];
  if (!session.useGit) {
    warnings.unshift(vscode.l10n.t('Git history was not read, so the work done in this period is missing from this draft. Add it by hand before sending.'));
  }
  return { draft: composed.draft, warnings };
}

export function updateProvider(services: DraftServices): PanelProvider {
  return {
    envelope(session) {
      const edited = { subject: session.subject, markdown: session.markdown };
      if (session.draft) return draftEnvelope(session.draft, edited);
      // A restored panel whose draft could not be composed again: the text, with no recipients.
      return { to: [], cc: [], subject: session.subject, language: session.options.language, text: session.markdown };
    },

    refusal(session) {
      // A client e-mail never carries what only the team reads (hashes, ticket keys, the hidden-commits line).
      const draft = session.draft;
      if (!draft || draft.audience !== 'client' || !draft.internalDetail) return undefined;
      const markers = findInternalMarkers(session.markdown, draft.internalDetail);
      const notice = internalDetailNotice(markers);
      return notice && { notice, offset: markers[0].offset, length: markers[0].length };
    },

    async save(session) {
      const clients = await services.clientsFile();
      const draft = session.draft;
      if (!clients || !draft) throw new Error(vscode.l10n.t('Open the workspace folder that holds .project/clients.md to save records.'));
      const today = services.today();
      // "Mark as sent": the record the cadence and "since the last update" read; the very same text twice is written once.
      const saved = await saveRecordOnce(updatesDir(projectDirOf(clients.uri).fsPath), { ...draft, subject: session.subject, markdown: session.markdown }, { sent: today, markdown: session.markdown }, { within: workspaceFolderOf(clients.uri)?.fsPath });
      // The proposed new dates go into clients.md (the lead confirms), the missed ones kept as promised:.
      if (saved.written) await writeProposedDates(services, draft);
      return { uri: vscode.Uri.file(saved.path), written: saved.written };
    },

    async saveDraft(session) {
      const clients = await services.clientsFile();
      const draft = session.draft;
      if (!clients || !draft) throw new Error(vscode.l10n.t('Open the workspace folder that holds .project/clients.md to save records.'));
      const dir = draftsDir(updatesDir(projectDirOf(clients.uri).fsPath));
      const saved = await saveRecordOnce(dir, { ...draft, subject: session.subject, markdown: session.markdown }, { sent: services.today(), markdown: session.markdown, draft: true }, { within: workspaceFolderOf(clients.uri)?.fsPath });
      return { uri: vscode.Uri.file(saved.path), written: saved.written };
    },

    recompose: (session, options) => recompose(services, session, options),

    async changePeriod(session) {
      if (session.source.kind !== 'update') return;
      // The draft command asks the period for this client and shows it in this panel (same key):
      // the choices of the panel (audience, language, status) go with it; the lead's edits stay one click away.
      await vscode.commands.executeCommand(CommandId.DraftUpdate, { client: session.source.client, options: session.options });
    },

    async restore(persisted: Persisted) {
      const { source, options, markdown, generated, subject } = persisted;
      const session: Session = {
        source,
        title: source.kind === 'update' ? updateTitle(source.client, source.periodLabel) : source.title,
        options,
        generated,
        markdown,
        subject,
        useGit: vscode.workspace.isTrusted,
      };
      if (source.kind !== 'update') return session;
      try {
        const { draft, warnings } = await recompose(services, session, options);
        session.draft = draft;
        session.warnings = warnings;
        session.generated = draft.markdown;
      } catch (e) {
        services.log.warn(`draft panel: restored ${source.client} without recomposing (${e instanceof Error ? e.message : String(e)})`);
      }
      return session;
    },
  };
}
