/**
 * THE message protocol between the panel's host (src/extension/panel) and its page
 * (src/webview). Two discriminated unions, `HostToPage` and `PageToHost`, plus runtime validators:
 * the host checks every message the page posts (and the state a reloaded page hands back) with
 * `parsePageToHost` / `parsePersistedState` before acting on it.
 *
 * Plain data only; the validators use src/core/calendar, and the page imports only types from here.
 */
import type { IsoDate, Language } from '../core/clients/model';
import { isIsoDate, isPeriod } from '../core/calendar';
import type { Draft } from '../core/draft/types';
import type { Audience, Status } from '../core/model';
import type { Period } from '../core/git/types';

/** Copy formats offered by the panel. */
export type CopyFormat = 'text' | 'markdown' | 'html';

/** Every label the page shows; localised by the host (vscode.l10n), sent as data. */
export const LABEL_KEYS = [
  'lines',
  'linesHint',
  'source',
  'preview',
  'subject',
  'to',
  'cc',
  'status',
  'statusAuto',
  'onTrack',
  'atRisk',
  'offTrack',
  'audience',
  'audienceClient',
  'audienceInternal',
  'language',
  'languageEn',
  'languageZh',
  'copy',
  'copyAs',
  'copyText',
  'copyMarkdown',
  'copyHtml',
  'openMail',
  'saveEml',
  'saveRecord',
  'saveDraft',
  'markSent',
  'saveDocument',
  'dropLine',
  'restoreLine',
  'commits',
  'noCommits',
  'carriedOver',
  'needsRewording',
  'rewordIdentifier',
  'rewordOtherLanguage',
  'rewordContentless',
  'leftOutByDefault',
  'leadNotes',
  'tickCommitment',
  'sharedChange',
  'earlierWork',
  'proposedDate',
  'regenerated',
  'restoreText',
  'dismiss',
  'working',
  'richCopied',
  'period',
  'readOnly',
  'shortcutHint',
  'edited',
  'editedHint',
  'revert',
  'reverted',
  'keptEdits',
  'restoreKept',
  'discardKept',
  'moreActions',
  'changePeriod',
] as const;
export type LabelKey = (typeof LABEL_KEYS)[number];
export type Labels = Record<LabelKey, string>;

/** What the page may do, decided by the host. */
export interface PanelSettings {
  /** False in an untrusted workspace: saving files is not offered. */
  canSave: boolean;
  /** Show the "rich HTML" copy option (the page tries navigator.clipboard.write first). */
  richCopy: boolean;
  /** `Ctrl` or `⌘`, for the shortcut hint. */
  modKey: string;
  /** The language of the labels (for the page's `lang` attribute). */
  uiLanguage: string;
}

/** The user's choices that make the composer produce a different draft. */
export interface DraftOptions {
  audience: Audience;
  language: Language;
  /** Undefined: the status the rules give. */
  statusOverride?: Status;
  /** Ids of lines the user dropped. */
  dropped: string[];
  /** Ids of lines left out by default (they said nothing the client can use) that the user put back. */
  kept?: string[];
  /** Commitment id → the new date the lead proposes for an overdue commitment. */
  proposedDates?: Record<string, IsoDate>;
}

/** Where the draft came from, so a reloaded window can compose it again. */
export interface UpdateSource {
  kind: 'update';
  client: string;
  period: Period;
  /** The period choice as picked (`this-week`, `since-last`…), for the title. */
  periodLabel: string;
}

/** A document handed to the panel by another feature (handover notes). */
export interface DocumentSource {
  kind: 'document';
  docKind: 'handover';
  title: string;
  language: Language;
  /** Workspace-relative path the Save button writes to (never overwriting). */
  suggestedRecordPath: string;
}

export type PanelSource = UpdateSource | DocumentSource;

