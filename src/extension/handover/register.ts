/**
 * "Client Pulse: Generate handover notes": pick who leaves (git authors, the current git user
 * first), optionally who takes over (`Name <email>`), the clients (all by default) and the window
 * (90 days by default); the notes open in the shared document panel, where "Save" writes
 * `.project/handover/<date>-<person>.md` without overwriting.
 *
 * The command also takes one argument object (tests, keybindings, other extensions):
 * `{ from?, to?, clients?, since?, language?, save? }`; with it nothing is asked.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { optionsFromSettings } from '../../core/project/draftOptions';
import type { Client, IsoDate, Language, Person } from '../../core/clients/model';
import { currentUser } from '../../core/git/facts';
import { GitError, listAuthors } from '../../core/git/run';
import { isBotAuthor } from '../../core/git/noise';
import { composeHandover } from '../../core/handover/compose';
import { DEFAULT_WINDOW_DAYS, gatherHandoverInput, HandoverError, parseSince } from '../../core/handover/gather';
import { realHandoverGit } from '../../core/handover/gitSource';
import { formatPerson, parseNameEmail } from '../../core/handover/person';
import { handoverDir } from '../../core/handover/store';
import type { HandoverDocument } from '../../core/handover/types';
import { recordFileName } from '../../core/records/naming';
import { addDays } from '../../core/calendar';
import { wordNotice } from '../../core/notices';
import { errorText, noticeText, translate } from '../notices';
import { offerWithoutGit } from '../gitFallback';
import type { PanelService } from '../panel/service';
import type { PanelProvider } from '../panel/types';
import type { DocumentCommandServices } from '../services';
import { documentLanguage, historyRoots, projectDirOf, requireClientsFile, workspaceFolderOf } from '../workspace';
import { documentProvider, handoverSession, saveNotes } from './provider';
import { worded } from '../writeErrors';
import { isTrusted, requireTrust } from '../trust';

/** What this feature needs from the shell. */
export type HandoverServices = DocumentCommandServices;

export interface HandoverArgs {
  from?: string;
  /** `Name <email>`. */
  to?: string;
  clients?: string[];
  /** `YYYY-MM-DD` or `90d`. */
  since?: string;
  language?: Language;
  /** Save to `.project/handover/` right away (the panel's Save does the same later). */
  save?: boolean;
}

/** What the command resolves to (for tests and callers); undefined when the user cancelled. */
export interface HandoverResult {
  title: string;
  markdown: string;
  clients: string[];
  suggestedRecordPath: string;
  saved?: string;
}

function parseArgs(arg: unknown): HandoverArgs | undefined {
  if (arg === undefined || arg === null) return undefined;
  // A tree item or a URI when run from a menu: no arguments.
  if (typeof arg !== 'object' || arg instanceof vscode.Uri || !('from' in arg || 'to' in arg || 'clients' in arg || 'since' in arg)) return undefined;
  const a = arg as Record<string, unknown>;
  const str = (k: string) => {
    const v = a[k];
    if (v === undefined) return undefined;
    if (typeof v !== 'string') throw new HandoverError({ code: 'text', text: `"${k}" must be a string` });
    return v;
  };
  const clients = a.clients;
  if (clients !== undefined && !(Array.isArray(clients) && clients.every((c) => typeof c === 'string'))) {
    throw new HandoverError({ code: 'text', text: '"clients" must be a list of client names' });
  }
  const language = a.language;
  if (language !== undefined && language !== 'en' && language !== 'zh-CN') throw new HandoverError({ code: 'text', text: '"language" must be "en" or "zh-CN"' });
  const out: HandoverArgs = {};
  const from = str('from');
  const to = str('to');
  const since = str('since');
  if (from !== undefined) out.from = from;
  if (to !== undefined) out.to = to;
  if (since !== undefined) out.since = since;
  if (clients !== undefined) out.clients = clients as string[];
  if (language !== undefined) out.language = language;
  if (a.save === true) out.save = true;
  return out;
}

/** Git never runs in Restricted Mode: no folder's history is read. */
function roots(clientsUri: vscode.Uri): string[] {
  return isTrusted() ? historyRoots(clientsUri) : [];
}

interface PersonItem extends vscode.QuickPickItem {
  value: string;
}

