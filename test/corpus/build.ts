/**
 * The quality corpus: one realistic repository per workflow shape (GitHub merge commits, squash
 * merges, GitLab, Gitee, Azure DevOps, a plain-Chinese history, strict conventional commits with
 * breaking changes, a monorepo with shared packages), each with its `.project/clients.md`.
 * Commit messages are written by hand, modelled on public histories (see docs/drafting.md,
 * "Quality corpus"). Every commit carries its ground truth (which client and commitment it is for,
 * whether it is noise, a release or a breaking change), so `npm run quality` can check drafts
 * against what really happened rather than against what the pipeline believes.
 *
 * `buildFixture(name, dir, today)` is the entry point for tests and the quality script.
 */
import * as fs from 'node:fs';
import { FIXTURES } from './fixtures';
import { Stream, shiftDay, type Person } from './stream';

export { shiftDay, type Person };

/** What a commit really is; the measure compares drafts with this. */
export interface Truth {
  /** Clients whose work this is (default: the clients of the commitments in `for`). */
  clients?: string[];
  /** Keys of the commitments this commit is evidence for. */
  for?: string[];
  /** Why a client should never see this commit on its own line. */
  noise?: 'tests' | 'ci' | 'lockfile' | 'deps' | 'fragment' | 'tooling' | 'release-bump' | 'merge';
  /** The version a release commit or tag ships (to be stated to the client). */
  release?: string;
  /** A breaking change (to be stated to the client): a few words of the explanation. */
  breaking?: string;
}

export interface CommitmentDef {
  /** Key used by commits' `for` (unique in the fixture). */
  key: string;
  title: string;
  /** Day offset from today. */
  due?: number;
  /** Day offset from today when ticked. */
  done?: number;
  /** Extra tokens written on the item: `#412`, `!57`, `PR 88`, `#checkout`. */
  refs?: string;
  owner: string;
}

export interface ClientDef {
  name: string;
  language: 'en' | 'zh-CN';
  /** Prose under the heading. */
  profile: string;
  contacts: string[];
  paths: string[];
  tags?: string[];
  owner: string;
  cadence?: string;
  commitments: CommitmentDef[];
  risks: string[];
  asks?: string[];
  notes?: string[];
}

export interface LandedCommit {
  day: number;
  time: string;
  author: Person;
  message: string;
  /** Paths changed; contents are generated. */
  files: string[];
  /** Exact contents for some of `files` (else generated). */
  content?: Record<string, string>;
  truth?: Truth;
}

export type LandingStyle = 'github-merge' | 'squash' | 'gitlab' | 'gitee' | 'azure' | 'rebase';

export interface PullRequest {
  style: LandingStyle;
  number: number;
  title: string;
  /** Extra body of the merge/squash commit (after the title). */
  body?: string;
  branch: string;
  /** Who merges (the committer of the merge; also the author for GitHub merges). */
  merger: Person;
  day: number;
  time: string;
  commits: LandedCommit[];
  /** Truth of the landing commit, also the default `for`/`clients` of the branch commits. */
  truth?: Truth;
}

export interface FixtureRepo {
  name: string;
  dir: string;
  today: string;
  clients: ClientDef[];
  /** Full hash → truth (every commit of the repository has an entry; `{}` when nothing is known). */
  truth: Map<string, Truth>;
  /** Commitment key → client name and title. */
  commitments: Map<string, { client: string; title: string }>;
  /** Tag name → full hash of the commit it points at. */
  tags: Map<string, string>;
}

/** What a fixture's definition can do. */
export class Builder {
  private readonly stream: Stream;
  private readonly truths = new Map<number, Truth>();
  private readonly tagMarks = new Map<string, number>();
  private counter = 0;
  private readonly org: string;

  constructor(readonly today: string, org: string) {
    this.stream = new Stream(today);
    this.org = org;
  }

  private contents(files: string[], subject: string): Record<string, string> {
    const out: Record<string, string> = {};
    for (const f of files) out[f] = `${++this.counter}: ${subject}\n`;
    return out;
  }

