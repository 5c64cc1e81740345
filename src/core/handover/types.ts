/**
 * The contract of a handover: what `gatherHandoverInput` reads from clients.md and git, and what
 * `composeHandover` makes of it. Plain data, JSON-serialisable.
 */
import type { Client, IsoDate, Language, Person } from '../clients/model';
import type { StatusAssessment } from '../model';
import type { BranchInfo } from '../git/run';
import type { ActivityItem, Period } from '../git/types';
import type { Notice } from '../notices';

/** The person who leaves, with every name and e-mail they commit under. */
export interface DepartingPerson {
  name: string;
  email?: string;
  /** Lower-cased names and e-mails that identify this person in commits and `@handles`. */
  aliases: string[];
}

/** A branch whose commits are not in the default branch yet (as `unmergedBranches` reads it). */
export type UnmergedBranch = BranchInfo;

/** One repository's history for the window. */
export interface RepositoryHistory {
  /** Absolute path of the repository's top level. */
  root: string;
  /** Short display name (the folder name). */
  name: string;
  /** Every commit of the window by every author, with numstat; routed to clients. */
  items: ActivityItem[];
  /** The branch unmerged work is measured against, e.g. `main`. */
  base?: string;
  branches: UnmergedBranch[];
}

export interface HandoverInput {
  today: IsoDate;
  /** The look-back window (default: 90 days up to today). */
  period: Period;
  /** Language of the document frame; each client's part is in the client's own language. */
  language: Language;
  from: DepartingPerson;
  to?: Person;
  /** The clients to hand over, in file order. */
  clients: Client[];
  /** Every client of the file (also those not handed over), to tell which work no client claims. */
  allClients?: Client[];
  repositories: RepositoryHistory[];
  /**
   * False when no git history was read (Restricted Mode, no repository): the document then says
   * "not known" where it would count commits, code areas or branches. Absent: read.
   */
  historyRead?: boolean;
  /** Date the last update was sent, by client name (from the records); absent when unknown. */
  lastUpdateSent: Record<string, IsoDate>;
  /**
   * Status by client name, when the caller already has one (e.g. chosen by hand in the panel);
   * otherwise the draft status rules compute it.
   */
  status?: Record<string, StatusAssessment>;
  /** Facts worth telling (shallow clone, missing records, …); each front words them. */
  warnings: Notice[];
}

/** A directory (or file) of the code, with how much the departing person changed there. */
export interface CodeArea {
  /** Repository-relative directory ending in `/`, or a single file path. */
  path: string;
  /** Display name of the repository, when there are several. */
  repository?: string;
  /** Lines added + deleted by the departing person (binary changes count 1). */
  changes: number;
  commits: number;
  /** The files with the most changes, most first (at most 3). */
  topFiles: string[];
  /** Other people who changed the same area in the window, most commits first. */
  others: AreaExpert[];
  /** Date of the departing person's last change here. */
  lastChange: IsoDate;
}

export interface AreaExpert {
  name: string;
  email: string;
  commits: number;
  lastChange: IsoDate;
}

export type Lead = {
  kind: 'successor' | 'interim' | 'owner' | 'placeholder';
  person?: Person;
};

/** The part of the handover for one client, already localised. */
export interface ClientHandover {
  client: string;
  language: Language;
  /** How the departing person relates to this client: `owner`, `backup`, `contributor`, `none`. */
  role: 'owner' | 'backup' | 'contributor' | 'none';
  lead: Lead;
  openCommitments: number;
  overdue: number;
  /** Open commitments whose `@owner` is the departing person. */
  ownedByDeparting: number;
  areas: CodeArea[];
  branches: UnmergedBranch[];
  /** Absent when the leaver has no part in this client's work (no role, commits, promises, branches). */
  letter?: { to: Person[]; cc: string[]; subject: string; body: string };
  /** Empty when there is nothing to hand over. */
  checklist: string[];
  /** This client's whole part as markdown (starts with a level-2 heading). */
  markdown: string;
}

export interface HandoverDocument {
  title: string;
  language: Language;
  today: IsoDate;
  period: Period;
  from: Person;
  to?: Person;
  clients: ClientHandover[];
  /** Code areas and branches of the departing person that belong to no selected client. */
  unassignedAreas: CodeArea[];
  unassignedBranches: UnmergedBranch[];
  warnings: Notice[];
  /** The whole document. */
  markdown: string;
}
