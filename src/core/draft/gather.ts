/**
 * Everything a draft needs from disk and git, gathered for `composeDraft`: the clients file, the
 * period's activity from every workspace folder whose repository holds the client's work, the
 * newest saved record (default period, carried-over items), a user template, the signature.
 * The CLI and the extension both call this; the composer itself stays pure.
 */
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { IsoDate, Language } from '../clients/model';
import { parseClients } from '../clients/parse';
import { readActivity } from '../git/activity';
import { boundaryNotice, withinBoundary } from '../git/boundary';
import { noticeOf, sameNotice, type Notice } from '../notices';
import type { WeekStart } from '../calendar';
import { currentUser } from '../git/facts';
import { readListedRepositories, reposBase, type ClientRepository } from '../git/repositories';
import type { ActivityItem, NoiseOptions, Period, RedactionOptions } from '../git/types';
import { readNewestRecord, updatesDir } from '../records/store';
import type { ParsedRecord } from '../records/types';
import { requireClient } from './compose';
import { lookbackPeriod } from './earlier';
import type { DraftInput } from './input';
import { defaultPeriod, type PeriodSource } from './period';
import type { Audience, Status } from '../model';

export { defaultPeriod, type PeriodSource };

export interface GatherOptions {
  /** Workspace folders (or repositories) to read commits from; a client may span several. */
  roots: string[];
  /** The text of `.project/clients.md`. */
  clientsText: string;
  /** The `.project` folder: records in `updates/`, templates in `templates/`. */
  projectDir: string;
  client: string;
  /** Undefined: since the last saved record, else this week. */
  period?: Period;
  today: IsoDate;
  weekStart: WeekStart;
  audience: Audience;
  /** Else the client's `Language:`, else `fallbackLanguage`, else `en`. */
  language?: Language;
  fallbackLanguage?: Language;
  /** The configured signature; empty or undefined: the client's Owner, else git `user.name`. */
  signature?: string;
  statusOverride?: Status;
  droppedLineIds?: string[];
  /** Ids of lines left out by default that the lead put back (see DraftInput). */
  keptLineIds?: string[];
  footnotes?: boolean;
  proposedDates?: Record<string, IsoDate>;
  noise?: Partial<NoiseOptions>;
  redaction?: Partial<RedactionOptions>;
  /**
   * Read the repositories the client's `Repos:` lists (default true when `roots` is not empty:
   * no history is read without roots, as in Restricted Mode).
   */
  listedRepos?: boolean;
  /** More repositories of this client for this run only (the CLI's `--repo DIR`): absolute folders, all of each is the client's. */
  extraRepos?: string[];
}