  /** A commit straight on main (or `ref`). Returns its mark. */
  direct(c: LandedCommit & { ref?: string; committer?: Person }): number {
    const mark = this.stream.commit({
      ref: c.ref ?? 'refs/heads/main',
      day: c.day,
      time: c.time,
      author: c.author,
      ...(c.committer ? { committer: c.committer } : {}),
      message: c.message,
      files: { ...this.contents(c.files, c.message.split('\n')[0]), ...c.content },
    });
    this.truths.set(mark, c.truth ?? {});
    return mark;
  }

  /** Lands a pull request in its style; returns the mark of the commit on main. */
  pr(p: PullRequest): number {
    const base = this.stream.tip('refs/heads/main');
    const inherited: Truth = { ...(p.truth?.clients ? { clients: p.truth.clients } : {}), ...(p.truth?.for ? { for: p.truth.for } : {}) };
    if (p.style === 'squash') {
      const bullets = p.commits.length > 1 ? `\n\n${p.commits.map((c) => `* ${c.message.split('\n')[0]}`).join('\n\n')}` : '';
      const files = [...new Set(p.commits.flatMap((c) => c.files))];
      const message = `${p.title} (#${p.number})${p.body ? `\n\n${p.body}` : ''}${bullets}\n`;
      const author = p.commits[0]?.author ?? p.merger;
      const mark = this.stream.commit({
        ref: 'refs/heads/main',
        day: p.day,
        time: p.time,
        author,
        committer: { name: 'GitHub', email: 'noreply@github.com', tz: '+0000' },
        message,
        files: this.contents(files, p.title),
      });
      this.truths.set(mark, p.truth ?? {});
      return mark;
    }
    const ref = `refs/pull/${p.number}/head`;
    const branchFiles: Record<string, string> = {};
    let tip: number | undefined;
    for (const [i, c] of p.commits.entries()) {
      const files = this.contents(c.files, c.message.split('\n')[0]);
      Object.assign(branchFiles, files);
      tip = this.stream.commit({
        ref,
        day: c.day,
        time: c.time,
        author: c.author,
        message: c.message,
        files,
        ...(i === 0 ? { from: base ?? null } : {}),
      });
      this.truths.set(tip, { ...inherited, ...c.truth });
    }
    if (p.style === 'rebase' || tip === undefined) throw new Error('corpus: a merged pull request needs branch commits');
    const message = this.mergeMessage(p);
    const mark = this.stream.commit({
      ref: 'refs/heads/main',
      day: p.day,
      time: p.time,
      author: p.merger,
      ...(p.style === 'github-merge' ? { committer: { name: 'GitHub', email: 'noreply@github.com', tz: '+0000' } } : {}),
      message,
      files: branchFiles,
      ...(base === undefined ? { from: null } : {}),
      merge: [tip],
    });
    this.truths.set(mark, p.truth ?? {});
    return mark;
  }

  private mergeMessage(p: PullRequest): string {
    const body = p.body ? `\n\n${p.body}` : '';
    const project = this.org;
    switch (p.style) {
      case 'github-merge':
        return `Merge pull request #${p.number} from ${project.split('/')[0]}/${p.branch}\n\n${p.title}${body}\n`;
      case 'gitlab':
        return `Merge branch '${p.branch}' into 'main'\n\n${p.title}${body}\n\nSee merge request ${project}!${p.number}\n`;
      case 'gitee':
        return `!${p.number} ${p.title}\nMerge pull request !${p.number} from ${p.merger.name}/${p.branch}${body}\n`;
      case 'azure':
        return `Merged PR ${p.number}: ${p.title}${body}\n`;
      default:
        throw new Error(`corpus: ${p.style} does not make a merge commit`);
    }
  }

  tag(name: string, mark: number, day: number, tagger: Person, message = name): void {
    this.stream.tag({ name, mark, day, time: '18:00', tagger, message: `${message}\n` });
    this.tagMarks.set(name, mark);
  }

  /** Writes the repository into `dir`. */
  write(dir: string): { truth: Map<string, Truth>; tags: Map<string, string> } {
    const marks = this.stream.write(dir);
    const truth = new Map<string, Truth>();
    for (const [mark, t] of this.truths) truth.set(marks.get(mark) ?? '', t);
    const tags = new Map<string, string>();
    for (const [name, mark] of this.tagMarks) tags.set(name, marks.get(mark) ?? '');
    return { truth, tags };
  }
}

