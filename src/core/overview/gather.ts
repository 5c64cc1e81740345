/**
 * The I/O half of the overview: the clients file, each client's saved records, and one reading
 * of every repository — the home folders with the whole clients file, each listed repository once
 * with the clients that list it — all in parallel (a few at a time). The window is the union of
 * the clients' default draft periods (since their last saved update, else this week); each
 * client's status is then computed, by the same composer as its draft, from the commits of its
 * own period.
 */
import * as path from 'node:path';
import { availableParallelism } from 'node:os';
import type { IsoDate, Language } from '../clients/model';
import { parseClients } from '../clients/parse';
import type { WeekStart } from '../calendar';
import { composeStatus } from '../draft/compose';
import { defaultPeriod } from '../draft/period';
import { readActivity } from '../git/activity';
import { inPeriod } from '../git/period';
import { boundaryNotice, withinBoundary } from '../git/boundary';
import { mapLimit, readListedRepositories, repositoryParallelism, reposBase } from '../git/repositories';
import type { ActivityItem, NoiseOptions, RedactionOptions } from '../git/types';
import { noticeOf, sameNotice, type Notice, type RepoNotice } from '../notices';
import { readRecentRecords, updatesDir } from '../records/store';
import { overviewRow, type OverviewRow } from './compute';

export interface OverviewOptions {
  /** Workspace folders (empty: no history read, as in Restricted Mode). */
  roots: string[];
  clientsText: string;
  projectDir: string;
  today: IsoDate;
  weekStart: WeekStart;
  /** The language of the reasons (the lead's). */
  language: Language;
  /** How many saved statuses the trend shows (default 8). */
  history?: number;
  noise?: Partial<NoiseOptions>;
  redaction?: Partial<RedactionOptions>;
  /** Repositories read at once (default: by the machine's cores, 2–8). */
  parallel?: number;
}

export interface Overview {
  today: IsoDate;
  rows: OverviewRow[];
  historyRead: boolean;
  /** Reading facts and repositories that could not be read; each front words them. */
  warnings: Notice[];
}

export async function gatherOverview(o: OverviewOptions): Promise<Overview> {
  const file = parseClients(o.clientsText);
  const parallel = o.parallel ?? repositoryParallelism(availableParallelism());
  const dir = updatesDir(o.projectDir);
  const records = await mapLimit(file.clients, 8, (c) => readRecentRecords(dir, c.name, o.history ?? 8));
  const periods = records.map((r) => defaultPeriod(r[0], o.today, o.weekStart).period);
  const warnings: Notice[] = [];
  const items: ActivityItem[] = [];
  const roots: string[] = [];
  let problems: RepoNotice[] = [];
  if (periods.length > 0 && o.roots.length > 0) {
    const window = { since: periods.map((p) => p.since).sort()[0], until: periods.map((p) => p.until).sort().reverse()[0] };
    const common = { period: window, ...(o.noise ? { noise: o.noise } : {}), ...(o.redaction ? { redaction: o.redaction } : {}) };
    const home = mapLimit(o.roots, parallel, async (root) => {
      try {
        const bounded = await withinBoundary({ cwd: root, ...common }, path.dirname(o.projectDir));
        if (bounded.boundary) warnings.push(boundaryNotice(bounded.boundary));
        return bounded.request ? await readActivity(bounded.request, file) : undefined;
      } catch (e) {
        warnings.push({ code: 'reading.repository-failed', root, cause: noticeOf(e) });
        return undefined;
      }
    });
    // The listed repositories are read at the same time; a home folder that is also listed is read once (as home).
    const listed = readListedRepositories(file, reposBase(o.projectDir), common, { parallel, skipRoots: [] });
    const [homeActivities, listedReading] = await Promise.all([home, listed]);
    for (const a of homeActivities) {
      if (!a || roots.includes(a.root)) continue;
      roots.push(a.root);
      warnings.push(...a.warnings);
      items.push(...a.items);
    }
    const seen = new Set(items.map((i) => i.commit.hash));
    for (const i of listedReading.items) if (!seen.has(i.commit.hash)) items.push(i);
    for (const r of listedReading.roots) if (!roots.includes(r)) roots.push(r);
    for (const w of listedReading.warnings) if (!warnings.some((x) => sameNotice(x, w))) warnings.push(w);
    problems = listedReading.checked.flatMap((c) => (c.problem ? [c.problem] : []));
  }
  const historyRead = roots.length > 0;
  const rows = file.clients.map((client, k) => {
    const period = periods[k];
    const within = inPeriod(period);
    const mine = items.filter((i) => i.clients.includes(client.name) && within(i.commit));
    const status = composeStatus({ file, client: client.name, items: mine, historyRead, today: o.today, period, audience: 'client', language: o.language, signature: '', ...(records[k][0] ? { lastRecord: records[k][0] } : {}) });
    const own = problems.filter((p) => p.client === client.name);
    return overviewRow({
      client,
      today: o.today,
      weekStart: o.weekStart,
      status,
      period,
      ...(records[k][0] ? { lastSent: records[k][0].sent } : {}),
      recentStatuses: records[k].map((r) => r.status),
      repositories: historyRead ? 1 + client.repos.length - own.length : 0,
      repoProblems: own,
    });
  });
  return { today: o.today, rows, historyRead, warnings };
}