export interface GatheredDraft {
  input: DraftInput;
  /** Where the period came from. */
  periodSource: PeriodSource;
  /** Top levels of the repositories read (each once). */
  repositories: string[];
  /** False when no repository's history was read (no roots, as in Restricted Mode): the draft claims nothing about commits. */
  historyRead: boolean;
  /** Facts worth telling the user (shallow clone, folder that is not a repository…); each front words them. */
  warnings: Notice[];
  /** The record the period and the carried-over items came from. */
  lastRecord?: ParsedRecord;
  /** Absolute path of the user template used, if any. */
  templateFile?: string;
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

/** `.project/templates/<update|internal>.<lang>.mustache`, else `<update|internal>.mustache`. */
export async function findTemplate(projectDir: string, audience: Audience, language: Language): Promise<{ file: string; text: string } | undefined> {
  const base = audience === 'internal' ? 'internal' : 'update';
  for (const name of [`${base}.${language}.mustache`, `${base}.mustache`]) {
    const file = path.join(projectDir, 'templates', name);
    const text = await readIfExists(file);
    if (text !== undefined) return { file, text };
  }
  return undefined;
}

export async function gatherDraftInput(options: GatherOptions): Promise<GatheredDraft> {
  const file = parseClients(options.clientsText);
  const client = requireClient(file.clients, options.client);
  const language = options.language ?? client.language ?? options.fallbackLanguage ?? 'en';
  const warnings: Notice[] = [];

  const lastRecord = await readNewestRecord(updatesDir(options.projectDir), client.name);
  const { period, source } = options.period ? { period: options.period, source: 'given' as const } : defaultPeriod(lastRecord, options.today, options.weekStart);

  const allowedEmails = [...client.contacts.map((c) => c.email).filter((e): e is string => e !== undefined), ...client.cc];
  const redaction: Partial<RedactionOptions> = { ...options.redaction, allowedEmails: [...(options.redaction?.allowedEmails ?? []), ...allowedEmails] };
  const repositories: string[] = [];
  const items: ActivityItem[] = [];
  const seen = new Set<string>();
  // Each repository's bounded request, to read the lookback window the same way.
  const requests: Array<Parameters<typeof readActivity>[0]> = [];
  for (const root of options.roots) {
    let activity;
    let request;
    try {
      // The clients file's folder is the boundary: below a repository's top level, only its commits.
      const bounded = await withinBoundary({ cwd: root, period, noise: options.noise, redaction }, path.dirname(options.projectDir));
      if (bounded.boundary) {
        const warning = boundaryNotice(bounded.boundary);
        if (!warnings.some((w) => sameNotice(w, warning))) warnings.push(warning);
      }
      if (!bounded.request) continue;
      request = bounded.request;
      activity = await readActivity(request, file);
    } catch (e) {
      // One folder that is not a repository must not hide the others; with a single root, fail.
      if (options.roots.length === 1) throw e;
      warnings.push({ code: 'reading.repository-failed', root, cause: noticeOf(e) });
      continue;
    }
    if (repositories.includes(activity.root)) continue;
    repositories.push(activity.root);
    requests.push(request);
    warnings.push(...activity.warnings);
    for (const item of activity.items) {
      if (!item.clients.includes(client.name) || seen.has(item.commit.hash)) continue;
      seen.add(item.commit.hash);
      items.push(item);
    }
  }

  if (options.roots.length > 0 && options.listedRepos !== false) {
    const extra: ClientRepository[] = (options.extraRepos ?? []).map((dir) => ({ client: client.name, dir: path.resolve(dir), ref: { path: dir, paths: [], span: client.headingSpan } }));
    if (client.repos.length > 0 || extra.length > 0) {
      const listed = await readListedRepositories(file, reposBase(options.projectDir), { period, ...(options.noise ? { noise: options.noise } : {}), redaction }, { clients: [client.name], extra, skipRoots: repositories });
      for (const w of listed.warnings) if (!warnings.some((x) => sameNotice(x, w))) warnings.push(w);
      for (const root of listed.roots) if (!repositories.includes(root)) repositories.push(root);
      for (const item of listed.items) {
        if (!item.clients.includes(client.name) || seen.has(item.commit.hash)) continue;
        seen.add(item.commit.hash);
        items.push(item);
      }
      // Newest first across repositories, as one repository's log is.
      items.sort((a, b) => Date.parse(b.commit.authorDate) - Date.parse(a.commit.authorDate));
    }
  }

  // An open commitment past its due date: its work may have landed before the period, and the
  // draft must not say it was missed (earlier.ts). Read only then, from the same repositories.
  const lookback = lookbackPeriod(client, period, options.today);
  const earlier: ActivityItem[] = [];
  if (lookback) {
    // A repository whose earlier history cannot be read gives no earlier evidence; the period's read stands.
    const read = await Promise.all(requests.map((r) => readActivity({ ...r, period: lookback }, file).catch(() => undefined)));
    for (const activity of read) for (const item of activity?.items ?? []) {
      if (item.clients.includes(client.name) && !seen.has(item.commit.hash)) earlier.push(item);
    }
  }

  // The e-mail is from the client's Owner, so it is signed with the Owner's name; git's user.name
  // (whoever runs the command) only when the client has no Owner.
  let signature = options.signature?.trim() || client.owner?.name?.trim() || '';
  if (!signature) {
    for (const root of repositories.length ? repositories : options.roots) {
      const user = await currentUser(root).catch(() => ({ name: undefined }));
      if (user.name?.trim()) {
        signature = user.name.trim();
        break;
      }
    }
  }

  const template = await findTemplate(options.projectDir, options.audience, language);
  const input: DraftInput = {
    file,
    client: client.name,
    items,
    ...(earlier.length ? { earlier } : {}),
    historyRead: repositories.length > 0,
    today: options.today,
    period,
    audience: options.audience,
    language,
    signature,
    ...(lastRecord ? { lastRecord } : {}),
    ...(options.statusOverride ? { statusOverride: options.statusOverride } : {}),
    ...(options.droppedLineIds ? { droppedLineIds: options.droppedLineIds } : {}),
    ...(options.keptLineIds ? { keptLineIds: options.keptLineIds } : {}),
    ...(options.footnotes ? { footnotes: true } : {}),
    ...(options.proposedDates ? { proposedDates: options.proposedDates } : {}),
    redaction,
    ...(template ? { template: template.text, templateName: path.relative(path.dirname(options.projectDir), template.file) || template.file } : {}),
  };
  return { input, periodSource: source, repositories, historyRead: repositories.length > 0, warnings, ...(lastRecord ? { lastRecord } : {}), ...(template ? { templateFile: template.file } : {}) };
}