export interface FixtureDef {
  name: string;
  /** One sentence: what shape of history this is, and the real projects it is modelled on. */
  shape: string;
  /** `group/project` or `org/repo`, used in merge messages. */
  project: string;
  clients: ClientDef[];
  /** Adds the history (oldest first). */
  history(b: Builder): void;
}

/** Renders the clients file of a fixture (dates relative to today). */
export function renderClientsFile(clients: ClientDef[], today: string): string {
  const day = (n: number) => shiftDay(today, n);
  const blocks = clients.map((c) => {
    const zh = c.language === 'zh-CN';
    const lines = [`# ${c.name}`, '', c.profile, ''];
    for (const contact of c.contacts) lines.push(`Contact: ${contact}`);
    lines.push(`Cadence: ${c.cadence ?? 'weekly Fri'}`, `Language: ${c.language}`, `Paths: ${c.paths.join(', ')}`);
    if (c.tags?.length) lines.push(`Tag: ${c.tags.join(', ')}`);
    lines.push(`Owner: ${c.owner}`, '', zh ? '## 承诺' : '## Commitments');
    for (const k of c.commitments) {
      const tokens = [k.title, k.refs, k.due !== undefined ? `due:${day(k.due)}` : undefined, k.done !== undefined ? `done:${day(k.done)}` : undefined, `@${k.owner}`];
      lines.push(`- [${k.done !== undefined ? 'x' : ' '}] ${tokens.filter(Boolean).join(' ')}`);
    }
    lines.push('', zh ? '## 风险' : '## Risks', ...c.risks.map((r) => `- ${r.replace(/\{day([+-]\d+)\}/gu, (_, n: string) => day(Number(n)))}`));
    if (c.asks?.length) lines.push('', zh ? '## 待客户确认' : '## Asks', ...c.asks.map((a) => `- ${a.replace(/\{day([+-]\d+)\}/gu, (_, n: string) => day(Number(n)))}`));
    if (c.notes?.length) lines.push('', zh ? '## 备注' : '## Notes', ...c.notes.map((n) => `- ${n}`));
    return lines.join('\n');
  });
  return `${blocks.join('\n\n')}\n`;
}


export const FIXTURE_NAMES: readonly string[] = FIXTURES.map((f) => f.name);

export function fixtureDef(name: string): FixtureDef {
  const def = FIXTURES.find((f) => f.name === name);
  if (!def) throw new Error(`corpus: no fixture ${JSON.stringify(name)} (known: ${FIXTURE_NAMES.join(', ')})`);
  return def;
}

/** Builds fixture `name` into `dir` (created; must be empty or absent) for `today` (YYYY-MM-DD). */
export function buildFixture(name: string, dir: string, today: string): FixtureRepo {
  const def = fixtureDef(name);
  if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) throw new Error(`corpus: ${dir} is not empty`);
  const b = new Builder(today, def.project);
  // The clients file is committed first, four weeks back, like a team that keeps it in the repo.
  const clientsText = renderClientsFile(def.clients, today);
  b.direct({ day: -30, time: '09:00', author: { name: 'Project Lead', email: 'lead@agency.example', tz: '+0000' }, message: 'Add client list\n', files: ['.project/clients.md'], content: { '.project/clients.md': clientsText }, truth: { noise: 'tooling' } });
  def.history(b);
  const { truth, tags } = b.write(dir);
  const commitments = new Map<string, { client: string; title: string }>();
  for (const c of def.clients) for (const k of c.commitments) commitments.set(k.key, { client: c.name, title: k.title });
  for (const t of truth.values()) {
    for (const key of t.for ?? []) if (!commitments.has(key)) throw new Error(`corpus ${name}: unknown commitment key ${key}`);
    if (!t.clients && t.for?.length) t.clients = [...new Set(t.for.map((k) => commitments.get(k)?.client ?? ''))];
  }
  return { name, dir, today, clients: def.clients, truth, commitments, tags };
}
