/**
 * `gatherHandoverInput`: the I/O half of a handover. Reads the window's history once per repository
 * (one `git log` with numstat, all authors) and the unmerged branches (one listing plus, when there
 * are any, one log of their commits), and combines them with clients.md and the saved records.
 */
import * as path from 'node:path';
import type { Client, Diagnostic, IsoDate, Language, Person } from '../clients/model';
import { addDays, dateFault, dateNotice } from '../calendar';
import { parseClients } from '../clients/parse';
import { findClient } from '../clients/queries';
import type { Activity, ActivityRequest, NoiseOptions, RedactionOptions } from '../git/types';
import { boundaryNotice, withinBoundary } from '../git/boundary';
import { allRepositories, checkRepositories, mapLimit, repositoryClients, reposBase, type CheckedRepository } from '../git/repositories';
import { NoticeError, noticeOf, sameNotice, type DraftNotice, type HandoverNotice, type Notice, type TextNotice } from '../notices';
import { lastSentDate, updatesDir } from '../records/store';
import { resolveDeparting, sameHandle } from './person';
import type { HandoverInput, RepositoryHistory, UnmergedBranch } from './types';
import { brandClass } from '../brand';

/** The git reading a handover needs; `gitSource.ts` provides the real one. */
export interface HandoverGit {
  readActivity(request: ActivityRequest, clients: Client[]): Promise<Activity>;
  /**
   * Branches not merged into the default branch whose tip was committed on or after `since` (work
   * in the handover window), with their commits' authors and files.
   */
  unmergedBranches(cwd: string, since: IsoDate): Promise<{ base: string; branches: UnmergedBranch[]; warnings: Notice[] }>;
}

export const DEFAULT_WINDOW_DAYS = 90;

export interface GatherOptions {
  /**
   * Folders inside the repositories to read (workspace folders); each repository is read once.
   * Empty in Restricted Mode: the handover then comes from clients.md alone.
   */
  roots: string[];
  /** The text of clients.md. */
  clientsText: string;
  /** The departing person: a name or an e-mail, as the user typed it. */
  from: string;
  to?: Person;
  /** Client names to hand over (case-insensitive); all when absent or empty. */
  clients?: string[];
  /** First day of the window; default: 90 days up to today. */
  since?: IsoDate;
  today: IsoDate;
  language: Language;
  /** The `.project` folder: its saved update records tell when each client last heard from us. */
  projectDir?: string;
  noise?: Partial<NoiseOptions>;
  redaction?: Partial<RedactionOptions>;
  git: HandoverGit;
}

/** A mistake in what the user asked for (unknown client, window in the future): the notice says which. */
export class HandoverError extends NoticeError<HandoverNotice | DraftNotice | TextNotice> {
  override readonly name = 'HandoverError';
}
brandClass(HandoverError, 'HandoverError');

/** `2026-08-25` or `90d` → the first day of the window. */
export function parseSince(text: string, today: IsoDate): IsoDate {
  const t = text.trim();
  const days = /^(\d{1,4})d$/u.exec(t);
  if (days) {
    const n = Number(days[1]);
    if (n < 1) throw new HandoverError({ code: 'handover.window-too-short', text });
    return addDays(today, -(n - 1));
  }
  if (dateFault(t)?.code === 'format') {
    throw new HandoverError({ code: 'handover.bad-since', text });
  }
  const problem = dateNotice(t);
  if (problem) throw new HandoverError({ code: 'handover.since-not-a-date', text: t, problem });
  if (t > today) throw new HandoverError({ code: 'handover.since-after-today', since: t, today });
  return t;
}

/** The clients named (case-insensitively), in file order; throws with the known names otherwise. */
export function selectClients(all: Client[], names: string[] | undefined): Client[] {
  if (!names || names.length === 0) return all;
  // A name, case-insensitive, or a unique start of one (as everywhere else).
  const found = names.map((n) => ({ n, client: findClient({ clients: all }, n) }));
  const unknown = found.filter((f) => !f.client).map((f) => f.n.trim().toLowerCase());
  if (unknown.length > 0) {
    if (all.length === 0) throw new HandoverError({ code: 'clients.none' });
    throw new HandoverError({ code: 'handover.unknown-clients', names: unknown.map((u) => JSON.stringify(u)), known: all.map((c) => c.name) });
  }
  const chosen = new Set(found.map((f) => f.client));
  return all.filter((c) => chosen.has(c));
}

function basename(p: string): string {
  const parts = p.split(/[\\/]/u).filter(Boolean);
  return parts[parts.length - 1] ?? p;
}

async function lastSentByClient(projectDir: string | undefined, clients: Client[]): Promise<Record<string, IsoDate>> {
  const out: Record<string, IsoDate> = {};
  if (!projectDir) return out;
  const dir = updatesDir(projectDir);
  for (const c of clients) {
    const sent = await lastSentDate(dir, c.name);
    if (sent) out[c.name] = sent;
  }
  return out;
}