/** Everyone who committed in the window or is Owner/Backup in clients.md; the git user first. */
async function pickDeparting(rootList: string[], clients: Client[], since: IsoDate, botAuthors: readonly string[]): Promise<string | undefined> {
  const items: PersonItem[] = [];
  const seen = new Set<string>();
  let me: { name?: string; email?: string } = {};
  for (const root of rootList) {
    try {
      if (!me.email) me = await currentUser(root);
      for (const a of await listAuthors(root, since)) {
        const key = a.email.toLowerCase();
        // Bots (dependabot, renovate…) do not leave a team.
        if (seen.has(key) || isBotAuthor(a.name, a.email, botAuthors)) continue;
        seen.add(key);
        items.push({ label: a.name, description: a.email, detail: vscode.l10n.t('{0} commits in the window', a.commits), value: a.email });
      }
    } catch (e) {
      if (!(e instanceof GitError)) throw e;
    }
  }
  for (const c of clients) {
    for (const p of [c.owner, c.backup]) {
      if (!p) continue;
      const key = (p.email ?? p.name).toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      items.push({ label: p.name, description: p.email, detail: vscode.l10n.t('named in clients.md'), value: p.email ?? p.name });
    }
  }
  const mine = items.findIndex((i) => me.email !== undefined && i.value.toLowerCase() === me.email.toLowerCase());
  if (mine > 0) items.unshift(...items.splice(mine, 1));
  if (mine >= 0) items[0].detail = `${items[0].detail ?? ''} · ${vscode.l10n.t('you (git user)')}`;
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Generate handover notes (1/4): who is leaving?'),
    placeHolder: vscode.l10n.t('Pick the person who leaves'),
    matchOnDescription: true,
  });
  return picked?.value;
}

async function askSuccessor(): Promise<Person | null | undefined> {
  const text = await vscode.window.showInputBox({
    title: vscode.l10n.t('Generate handover notes (2/4): who takes over?'),
    prompt: vscode.l10n.t('Name <email> of the successor; leave empty to let each client’s Backup stand in'),
    placeHolder: 'Wang Wei <wang.wei@agency.example>',
    validateInput: (v) => {
      if (!v.trim()) return undefined;
      const r = parseNameEmail(v);
      return 'error' in r ? noticeText(r.error) : undefined;
    },
  });
  if (text === undefined) return undefined;
  if (!text.trim()) return null;
  const r = parseNameEmail(text);
  return 'person' in r ? r.person : null;
}

async function pickClients(clients: Client[]): Promise<string[] | undefined> {
  const items = clients.map((c) => ({ label: c.name, description: c.owner ? formatPerson(c.owner) : undefined, picked: true }));
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Generate handover notes (3/4): clients'),
    placeHolder: vscode.l10n.t('All clients are selected; untick the ones to leave out'),
    canPickMany: true,
  });
  if (!picked) return undefined;
  if (picked.length === 0) return undefined;
  return picked.map((p) => p.label);
}

async function askWindow(today: IsoDate): Promise<string | undefined> {
  return vscode.window.showInputBox({
    title: vscode.l10n.t('Generate handover notes (4/4): how far back?'),
    prompt: vscode.l10n.t('Start of the history to include: a number of days such as 90d, or a date YYYY-MM-DD'),
    value: `${DEFAULT_WINDOW_DAYS}d`,
    validateInput: (v) => {
      try {
        parseSince(v, today);
        return undefined;
      } catch (e) {
        return errorText(e);
      }
    },
  });
}

/** `.project/handover/<date>-<slug>.md`, relative to the workspace folder holding clients.md. */
function suggestedPath(clientsUri: vscode.Uri, today: IsoDate, person: string): { relative: string; file: string } {
  const dir = handoverDir(projectDirOf(clientsUri).fsPath);
  const folder = vscode.workspace.getWorkspaceFolder(clientsUri);
  const file = path.join(dir, recordFileName(today, person, []));
  return { relative: folder ? path.relative(folder.uri.fsPath, file).split(path.sep).join('/') : file, file };
}