/** One full snapshot of the panel, sent after `ready` and after every regeneration. */
export interface PanelState {
  source: PanelSource;
  /** Panel heading. */
  title: string;
  subject: string;
  /** The markdown the composer produced (the page compares it with its text to know about edits). */
  generated: string;
  /** The text to show: the generated one, or the user's edited text when restoring. */
  markdown: string;
  /** Absent for documents. */
  draft?: Draft;
  options: DraftOptions;
  /** Facts the user must know before sending (git not read, shallow clone…); shown until the draft changes. */
  warnings: string[];
  labels: Labels;
  settings: PanelSettings;
  /** The text last saved as it is (record, draft or document): not "edited". */
  saved?: string;
  /** Edits the lead had when this panel was last closed (kept by the host), offered once on reopening. */
  keptEdits?: KeptEdits;
}

/** The text of a panel closed with edits, kept by the host (workspace state) and offered on reopening. */
export interface KeptEdits {
  markdown: string;
  subject: string;
  /** When the panel was closed (ISO date and time), for the offer. */
  keptAt: string;
}

/** What the page keeps with vscode.setState, and what the serializer gets back after a reload. */
export interface PersistedState {
  version: 1;
  state: PanelState;
  /** The user's current text (may differ from `state.generated`). */
  markdown: string;
  subject: string;
}

export type NoticeLevel = 'info' | 'warning' | 'error';

export type HostToPage =
  | { type: 'state'; state: PanelState; /** Replace the user's text (true after a regeneration). */ replaceText: boolean }
  | { type: 'busy'; busy: boolean }
  | { type: 'notice'; level: NoticeLevel; text: string }
  /** Ask the page to put rich HTML on the clipboard (it can, the host cannot). */
  | { type: 'richCopy'; html: string; text: string; requestId: number }
  /** Select `[offset, offset + length)` of the source text (a blank to fill in) and focus it. */
  | { type: 'select'; offset: number; length: number }
  /** The text was saved (record, draft or document): it is no longer "edited". */
  | { type: 'saved'; markdown: string }
  /** Offer a file to the user's machine as a browser download (browser or remote workbench). */
  | { type: 'download'; name: string; mime: string; base64: string };

export type PageToHost =
  | { type: 'ready' }
  /** The text changed (debounced); the host keeps it for reading and for the serializer. */
  | { type: 'edited'; markdown: string; subject: string }
  | { type: 'regenerate'; options: DraftOptions }
  | { type: 'copy'; format: CopyFormat; markdown: string; subject: string }
  | { type: 'richCopyResult'; requestId: number; ok: boolean; error?: string }
  | { type: 'openMail'; markdown: string; subject: string }
  | { type: 'saveEml'; markdown: string; subject: string }
  | { type: 'saveRecord'; markdown: string; subject: string }
  /** Save the update as a draft to finish later (not sent: the cadence does not move). */
  | { type: 'saveDraft'; markdown: string; subject: string }
  /** The lead restored or discarded the edits kept from the last close: the host forgets them. */
  | { type: 'keptEdits'; action: 'restore' | 'discard' }
  /** Draft the same client for another period (the host asks which). */
  | { type: 'changePeriod' };

/* ------------------------------------------------------------------------------------------ */
/* Runtime validation                                                                          */
/* ------------------------------------------------------------------------------------------ */

/** Upper bound for any text crossing the boundary (a week's update is a few KB). */
export const MAX_TEXT = 1_000_000;
const MAX_IDS = 10_000;

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

type Obj = Record<string, unknown>;

