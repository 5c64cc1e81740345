/**
 * Reading a period's commits (`readCommits`) and turning them into client-ready activity
 * (`readActivity`): routing, linking, conventional parsing, noise, rewording, redaction.
 *
 * One `git log` per request (run next to `git rev-parse` and `git config` for the repository facts
 * the first time a folder is read; see facts.ts). The log
 * is parsed record by record as it streams; memory grows with the commits of the period, never
 * with the size of the repository.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Client, ClientsFile } from '../clients/model';
import { kindOf, noiseTypeOf, parseConventional } from './conventional';
import { makeLinker } from './link';
import { LogParser } from './log-format';
import { logArgs } from './log-args';

export { logArgs };
import { compilePatterns, isBotAuthor, noiseOptions, noiseReason, readIgnoreRevs, revertedPairs, type NoiseContext } from './noise';
import { customPeriod } from '../calendar';
import { makeRedactor } from './redact';
import { capitalise, clearest, findDuplicates, rewordForClient } from './reword';
import { changesetsRelease, plainPackageName, releaseOf } from './release';
import { makeRouter } from './route';
import { branchCommits, recognisePullRequest } from './pullRequests';
import { repoFacts } from './facts';
import { GitError, streamGit, type RepoInfo, type RunOptions } from './run';
import type { Activity, ActivityItem, ActivityRequest, Commit, CommitKind, NoiseOptions } from './types';
import type { ReadingNotice } from '../notices';

/** What `readCommits` learnt about the repository besides the commits. */
export interface CommitsResult {
  info: RepoInfo;
  /** `blame.ignoreRevsFile` of the repository, when configured. */
  ignoreRevsFile?: string;
  /** Facts worth telling the user (shallow clone, detached HEAD, …). */
  warnings: ReadingNotice[];
  /** Number of commits passed to `onCommit`. */
  count: number;
}

function authorFilter(authors: readonly string[] | undefined): ((c: Commit) => boolean) | undefined {
  const wanted = (authors ?? []).map((a) => a.trim().toLowerCase()).filter((a) => a !== '');
  if (wanted.length === 0) return undefined;
  // Matched after `.mailmap`, as a case-insensitive substring of the name or e-mail: never a git option, never a regex.
  return (c) => {
    const name = c.authorName.toLowerCase();
    const email = c.authorEmail.toLowerCase();
    return wanted.some((w) => name.includes(w) || email.includes(w));
  };
}

/**
 * Streams the commits of `request.period` (newest first) to `onCommit`. Throws `GitError` for
 * git missing, not a repository, an empty repository (`empty-repository`), `safe.directory`
 * refusals and other failures.
 */
export async function readCommits(request: ActivityRequest, onCommit: (commit: Commit) => void, options: RunOptions = {}): Promise<CommitsResult> {
  customPeriod(request.period.since, request.period.until);
  if (!directoryExists(request.cwd)) throw new GitError('not-a-repository', { code: 'git.folder-not-found', cwd: request.cwd });
  const args = logArgs(request);
  const keep = authorFilter(request.authors);
  let count = 0;
  // Commits without parents: roots, or (in a shallow clone) the boundary where history was cut.
  const parentless: Array<{ hash: string; date: string }> = [];
  const parser = new LogParser(request.numstat === true, (c) => {
    if (c.parents.length === 0) parentless.push({ hash: c.hash, date: c.authorDate });
    if (keep && !keep(c)) return;
    count++;
    onCommit(c);
  });
  const [logResult, factsResult] = await Promise.allSettled([
    streamGit(request.cwd, args, (chunk) => parser.push(chunk), options).then(() => parser.end()),
    repoFacts(request.cwd, options),
  ]);
  if (factsResult.status === 'rejected') throw factsResult.reason;
  if (logResult.status === 'rejected') throw logResult.reason;
  const { info, ignoreRevsFile } = factsResult.value;
  return { info, ignoreRevsFile, warnings: repositoryWarnings(info, parentless, count), count };
}

/**
 * Shallow clones are reported only when the cut can matter: its boundary commit is inside the
 * period (history before it is missing), or the period came out empty (it may lie before the cut).
 */
