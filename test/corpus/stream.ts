/**
 * A small writer of `git fast-import` streams for the quality corpus: commits with author and
 * committer dates relative to a fixed "today", files, merges with two parents, pull-request refs
 * and annotated tags. Everything (names, dates, contents) is fixed, so one "today" always gives
 * the same repository with the same hashes.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';

export interface Person {
  name: string;
  email: string;
  /** `+0100`, `+0800`… */
  tz: string;
}

export interface StreamCommit {
  /** `refs/heads/main`, `refs/pull/12/head`… */
  ref: string;
  /** Days relative to today (0 = today, -3 = three days ago). */
  day: number;
  /** Local time `HH:MM` in the author's zone. */
  time: string;
  author: Person;
  /** Default: the author, at the same time. */
  committer?: Person;
  committerDay?: number;
  committerTime?: string;
  message: string;
  /** Path → content (null deletes). Applied on top of the first parent's tree. */
  files: Record<string, string | null>;
  /** First parent (a mark); undefined continues `ref`'s tip, null makes a root commit. */
  from?: number | null;
  /** Extra parents (marks): a merge. */
  merge?: number[];
}

export interface StreamTag {
  name: string;
  mark: number;
  day: number;
  time: string;
  tagger: Person;
  message: string;
}

/** `YYYY-MM-DD` shifted by `days`. */
export function shiftDay(today: string, days: number): string {
  const [y, m, d] = today.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

function raw(today: string, day: number, time: string, tz: string): string {
  const iso = `${shiftDay(today, day)}T${time}:00${tz.slice(0, 3)}:${tz.slice(3)}`;
  const seconds = Date.parse(iso) / 1000;
  if (!Number.isFinite(seconds)) throw new Error(`corpus: bad date ${iso}`);
  return `${seconds} ${tz}`;
}

function data(text: string): Buffer[] {
  const buf = Buffer.from(text, 'utf8');
  return [Buffer.from(`data ${buf.length}\n`), buf, Buffer.from('\n')];
}

/** Collects commits and tags, then writes them into a repository with `git fast-import`. */
export class Stream {
  private readonly parts: Buffer[] = [];
  private readonly tips = new Map<string, number>();
  private mark = 0;
  /** Committer day and time of each ref's tip: a history goes forward in time. */
  private readonly tipWhen = new Map<string, string>();
  readonly commits: Array<StreamCommit & { mark: number }> = [];

  constructor(readonly today: string) {}

  /** Adds a commit; returns its mark. */
  commit(c: StreamCommit): number {
    const mark = ++this.mark;
    const committer = c.committer ?? c.author;
    // git log's --since stops at the first older commit on a line: out-of-order dates would drop commits silently.
    const when = `${String(1000 + (c.committerDay ?? c.day)).padStart(5, '0')} ${c.committerTime ?? c.time}`;
    const before = c.from === undefined ? this.tipWhen.get(c.ref) : undefined;
    if (before !== undefined && when < before) throw new Error(`corpus: commit "${c.message.split('\n')[0]}" on ${c.ref} is dated before its parent (day ${c.committerDay ?? c.day} ${c.committerTime ?? c.time})`);
    const who = (p: Person, day: number, time: string) => `${p.name} <${p.email}> ${raw(this.today, day, time, p.tz)}`;
    this.parts.push(
      Buffer.from(`commit ${c.ref}\nmark :${mark}\n`),
      Buffer.from(`author ${who(c.author, c.day, c.time)}\n`),
      Buffer.from(`committer ${who(committer, c.committerDay ?? c.day, c.committerTime ?? c.time)}\n`),
      ...data(c.message),
    );
    const from = c.from === undefined ? this.tips.get(c.ref) : c.from;
    if (from !== null && from !== undefined) this.parts.push(Buffer.from(`from :${from}\n`));
    for (const m of c.merge ?? []) this.parts.push(Buffer.from(`merge :${m}\n`));
    for (const [p, content] of Object.entries(c.files)) {
      if (content === null) this.parts.push(Buffer.from(`D ${p}\n`));
      else this.parts.push(Buffer.from(`M 100644 inline ${p}\n`), ...data(content));
    }
    this.parts.push(Buffer.from('\n'));
    this.tips.set(c.ref, mark);
    this.tipWhen.set(c.ref, when);
    this.commits.push({ ...c, mark });
    return mark;
  }

  tip(ref: string): number | undefined {
    return this.tips.get(ref);
  }

  tag(t: StreamTag): void {
    this.parts.push(
      Buffer.from(`tag ${t.name}\nfrom :${t.mark}\n`),
      Buffer.from(`tagger ${t.tagger.name} <${t.tagger.email}> ${raw(this.today, t.day, t.time, t.tagger.tz)}\n`),
      ...data(t.message),
    );
  }

  /** Initialises `dir` as a repository (HEAD on main), imports the stream, checks out main. Returns mark → hash. */
  write(dir: string): Map<number, string> {
    fs.mkdirSync(dir, { recursive: true });
    const env = corpusGitEnv();
    const git = (args: string[], input?: Buffer) => execFileSync('git', args, { cwd: dir, env, input, maxBuffer: 64 * 1024 * 1024 }).toString('utf8');
    git(['init', '-q', '-b', 'main']);
    const marksFile = `${dir}/.git/corpus-marks`;
    git(['fast-import', '--quiet', '--date-format=raw', `--export-marks=${marksFile}`], Buffer.concat(this.parts));
    git(['reset', '-q', '--hard']);
    const marks = new Map<number, string>();
    for (const line of fs.readFileSync(marksFile, 'utf8').split('\n')) {
      const m = /^:(\d+) ([0-9a-f]{40})$/u.exec(line);
      if (m) marks.set(Number(m[1]), m[2]);
    }
    fs.rmSync(marksFile);
    return marks;
  }
}

/** Git for building the corpus: no user or system configuration. */
export function corpusGitEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith('GIT_')) delete env[k];
  return { ...env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'Corpus', GIT_AUTHOR_EMAIL: 'corpus@example.invalid', GIT_COMMITTER_NAME: 'Corpus', GIT_COMMITTER_EMAIL: 'corpus@example.invalid' };
}
