/** Read-only questions about a parsed clients file. Pure; "today" is always a parameter. */
import type { Client, ClientsFile, Commitment, IsoDate, Language, Risk, RiskLevel, Ask } from './model';
import { daysBetween, isIsoDate, weekdayOf } from '../calendar';

/** Exact name (case-insensitive) first, then a unique case-insensitive prefix. */
export function findClient(file: Pick<ClientsFile, 'clients'>, name: string): Client | undefined {
  const n = name.trim().toLowerCase();
  if (n === '') return undefined;
  const exact = file.clients.find((c) => c.name.toLowerCase() === n);
  if (exact) return exact;
  const pre = file.clients.filter((c) => c.name.toLowerCase().startsWith(n));
  return pre.length === 1 ? pre[0] : undefined;
}

export type DueState = 'overdue' | 'due-soon' | 'later' | 'no-date';

export interface OpenCommitment extends Commitment {
  state: DueState;
  /** Days past the due date (overdue only). */
  daysLate?: number;
  /** Days until the due date (0 = today; not overdue). */
  daysLeft?: number;
}

export interface OpenOptions {
  /** Only this client (name or unique prefix). */
  client?: string;
  /** A commitment due within this many days is `due-soon` (default 7). */
  soonDays?: number;
}

export function allCommitments(file: ClientsFile): Commitment[] {
  return file.clients.flatMap((c) => c.commitments);
}

/** Open commitments: overdue first (most late first), then by due date; undated last. */
export function openCommitments(file: ClientsFile, today: IsoDate, opts: OpenOptions = {}): OpenCommitment[] {
  const soon = opts.soonDays ?? 7;
  let clients = file.clients;
  if (opts.client !== undefined) {
    const c = findClient(file, opts.client);
    clients = c ? [c] : [];
  }
  const out: OpenCommitment[] = [];
  for (const c of clients) {
    for (const k of c.commitments) {
      if (k.done) continue;
      if (!k.due || !isIsoDate(k.due) || !isIsoDate(today)) { out.push({ ...k, state: 'no-date' }); continue; }
      const left = daysBetween(today, k.due);
      if (left < 0) out.push({ ...k, state: 'overdue', daysLate: -left });
      else out.push({ ...k, state: left <= soon ? 'due-soon' : 'later', daysLeft: left });
    }
  }
  const rank = (x: OpenCommitment): number => (x.state === 'no-date' ? 1 : 0);
  return out
    .map((x, i) => ({ x, i }))
    .sort((a, b) => rank(a.x) - rank(b.x) || (a.x.due ?? '').localeCompare(b.x.due ?? '') || a.i - b.i)
    .map((p) => p.x);
}

const EN_DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const ZH_DAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/** "overdue 3 days", "due today", "due tomorrow", "due Fri", "in 2 weeks", "no due date" (and Chinese). */
export function relativeDue(c: Pick<Commitment, 'due'>, today: IsoDate, lang: Language): string {
  const zh = lang === 'zh-CN';
  if (!c.due || !isIsoDate(c.due) || !isIsoDate(today)) return zh ? '无截止日期' : 'no due date';
  const d = daysBetween(today, c.due);
  if (d < 0) {
    const n = -d;
    return zh ? `逾期 ${n} 天` : `overdue ${n} ${n === 1 ? 'day' : 'days'}`;
  }
  if (d === 0) return zh ? '今天到期' : 'due today';
  if (d === 1) return zh ? '明天到期' : 'due tomorrow';
  if (d < 7) {
    const w = weekdayOf(c.due);
    return zh ? `${ZH_DAYS[w]}到期` : `due ${EN_DAYS[w]}`;
  }
  if (d < 14) return zh ? `${d} 天后` : `in ${d} days`;
  if (d < 60) {
    const w = Math.round(d / 7);
    return zh ? `${w} 周后` : `in ${w} weeks`;
  }
  const m = Math.round(d / 30);
  return zh ? `${m} 个月后` : `in ${m} months`;
}

export function allRisks(file: ClientsFile, minLevel?: RiskLevel): Risk[] {
  const order: Record<RiskLevel, number> = { low: 0, medium: 1, high: 2 };
  const risks = file.clients.flatMap((c) => c.risks);
  if (!minLevel) return risks;
  return risks.filter((r) => r.level !== undefined && order[r.level] >= order[minLevel]);
}

/** Asks the client has not answered yet, oldest first (undated last). */
export function openAsks(file: ClientsFile): Ask[] {
  return file.clients
    .flatMap((c) => c.asks)
    .filter((a) => !a.answered)
    .sort((a, b) => (a.askedOn ? 0 : 1) - (b.askedOn ? 0 : 1) || (a.askedOn ?? '').localeCompare(b.askedOn ?? ''));
}

/** Commitments completed in `[from, to]` (by done date). */
export function doneBetween(file: ClientsFile, from: IsoDate, to: IsoDate): Commitment[] {
  return allCommitments(file).filter((c) => c.done && c.doneDate !== undefined && c.doneDate >= from && c.doneDate <= to);
}

/** The commitment with this id, if any. */
export function commitmentById(file: ClientsFile, id: string): Commitment | undefined {
  return allCommitments(file).find((c) => c.id === id);
}

/** Clients whose commitments or client tags include `tag` (case-insensitive, without `#`). */
export function clientsForTag(file: ClientsFile, tag: string): Client[] {
  const t = tag.replace(/^#/, '').toLowerCase();
  return file.clients.filter((c) => c.tags.some((x) => x.toLowerCase() === t) || c.commitments.some((k) => k.tags.some((x) => x.toLowerCase() === t)));
}