function repositoryWarnings(info: RepoInfo, parentless: Array<{ hash: string; date: string }>, count: number): ReadingNotice[] {
  const warnings: ReadingNotice[] = [];
  if (info.shallow) {
    const boundary = new Set((readSmallFile(path.join(info.commonDir, 'shallow')) ?? '').split(/\s+/u).filter(Boolean));
    const cut = parentless.filter((c) => boundary.has(c.hash)).map((c) => c.date.slice(0, 10)).sort()[0];
    if (cut !== undefined) {
      warnings.push({ code: 'reading.shallow-cut', cut });
    } else if (count === 0) {
      warnings.push({ code: 'reading.shallow-period' });
    }
  }
  const head = readSmallFile(path.join(info.gitDir, 'HEAD'));
  if (head !== undefined && !head.startsWith('ref:')) {
    warnings.push({ code: 'reading.detached-head', commit: head.trim().slice(0, 12) });
  }
  return warnings;
}

/** The clients of a file or a list of clients. */
function asClientsFile(clients: ClientsFile | readonly Client[] | undefined): ClientsFile | undefined {
  if (clients === undefined) return undefined;
  if (Array.isArray(clients)) return { clients: clients as Client[], diagnostics: [], eol: '\n', hasBom: false };
  return clients as ClientsFile;
}

/**
 * The activity of a period: every commit, routed to clients, linked to commitments, classified,
 * reworded and redacted; noise kept with `hidden` set. An empty repository gives no items and
 * a warning (not an error). `clients` may be a parsed file or its `clients` array.
 */