export async function gatherHandoverInput(o: GatherOptions): Promise<HandoverInput> {
  const file = parseClients(o.clientsText);
  const clients = selectClients(file.clients, o.clients);
  const since = o.since ?? addDays(o.today, -(DEFAULT_WINDOW_DAYS - 1));
  const period = { since, until: o.today };
  const warnings: Notice[] = [];
  const errors = file.diagnostics.filter((d: Diagnostic) => d.severity === 'error').length;
  if (errors > 0) warnings.push({ code: 'handover.clients-file-errors', count: errors });
  const seen = new Set<string>();
  const repositories: RepositoryHistory[] = [];
  for (const root of o.roots) {
    // The clients file's folder is the boundary: below a repository's top level, only its commits.
    const bounded = await withinBoundary(
      {
        cwd: root,
        period,
        numstat: true,
        ...(o.noise ? { noise: o.noise } : {}),
        ...(o.redaction ? { redaction: o.redaction } : {}),
      },
      o.projectDir === undefined ? undefined : path.dirname(o.projectDir),
    );
    if (bounded.boundary) {
      const warning = boundaryNotice(bounded.boundary);
      if (!warnings.some((w) => sameNotice(w, warning))) warnings.push(warning);
    }
    if (!bounded.request) continue;
    const [activity, branches] = await Promise.all([
      o.git.readActivity(bounded.request, file.clients),
      o.git.unmergedBranches(root, since),
    ]);
    if (seen.has(activity.root)) continue;
    seen.add(activity.root);
    warnings.push(...activity.warnings, ...branches.warnings);
    repositories.push({ root: activity.root, name: basename(activity.root), items: activity.items, base: branches.base, branches: branches.branches });
  }

  // The repositories the handed-over clients list in Repos:, each once, a few at a time; one that
  // cannot be read is a warning and the others are still read.
  if (o.roots.length > 0 && o.projectDir !== undefined) {
    const names = new Set(clients.map((c) => c.name));
    const listed = allRepositories(file, reposBase(o.projectDir));
    const used = listed.filter((r) => listed.some((x) => x.dir === r.dir && names.has(x.client)));
    const checked = await checkRepositories(used);
    for (const c of checked) if (c.problem && names.has(c.client) && !warnings.some((w) => sameNotice(w, c.problem!))) warnings.push(c.problem);
    const byRoot = new Map<string, CheckedRepository[]>();
    for (const c of checked) if (c.root !== undefined && !seen.has(c.root)) byRoot.set(c.root, [...(byRoot.get(c.root) ?? []), c]);
    const read = await mapLimit([...byRoot.entries()], 4, async ([root, entries]) => {
      const request: ActivityRequest = { cwd: root, period, numstat: true, ...(o.noise ? { noise: o.noise } : {}), ...(o.redaction ? { redaction: o.redaction } : {}) };
      try {
        const [activity, branches] = await Promise.all([o.git.readActivity(request, repositoryClients(file, entries).clients), o.git.unmergedBranches(root, since)]);
        for (const item of activity.items) item.repository = entries[0].ref.path;
        return { root, activity, branches };
      } catch (e) {
        return { root, failed: { code: 'repos.failed' as const, client: entries[0].client, repo: entries[0].ref.path, cause: noticeOf(e) } };
      }
    });
    for (const r of read) {
      if ('failed' in r) {
        if (r.failed) warnings.push(r.failed);
        continue;
      }
      seen.add(r.activity.root);
      warnings.push(...r.activity.warnings, ...r.branches.warnings);
      repositories.push({ root: r.activity.root, name: basename(r.activity.root), items: r.activity.items, base: r.branches.base, branches: r.branches.branches });
    }
  }

  // Who leaves: match what was typed against every identity in the window and in clients.md.
  const people: Person[] = [];
  for (const r of repositories) for (const i of r.items) people.push({ name: i.commit.authorName, email: i.commit.authorEmail });
  for (const r of repositories) for (const b of r.branches) people.push({ name: b.lastAuthorName, email: b.lastAuthorEmail });
  for (const c of file.clients) for (const p of [c.owner, c.backup]) if (p) people.push(p);
  const from = resolveDeparting(o.from, people);
  const known = people.some(
    (p) => (from.email && p.email?.toLowerCase() === from.email.toLowerCase()) || p.name.toLowerCase() === from.name.toLowerCase(),
  );
  if (!known) {
    const several = sameHandle(o.from, people);
    if (several.length > 1) throw new HandoverError({ code: 'handover.ambiguous-person', from: o.from, candidates: several });
    const names = [...new Set(people.filter((p) => !/\[bot\]|^bot$/iu.test(p.name)).map((p) => p.name))].sort().slice(0, 12);
    throw new HandoverError({ code: 'handover.unknown-person', from: o.from, since, today: o.today, people: names });
  }
  if (o.to && from.aliases.includes((o.to.email ?? o.to.name).toLowerCase())) {
    throw new HandoverError({ code: 'handover.successor-is-leaving', name: o.to.name });
  }
  return {
    today: o.today,
    period,
    language: o.language,
    from,
    ...(o.to ? { to: o.to } : {}),
    clients,
    allClients: file.clients,
    repositories,
    historyRead: repositories.length > 0,
    lastUpdateSent: await lastSentByClient(o.projectDir, clients),
    warnings,
  };
}