function isObj(x: unknown): x is Obj {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function isText(x: unknown, max = MAX_TEXT): x is string {
  return typeof x === 'string' && x.length <= max;
}

const AUDIENCES: readonly Audience[] = ['client', 'internal'];
const LANGUAGES: readonly Language[] = ['en', 'zh-CN'];
const STATUSES: readonly Status[] = ['on-track', 'at-risk', 'off-track'];
const FORMATS: readonly CopyFormat[] = ['text', 'markdown', 'html'];

function oneOf<T extends string>(list: readonly T[], x: unknown): x is T {
  return typeof x === 'string' && (list as readonly string[]).includes(x);
}

/** Only the listed keys (and `type`) may appear: unknown fields are rejected, not ignored. */
function onlyKeys(o: Obj, allowed: readonly string[]): string | undefined {
  const extra = Object.keys(o).filter((k) => k !== 'type' && !allowed.includes(k));
  return extra.length ? `unexpected field(s) ${extra.join(', ')}` : undefined;
}

export function parseDraftOptions(x: unknown): Parsed<DraftOptions> {
  if (!isObj(x)) return { ok: false, error: 'options must be an object' };
  const extra = onlyKeys(x, ['audience', 'language', 'statusOverride', 'dropped', 'kept', 'proposedDates']);
  if (extra) return { ok: false, error: `options: ${extra}` };
  if (!oneOf(AUDIENCES, x.audience)) return { ok: false, error: 'options.audience must be "client" or "internal"' };
  if (!oneOf(LANGUAGES, x.language)) return { ok: false, error: 'options.language must be "en" or "zh-CN"' };
  if (x.statusOverride !== undefined && !oneOf(STATUSES, x.statusOverride)) return { ok: false, error: 'options.statusOverride is not a status' };
  if (!Array.isArray(x.dropped) || x.dropped.length > MAX_IDS || !x.dropped.every((d) => isText(d, 200))) {
    return { ok: false, error: 'options.dropped must be a list of line ids' };
  }
  if (x.kept !== undefined && (!Array.isArray(x.kept) || x.kept.length > MAX_IDS || !x.kept.every((d) => isText(d, 200)))) {
    return { ok: false, error: 'options.kept must be a list of line ids' };
  }
  const value: DraftOptions = { audience: x.audience, language: x.language, dropped: [...x.dropped], ...(Array.isArray(x.kept) ? { kept: [...(x.kept as string[])] } : {}) };
  if (x.statusOverride !== undefined) value.statusOverride = x.statusOverride;
  if (x.proposedDates !== undefined) {
    const dates = x.proposedDates;
    if (!isObj(dates) || Array.isArray(dates) || Object.keys(dates).length > MAX_IDS) return { ok: false, error: 'options.proposedDates must map commitment ids to dates' };
    const out: Record<string, IsoDate> = {};
    for (const [id, date] of Object.entries(dates)) {
      if (!isText(id, 400) || typeof date !== 'string' || !isIsoDate(date)) return { ok: false, error: `options.proposedDates: ${JSON.stringify(date)} is not a date YYYY-MM-DD` };
      out[id] = date;
    }
    value.proposedDates = out;
  }
  return { ok: true, value };
}

function textAndSubject(o: Obj): string | undefined {
  if (!isText(o.markdown)) return 'markdown must be a string of at most 1,000,000 characters';
  if (!isText(o.subject, 2000)) return 'subject must be a string of at most 2,000 characters';
  return undefined;
}

/** Validates a message posted by the page. Anything not exactly a `PageToHost` is rejected. */
export function parsePageToHost(x: unknown): Parsed<PageToHost> {
  if (!isObj(x)) return { ok: false, error: 'message is not an object' };
  const fail = (error: string): Parsed<PageToHost> => ({ ok: false, error: `${String(x.type)}: ${error}` });
  switch (x.type) {
    case 'ready':
    case 'changePeriod': {
      const extra = onlyKeys(x, []);
      return extra ? fail(extra) : { ok: true, value: { type: x.type } };
    }
    case 'edited':
    case 'openMail':
    case 'saveEml':
    case 'saveRecord':
    case 'saveDraft': {
      const extra = onlyKeys(x, ['markdown', 'subject']);
      if (extra) return fail(extra);
      const bad = textAndSubject(x);
      if (bad) return fail(bad);
      return { ok: true, value: { type: x.type, markdown: x.markdown as string, subject: x.subject as string } };
    }
    case 'copy': {
      const extra = onlyKeys(x, ['format', 'markdown', 'subject']);
      if (extra) return fail(extra);
      if (!oneOf(FORMATS, x.format)) return fail('format must be "text", "markdown" or "html"');
      const bad = textAndSubject(x);
      if (bad) return fail(bad);
      return { ok: true, value: { type: 'copy', format: x.format, markdown: x.markdown as string, subject: x.subject as string } };
    }
    case 'regenerate': {
      const extra = onlyKeys(x, ['options']);
      if (extra) return fail(extra);
      const options = parseDraftOptions(x.options);
      if (!options.ok) return fail(options.error);
      return { ok: true, value: { type: 'regenerate', options: options.value } };
    }
    case 'keptEdits': {
      const extra = onlyKeys(x, ['action']);
      if (extra) return fail(extra);
      if (x.action !== 'restore' && x.action !== 'discard') return fail('action must be "restore" or "discard"');
      return { ok: true, value: { type: 'keptEdits', action: x.action } };
    }
    case 'richCopyResult': {
      const extra = onlyKeys(x, ['requestId', 'ok', 'error']);
      if (extra) return fail(extra);
      if (typeof x.requestId !== 'number' || !Number.isInteger(x.requestId)) return fail('requestId must be an integer');
      if (typeof x.ok !== 'boolean') return fail('ok must be a boolean');
      if (x.error !== undefined && !isText(x.error, 2000)) return fail('error must be a short string');
      const value: PageToHost = { type: 'richCopyResult', requestId: x.requestId, ok: x.ok };
      if (typeof x.error === 'string') value.error = x.error;
      return { ok: true, value };
    }
    default:
      return { ok: false, error: `unknown message type ${JSON.stringify(x.type)}` };
  }
}

function parsePeriod(x: unknown): Period | undefined {
  if (!isObj(x) || !isPeriod(x)) return undefined;
  return { since: x.since, until: x.until };
}

/** Validates the part of a persisted state the host acts on (its source and options). */
export function parseSource(x: unknown): Parsed<PanelSource> {
  if (!isObj(x)) return { ok: false, error: 'source must be an object' };
  if (x.kind === 'update') {
    const period = parsePeriod(x.period);
    if (!isText(x.client, 500) || !x.client.trim()) return { ok: false, error: 'source.client must be a client name' };
    if (!period) return { ok: false, error: 'source.period must be {since, until} dates' };
    return { ok: true, value: { kind: 'update', client: x.client, period, periodLabel: isText(x.periodLabel, 200) ? x.periodLabel : '' } };
  }
  if (x.kind === 'document') {
    if (x.docKind !== 'handover') return { ok: false, error: 'source.docKind must be "handover"' };
    if (!isText(x.title, 500)) return { ok: false, error: 'source.title must be a string' };
    if (!oneOf(LANGUAGES, x.language)) return { ok: false, error: 'source.language must be "en" or "zh-CN"' };
    const p = x.suggestedRecordPath;
    if (!isText(p, 1000) || !p || p.startsWith('/') || p.startsWith('\\') || /^[a-z]:/i.test(p) || p.split(/[\\/]/).includes('..')) {
      return { ok: false, error: 'source.suggestedRecordPath must be a workspace-relative path without ".."' };
    }
    return { ok: true, value: { kind: 'document', docKind: 'handover', title: x.title, language: x.language, suggestedRecordPath: p } };
  }
  return { ok: false, error: 'source.kind must be "update" or "document"' };
}

/**
 * Validates what a reloaded page hands back to the serializer. Only the source, options and the
 * user's text are trusted (after checking); the draft itself is composed again by the host.
 */
export function parsePersistedState(x: unknown): Parsed<{ source: PanelSource; options: DraftOptions; markdown: string; generated: string; subject: string }> {
  if (!isObj(x) || x.version !== 1 || !isObj(x.state)) return { ok: false, error: 'not a Client Pulse panel state (version 1)' };
  const source = parseSource(x.state.source);
  if (!source.ok) return source;
  const options = parseDraftOptions(x.state.options);
  if (!options.ok) return options;
  if (!isText(x.markdown) || !isText(x.state.generated)) return { ok: false, error: 'markdown must be a string' };
  const subject = isText(x.subject, 2000) ? x.subject : '';
  return { ok: true, value: { source: source.value, options: options.value, markdown: x.markdown, generated: x.state.generated, subject } };
}