export async function readActivity(request: ActivityRequest, clients?: ClientsFile | readonly Client[], options: RunOptions = {}): Promise<Activity> {
  const file = asClientsFile(clients);
  // Validate user input before running git: a bad period or pattern is the user's to fix.
  customPeriod(request.period.since, request.period.until);
  const noise: NoiseOptions & { hidePatterns?: string[] } = noiseOptions(request.noise);
  const hidePatterns = compilePatterns(noise.hidePatterns, 'hide pattern');
  const redactor = makeRedactor(request.redaction);
  const router = makeRouter(file);
  const linker = makeLinker(file);
  const contactEmails = new Map<string, string[]>(
    (file?.clients ?? []).map((c) => [c.name, [...c.contacts.map((p) => p.email ?? ''), ...c.cc].filter(Boolean).map((e) => e.toLowerCase())]),
  );

  // Each commit is classified, routed, reworded and redacted as it arrives, while git is still
  // walking: on a machine with two or more cores that work hides behind git's own.
  const items: ActivityItem[] = [];
  const types: Array<string | undefined> = [];
  const toItem = (commit: Commit) => {
    // A pull request with a title is worded from its title (a merge's own subject says only how it landed).
    const pr = recognisePullRequest(commit);
    const titled = pr !== undefined && pr.title !== '';
    const words = titled ? pr.title : commit.subject;
    const conv = titled ? parseConventional(pr.title, commit.body, commit.trailers) : parseConventional(commit.subject, commit.body, commit.trailers);
    const commitmentIds = linker.link(commit, { pullRequest: pr ?? null, scope: conv.scope ?? null });
    const routed = router.routeWithReasons(commit, conv.scope);
    const owners = commitmentIds.map((id) => linker.clientOf(id));
    // A commit only in a package several clients share equally (and evidence for none of their
    // commitments) stays with all of them, hidden as `shared`: whose work it is is not known.
    const sharedBy = routed.shared && !owners.some((o) => o !== undefined) ? routed.shared : undefined;
    const clientsOf = sharedBy ?? withEvidence(routed.clients, routed.named, owners);
    // A soft-wrapped subject paragraph: the client reads its first line only.
    const clientDescription = titled || commit.subjectLine === undefined ? conv.description : parseConventional(commit.subjectLine).description;
    const allowed = clientsOf.length ? clientsOf.flatMap((c) => contactEmails.get(c) ?? []) : [];
    const item: ActivityItem = {
      commit,
      clients: clientsOf,
      commitmentIds,
      kind: kindOf(conv, words),
      breaking: conv.breaking,
      // Capitalised last: redaction may remove a leading ticket key.
      clientText: capitalise(redactor.client(rewordForClient(withoutControls(clientDescription)), allowed)),
      internalText: redactor.internal(withoutControls(titled && commit.parents.length > 1 ? `${pr.title} (${pr.sigil}${pr.number})` : commit.subject)),
    };
    const release = changesetsRelease(words, commit.body) ?? releaseOf(words, conv, commit.tags);
    // Each package of a multi-package release goes to the clients whose Paths hold its folder.
    for (const p of release?.packages ?? []) {
      const manifest = packageManifest(commit.files, p.name);
      if (!manifest) continue;
      const r = router.routeWithReasons({ ...commit, subject: '', body: '', trailers: [], files: [manifest] });
      p.clients = r.clients.length ? r.clients : r.shared ?? [];
    }
    if (release) item.release = release;
    // A release of several packages reaches every client of one of them (not only the owner of a file).
    const packageClients = [...new Set(release?.packages?.flatMap((p) => p.clients ?? []) ?? [])];
    if (packageClients.length) {
      item.clients = [...new Set([...item.clients, ...packageClients])];
    }
    if (conv.breaking) {
      const note = conv.breakingNote ? capitalise(redactor.client(rewordForClient(withoutControls(conv.breakingNote)), allowed)) : item.clientText;
      if (note) item.breakingNote = note;
    }
    if (sharedBy && packageClients.length === 0) item.sharedBy = sharedBy;
    if (titled) item.pullRequest = { number: pr.number, title: redactor.internal(withoutControls(pr.title)), platform: pr.platform };
    if (conv.type !== undefined) item.type = conv.type;
    if (conv.scope !== undefined) item.scope = conv.scope;
    items.push(item);
    // A plain housekeeping subject (代码格式化, remove dead code) is hidden like its conventional
    // type; work on the tests or CI (`Fix flaky test`, `fix(e2e): …`) as `test` or `ci`.
    types.push(noiseTypeOf(conv, words));
  };

  let result: CommitsResult;
  try {
    result = await readCommits(request, toItem, options);
  } catch (e) {
    if (e instanceof GitError && e.code === 'empty-repository') {
      const { info } = await repoFacts(request.cwd, options);
      return { root: info.root, items: [], warnings: [{ code: 'reading.no-commits' }] };
    }
    throw e;
  }

  // Noise needs the whole period (reverted pairs) and the repository's ignore-revs file.
  const ignoreRevs = noise.useBlameIgnoreRevs ? readIgnoreRevs(result.info.root, result.ignoreRevsFile) : [];
  const ctx: NoiseContext = {
    options: noise,
    reverted: noise.hideReverted ? revertedPairs(items.map((i) => i.commit)) : new Set(),
    ignoreRevs,
    patterns: hidePatterns,
  };
  const { members, partOf } = branchCommits(
    items.map((i) => i.commit),
    new Set(items.filter((i) => i.pullRequest && i.commit.parents.length > 1).map((i) => i.commit.hash)),
  );
  const byHash = new Map(items.map((i) => [i.commit.hash, i]));
  for (const [merge, hashes] of members) {
    const pr = byHash.get(merge)!;
    const branch = hashes.map((h) => byHash.get(h)!);
    pr.branch = hashes;
    // Every branch commit is evidence for what it links; the pull request's line stands for them all.
    for (const b of branch) {
      b.partOf = merge;
      for (const id of b.commitmentIds) if (!pr.commitmentIds.includes(id)) pr.commitmentIds.push(id);
    }
    const clientsOfPr = withEvidence(
      [...new Set([...pr.clients, ...branch.flatMap((b) => b.clients)])],
      pr.clients,
      pr.commitmentIds.map((id) => linker.clientOf(id)),
    );
    pr.clients = clientsOfPr;
    // Evidence on the branch says whose work the pull request is; a branch commit a client owns does too.
    if (pr.sharedBy && (pr.commitmentIds.length > 0 || branch.some((b) => !b.sharedBy && b.clients.length > 0))) {
      delete pr.sharedBy;
      const own = pr.commitmentIds.map((id) => linker.clientOf(id)).filter((o): o is string => o !== undefined);
      pr.clients = [...new Set(own.length ? own : branch.filter((b) => !b.sharedBy).flatMap((b) => b.clients))];
    }
    for (const b of branch) for (const c of clientsOfPr) if (!b.clients.includes(c)) b.clients.push(c);
    if (pr.kind === 'other' && pr.type === undefined) pr.kind = KIND_RANK.find((k) => branch.some((b) => b.kind === k)) ?? 'other';
    // Changesets' release pull request merged with a merge commit: the bot's branch commit lists the packages.
    const listed = branch.find((b) => b.release?.packages?.length);
    if (pr.release?.packages?.length === 0 && listed?.release) pr.release = listed.release;
    // A breaking change made on the branch ships with the pull request.
    const breakingBranch = branch.find((b) => b.breaking);
    if (!pr.breaking && breakingBranch) {
      pr.breaking = true;
      if (breakingBranch.breakingNote) pr.breakingNote = breakingBranch.breakingNote;
    }
  }
  items.forEach((item, k) => {
    if (partOf.has(item.commit.hash)) {
      item.hidden = 'branch';
      return;
    }
    // A titled pull request's merge is a line, not a hidden merge; the other noise rules still apply.
    const commit = item.pullRequest ? { ...item.commit, parents: item.commit.parents.slice(0, 1) } : item.commit;
    let hidden = noiseReason(commit, types[k], ctx);
    const branch = item.branch?.map((h) => byHash.get(h)!) ?? [];
    if (hidden === undefined && branch.length > 0 && branch.every((b) => isBotAuthor(b.commit.authorName, b.commit.authorEmail, noise.botAuthors))) hidden = 'bot';
    // Nothing left to tell a client once internal detail is removed (e.g. a subject that was only a ticket key).
    if (hidden === undefined && item.clientText === '') hidden = 'pattern';
    if (hidden === undefined && item.sharedBy) hidden = 'shared';
    // A release is told to the client as one line, even when a bot or a chore commit made it.
    if (hidden !== undefined && item.release?.commit && RELEASE_SHOWN_DESPITE.includes(hidden)) hidden = undefined;
    if (hidden !== undefined) item.hidden = hidden;
  });
  routeReleases(items);

  // Near-identical visible lines share one text, so they collapse into one line: the clearest of
  // them (the most content); `duplicateOf` names the oldest.
  const visible = items.filter((i) => i.hidden === undefined).reverse();
  const dup = findDuplicates(visible.map((i) => i.clientText));
  const groups = new Map<number, ActivityItem[]>();
  dup.forEach((j, k) => {
    if (j < 0) return;
    visible[k].duplicateOf = visible[j].commit.hash;
    const group = groups.get(j) ?? [visible[j]];
    group.push(visible[k]);
    groups.set(j, group);
  });
  for (const group of groups.values()) {
    const text = clearest(group.map((i) => i.clientText));
    for (const i of group) i.clientText = text;
  }

  return { root: result.info.root, items, warnings: result.warnings };
}