async function runHandover(services: HandoverServices, panels: PanelService, arg?: unknown): Promise<HandoverResult | undefined> {
  const args = parseArgs(arg);
  const snapshot = await requireClientsFile(() => services.clientsFile());
  const today = services.today();
  const settings = services.settings(snapshot.uri);
  const rootList = roots(snapshot.uri);
  const interactive = args === undefined;

  // Arguments are checked before anything runs.
  let givenTo: Person | undefined;
  if (args?.to !== undefined) {
    const r = parseNameEmail(args.to);
    if ('error' in r) throw new HandoverError(r.error);
    givenTo = r.person;
  }
  const givenSince = args?.since !== undefined ? parseSince(args.since, today) : undefined;

  let from = args?.from;
  if (!from && !interactive) {
    for (const r of rootList) {
      const me = await currentUser(r).catch(() => ({}) as { email?: string; name?: string });
      from = me.email ?? me.name;
      if (from) break;
    }
    if (!from) throw new HandoverError({ code: 'text', text: vscode.l10n.t('"from" is required: git has no user.email here') });
  }
  if (!from) from = await pickDeparting(rootList, snapshot.clients, addDays(today, -(DEFAULT_WINDOW_DAYS - 1)), settings.botAuthors);
  if (!from) return undefined;

  let to: Person | undefined = givenTo;
  if (interactive) {
    const asked = await askSuccessor();
    if (asked === undefined) return undefined;
    to = asked ?? undefined;
  }

  const clients = args?.clients ?? (interactive ? await pickClients(snapshot.clients) : undefined);
  if (interactive && !clients) return undefined;
  const sinceText = args?.since ?? (interactive ? await askWindow(today) : undefined);
  if (interactive && sinceText === undefined) return undefined;
  const since = givenSince ?? (sinceText !== undefined ? parseSince(sinceText, today) : undefined);
  const language = args?.language ?? documentLanguage(settings.language);

  const generate = (useRoots: string[]): Thenable<HandoverDocument> => vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Generating handover notes…') },
    async () => {
      const input = await gatherHandoverInput({
        roots: useRoots,
        clientsText: snapshot.text,
        from: from as string,
        ...(to ? { to } : {}),
        ...(clients ? { clients } : {}),
        ...(since ? { since } : {}),
        today,
        language,
        projectDir: projectDirOf(snapshot.uri).fsPath,
        noise: optionsFromSettings(settings).noise,
        redaction: optionsFromSettings(settings).redaction,
        git: realHandoverGit(),
      });
      if (!vscode.workspace.isTrusted) input.warnings.push({ code: 'handover.restricted-mode' });
      else if (useRoots.length === 0) input.warnings.push({ code: 'handover.no-history' });
      return composeHandover(input, translate);
    },
  );
  let doc: HandoverDocument;
  try {
    doc = await generate(rootList);
  } catch (e) {
    // Without a usable repository, offer what clients.md alone can give (like the draft command).
    if (!interactive) throw e;
    const goOn = await offerWithoutGit(e, services.log, {
      ask: (reason) => vscode.l10n.t('Client Pulse could not read the history ({0}). Write the handover notes from clients.md only?', reason),
      button: vscode.l10n.t('Use clients.md only'),
    });
    if (!goOn) return undefined;
    doc = await generate([]);
  }
  for (const w of doc.warnings) services.log.warn(`handover: ${wordNotice(w)}`);

  const { relative, file } = suggestedPath(snapshot.uri, today, doc.from.name);
  panels.show(handoverSession(doc, relative));
  const result: HandoverResult = { title: doc.title, markdown: doc.markdown, clients: doc.clients.map((c) => c.client), suggestedRecordPath: relative };
  if (args?.save) {
    requireTrust(vscode.l10n.t('Saving the handover notes'));
    const uri = vscode.Uri.file(await worded(saveNotes(file, doc.markdown, workspaceFolderOf(snapshot.uri)?.fsPath)));
    result.saved = uri.fsPath;
    services.log.info(`handover: saved ${uri.fsPath}`);
  }
  return result;
}

/** What "Generate handover notes" does, for the extension's entry to register (src/extension/lazyFeatures.ts). */
export interface HandoverFeature {
  /** The panel provider of `document` sources. */
  provider: PanelProvider;
  run(arg?: unknown): Promise<HandoverResult | undefined>;
}

export function createHandoverFeature(services: HandoverServices, panels: PanelService): HandoverFeature {
  return {
    provider: documentProvider(services),
    run: async (arg?: unknown) => {
      try {
        return await runHandover(services, panels, arg);
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        services.log.error(`handover: ${message}`);
        void vscode.window.showErrorMessage(vscode.l10n.t('Client Pulse: cannot generate handover notes: {0}', errorText(e)));
        if (parseArgs(arg) !== undefined) throw e;
        return undefined;
      }
    },
  };
}
