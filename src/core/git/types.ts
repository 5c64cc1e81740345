/**
 * The contract between git reading (src/core/git) and its consumers (drafts, handover, CLI, sidebar).
 * Everything here is plain data.
 */
import type { Period } from '../model';
import type { ReadingNotice } from '../notices';

export type { Period };

export interface Trailer {
  key: string;
  value: string;
}

export interface FileStat {
  path: string;
  /** null for binary files. */
  added: number | null;
  deleted: number | null;
}

export interface Commit {
  hash: string;
  parents: string[];
  /** After `.mailmap`. */
  authorName: string;
  authorEmail: string;
  /** Strict ISO 8601 with the author's offset, e.g. `2026-11-20T16:04:05+08:00`. */
  authorDate: string;
  /**
   * When the commit entered this history (committer date, Unix seconds): what git's `--since`
   * and `--until` compare, so a period's commits are the same whichever reader filters them.
   * Absent on hand-built commits; `inPeriod` then uses the author's day.
   */
  committedAt?: number;
  subject: string;
  /** The first line of the subject paragraph, set only when that paragraph is soft-wrapped over several lines (the client line uses it). */
  subjectLine?: string;
  body: string;
  trailers: Trailer[];
  /** Paths changed, relative to the repository root (first parent for merges). */
  files: string[];
  /** Present only when numstat was requested. */
  numstat?: FileStat[];
  /** Tags pointing at this commit (from the log's decoration), when there are any. */
  tags?: string[];
}

export type CommitKind = 'feature' | 'fix' | 'perf' | 'docs' | 'revert' | 'other';

/** `branch`: a commit of a pull request's branch; the pull request's own item stands for it. */
export type HiddenReason =
  | 'merge'
  | 'bot'
  | 'type'
  | 'reverted'
  | 'ignored-rev'
  | 'pattern'
  | 'branch'
  | 'tests-only'
  | 'ci-only'
  | 'tooling'
  | 'shared';

/** The pull request a commit landed (a merge or squash commit; see pullRequests.ts). */
export interface PullRequestInfo {
  number: number;
  /** As written by the team (internal: may hold detail a client must not read; `clientText` is the client's wording). */
  title: string;
  platform: 'github' | 'gitlab' | 'gitee' | 'azure' | 'bitbucket' | 'squash';
}

/** One package of a release of several (changesets' `Version Packages`). */
export interface ReleasedPackage {
  /** As published: `@northwind/ui`. */
  name: string;
  version: string;
  /** The clients whose `Paths:` hold the package's folder, when its folder is among the commit's files. */
  clients?: string[];
}

/** A version shipped by a commit (see release.ts). */
export interface ReleaseInfo {
  /** Without a leading `v`: `5.0.1`, `2.4.0-rc.1`. */
  version: string;
  /** The commit's own message is the release (`chore(release): 5.0.1`): the release line stands for it. False when only a tag marks it. */
  commit: boolean;
  /**
   * Set for a release of several packages, each with its own version (changesets' `Version
   * Packages`; `version` is then the first one's, `''` when the body lists none).
   */
  packages?: ReleasedPackage[];
}

export interface ActivityItem {
  commit: Commit;
  /** The repository of the commit as the client's `Repos:` names it (`../api-server`); absent for the home repository. */
  repository?: string;
  /** Names of the clients this commit belongs to (routing by Paths and Tag). */
  clients: string[];
  /**
   * Ids of the commitments this commit is evidence for (see link.ts). A pull request's item holds
   * those of its branch commits too.
   */
  commitmentIds: string[];
  /** Set when this commit landed a pull request: the item stands for the whole pull request, worded from its title. */
  pullRequest?: PullRequestInfo;
  /** Branch commits of this pull request's merge, within the period (hidden as `branch`), newest first. */
  branch?: string[];
  /** For a branch commit: the hash of the merge that landed its pull request. */
  partOf?: string;
  kind: CommitKind;
  /** Conventional-commit type and scope, when the subject follows the convention. */
  type?: string;
  scope?: string;
  breaking: boolean;
  /**
   * For a breaking change: what the client must know, reworded and redacted like `clientText`
   * (the footer's explanation, else the description of a `type!:` subject).
   */
  breakingNote?: string;
  /** Set when this commit ships a version (a release commit, a version bump or a version tag on it). */
  release?: ReleaseInfo;
  /** Reworded for a reader outside the team, redacted. */
  clientText: string;
  /** The subject as written, with secrets redacted but ticket keys and detail kept. */
  internalText: string;
  /** Set when the item is noise for a client by default; the item is kept so a user can restore it. */
  hidden?: HiddenReason;
  /**
   * Set when the commit touched only files that equally specific `Paths:` of several clients match
   * and is evidence for none of their commitments: `clients` are those clients, and it is hidden
   * from them as `shared` (see route.ts).
   */
  sharedBy?: string[];
  /**
   * Hash of an earlier visible item whose client line this one nearly repeats; both then carry the
   * same `clientText`, so a composer that merges equal lines shows one.
   */
  duplicateOf?: string;
}

export interface NoiseOptions {
  hideMerges: boolean;
  /** Substrings (case-insensitive) of author names or e-mails that mark bots. */
  botAuthors: string[];
  /** Conventional types hidden from clients. */
  hiddenTypes: string[];
  hideReverted: boolean;
  useBlameIgnoreRevs: boolean;
  /** Regular expressions (source strings, case-insensitive) on the subject; matches are hidden as `pattern`. */
  hidePatterns?: string[];
  /** Hide commits whose every file is a test, CI configuration, lockfile or tooling file (default true). */
  hideByFiles?: boolean;
  /** Extra globs (see file-noise.ts) for files a client never needs to hear about; hidden as `tooling`. */
  hideFilePatterns?: string[];
}

export interface RedactionOptions {
  /** Extra regular expressions (source strings) removed from client-facing text. */
  patterns: string[];
  /** Regular expression source for internal ticket keys; empty string disables. */
  ticketKeyPattern: string;
  /** E-mail addresses that may stay (the client's own contacts); every other address is redacted. */
  allowedEmails: string[];
}

export interface ActivityRequest {
  /** A folder inside the repository. */
  cwd: string;
  /** Local calendar days; a commit belongs to the day of its committer date (see period.ts). */
  period: Period;
  /** Case-insensitive substrings of the author's name or e-mail after `.mailmap`; any one matches. */
  authors?: string[];
  /** Literal paths (files or folders) relative to the repository's top level; commits touching any. */
  paths?: string[];
  numstat?: boolean;
  /** False: no file lists (`--no-patch`), for readers that need only messages (tooltips' links). */
  files?: boolean;
  /** At most this many commits, newest first (`--max-count`): a bound whatever the repository's size. */
  maxCount?: number;
  noise?: Partial<NoiseOptions>;
  redaction?: Partial<RedactionOptions>;
}

export interface Activity {
  /** Absolute path of the repository's top level. */
  root: string;
  items: ActivityItem[];
  /** Facts worth telling the user (a shallow clone's cut, a detached HEAD …); each front words them. */
  warnings: ReadingNotice[];
}

/** Errors from git reading carry a stable code and an actionable message. */
export type GitErrorCode =
  | 'git-not-found'
  | 'not-a-repository'
  | 'empty-repository'
  | 'unsafe-directory'
  | 'git-failed';