/** Noise reasons a release commit is shown despite (a user's pattern, a revert or an ignored revision still hide it). */
const RELEASE_SHOWN_DESPITE: readonly string[] = ['merge', 'bot', 'type', 'tests-only', 'ci-only', 'tooling', 'shared'];

/**
 * A release that no client's Paths or Tag route (it touched only the root package.json or the
 * changelog) ships the work before it: it goes to every client with a change shown in the period
 * on or before it. `items` are newest first.
 */
function routeReleases(items: ActivityItem[]): void {
  items.forEach((item, k) => {
    if (!item.release || item.clients.length > 0 || item.hidden === 'reverted') return;
    const clients = new Set<string>();
    for (const older of items.slice(k + 1)) if (older.hidden === undefined && !older.release) for (const c of older.clients) clients.add(c);
    item.clients = [...clients];
  });
}

/** The `package.json` (or `CHANGELOG.md`) among `files` of the folder named like package `name` (`packages/ui/` for `@northwind/ui`). */
function packageManifest(files: readonly string[], name: string): string | undefined {
  const folder = plainPackageName(name);
  return files.find((f) => {
    const parts = f.split('/');
    return parts.length >= 2 && parts[parts.length - 2] === folder && /^(?:package\.json|CHANGELOG\.md)$/u.test(parts[parts.length - 1]);
  });
}

/** The kinds a pull request without a conventional title takes from its branch, in this order. */
const KIND_RANK: CommitKind[] = ['feature', 'fix', 'perf', 'docs'];

/**
 * The clients of a commit: when it is evidence for commitments, the clients of those commitments
 * and the clients its message names (a shared path alone does not make another client's work
 * theirs); otherwise every routed client (paths already resolved to the most specific entry).
 */
function withEvidence(routed: readonly string[], named: readonly string[], owners: ReadonlyArray<string | undefined>): string[] {
  const own = owners.filter((o): o is string => o !== undefined);
  if (own.length === 0) return [...routed];
  const out = routed.filter((c) => own.includes(c) || named.includes(c));
  for (const o of own) if (!out.includes(o)) out.push(o);
  return out;
}

/**
 * Text without control characters (terminal escapes, NUL-adjacent bytes, bidi overrides): a
 * message may carry them to mislead a terminal or a reader; they never mean anything in an update.
 */
export function withoutControls(text: string): string {
  // \p{Cc}: U+0000–U+001F and U+007F–U+009F.
  return /[\p{Cc}\u202a-\u202e\u2066-\u2069]/u.test(text) ? text.replace(/[\p{Cc}\u202a-\u202e\u2066-\u2069]+/gu, ' ').replace(/ {2,}/gu, ' ').trim() : text;
}

function directoryExists(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function readSmallFile(p: string): string | undefined {
  try {
    return fs.readFileSync(p, 'utf8');
  } catch {
    return undefined;
  }
}
