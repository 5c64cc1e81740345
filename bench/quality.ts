/**
 * `npm run quality`: builds every corpus fixture (test/corpus), drafts every client in English and
 * Chinese through the same pipeline as the CLI (`gatherDraftInput` + `composeDraft`) for the last
 * seven days (signed by each client's Owner, as the CLI does without a setting), and prints per
 * draft: lines shown (and from commits), lines flagged for rewording (and their share in the
 * drafts written in the client's own language), commits hidden by reason, commitments with
 * evidence vs linked, and the must-be-zero checks against the fixtures' ground truth:
 *   false   a "missed"/"no progress"/overdue line about a commitment with evidence in the period
 *   other   a line built only from commits that are another client's work
 *   noise   a line built only from tests/CI/lockfile/deps/fragment/tooling/release-bump commits
 *           (a release line that names its version is fine)
 *   unsaid  a release or breaking change of the period, for this client, that the draft does not state
 * Exit code 0 (it is a measure); `--check` exits 1 when a must-be-zero count is not zero.
 * Options: --today=YYYY-MM-DD (default CLIENT_PULSE_TODAY, else 2026-11-20), --only=name,
 * --show (print each draft's markdown), --json.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { composeDraft } from '../src/core/draft/compose';
import { gatherDraftInput } from '../src/core/draft/gather';
import type { Draft, DraftLine } from '../src/core/draft/types';
import type { ActivityItem } from '../src/core/git/types';
import { buildFixture, FIXTURE_NAMES, shiftDay, type FixtureRepo, type Truth } from '../test/corpus/build';

export interface DraftMeasure {
  fixture: string;
  client: string;
  language: string;
  shown: number;
  fromCommits: number;
  reword: number;
  hidden: Record<string, number>;
  evidence: number;
  linked: number;
  falseStatements: string[];
  otherClient: string[];
  noise: string[];
  unstated: string[];
}

const NEGATIVE = /missed|no progress|was due|still due|past its due|错过|没有相关进展|原定|逾期/iu;

function visibleLines(d: Draft): Array<{ section: string; line: DraftLine }> {
  return d.sections.flatMap((s) => s.lines.filter((l) => !l.dropped).map((line) => ({ section: s.id as string, line })));
}

/** Measures one draft against the fixture's truth. */
export function measureDraft(fx: FixtureRepo, clientName: string, d: Draft, items: ActivityItem[], idOf: Map<string, string>): DraftMeasure {
  const lines = visibleLines(d);
  const truthOf = (h: string): Truth => fx.truth.get(h) ?? {};
  const inPeriod = items.map((i) => i.commit.hash);
  // Commitments of this client with real evidence in the period (ground truth), by commitment id.
  const evidenced = new Map<string, string>();
  for (const h of inPeriod) for (const key of truthOf(h).for ?? []) {
    const k = fx.commitments.get(key);
    const id = idOf.get(key);
    if (k?.client === clientName && id) evidenced.set(id, k.title);
  }
  const linkedIds = new Set(items.flatMap((i) => i.commitmentIds));
  const hidden: Record<string, number> = {};
  for (const i of items) if (i.hidden) hidden[i.hidden] = (hidden[i.hidden] ?? 0) + 1;
  // Lines of commits left out by default because they say nothing the client can use (the lead can put them back).
  const vague = d.sections.flatMap((s) => s.lines).filter((l) => l.leftOutByDefault).length;
  if (vague) hidden['left out, vague'] = vague;

  const falseStatements: string[] = [];
  const otherClient: string[] = [];
  const noise: string[] = [];
  for (const { section, line } of lines) {
    if (line.commitmentId && evidenced.has(line.commitmentId) && (section === 'overdue' || NEGATIVE.test(line.text))) falseStatements.push(`[${section}] ${line.text}`);
    if (line.hashes.length === 0) continue;
    const truths = line.hashes.map(truthOf);
    if (truths.every((t) => t.clients !== undefined && !t.clients.includes(clientName))) otherClient.push(line.text);
    const release = truths.find((t) => t.release)?.release;
    if (truths.every((t) => t.noise !== undefined) && !(release && line.text.includes(release))) noise.push(line.text);
  }
  for (const title of evidenced.values()) {
    const bad = d.status.reasons.find((r) => r.includes(title) && NEGATIVE.test(r));
    if (bad) falseStatements.push(`[status] ${bad}`);
  }
  const unstated: string[] = [];
  const text = lines.map((l) => l.line.text).join('\n');
  for (const h of inPeriod) {
    const t = truthOf(h);
    if (t.clients && !t.clients.includes(clientName)) continue;
    if (t.release && !text.includes(t.release)) unstated.push(`release ${t.release}`);
    if (t.breaking) {
      const stated = lines.some(({ section, line }) => line.hashes.includes(h) && (section !== 'done' || /breaking|not compatible|不兼容|注意/iu.test(line.text)));
      if (!stated) unstated.push(`breaking change (${t.breaking})`);
    }
  }
  // Tags of the period are releases too.
  for (const [tag, hash] of fx.tags) {
    const version = tag.replace(/^v/u, '');
    if (inPeriod.includes(hash) && !text.includes(version) && !unstated.includes(`release ${version}`)) unstated.push(`release ${version}`);
  }
  return {
    fixture: fx.name,
    client: clientName,
    language: d.language,
    shown: lines.length,
    fromCommits: lines.filter((l) => l.line.hashes.length > 0).length,
    reword: lines.filter((l) => l.line.needsRewording).length,
    hidden,
    evidence: evidenced.size,
    linked: [...evidenced.keys()].filter((id) => linkedIds.has(id)).length,
    falseStatements,
    otherClient,
    noise,
    unstated: [...new Set(unstated)],
  };
}

/** The language each fixture client writes in (`fixture/client` → language), filled as fixtures are measured. */
export const CLIENT_LANGUAGES = new Map<string, string>();

export async function measureFixture(name: string, dir: string, today: string, show?: (d: Draft) => void): Promise<DraftMeasure[]> {
  const fx = buildFixture(name, dir, today);
  for (const c of fx.clients) CLIENT_LANGUAGES.set(`${name}/${c.name}`, c.language);
  const clientsText = fs.readFileSync(path.join(dir, '.project', 'clients.md'), 'utf8');
  const period = { since: shiftDay(today, -6), until: today };
  const out: DraftMeasure[] = [];
  for (const client of fx.clients) {
    for (const language of ['en', 'zh-CN'] as const) {
      const gathered = await gatherDraftInput({ roots: [dir], clientsText, projectDir: path.join(dir, '.project'), client: client.name, period, today, weekStart: 'monday', audience: 'client', language });
      const draft = composeDraft(gathered.input);
      show?.(draft);
      const parsed = gathered.input.file.clients.find((c) => c.name === client.name);
      const idOf = new Map<string, string>();
      for (const def of client.commitments) {
        const found = parsed?.commitments.find((k) => k.title.startsWith(def.title));
        if (found) idOf.set(def.key, found.id);
      }
      out.push(measureDraft(fx, client.name, draft, gathered.input.items, idOf));
    }
  }
  return out;
}

const MUST_BE_ZERO = ['falseStatements', 'otherClient', 'noise', 'unstated'] as const;

export function table(rows: DraftMeasure[], clientLanguage?: (r: DraftMeasure) => boolean): string {
  const head = '| Fixture | Client | Lang | Shown (from commits) | Reword | Hidden by reason | Evidence / linked | False | Other client | Noise | Unstated |';
  const sep = '|---|---|---|---|---|---|---|---|---|---|---|';
  const body = rows.map((r) => {
    const hidden = Object.entries(r.hidden).map(([k, v]) => `${k} ${v}`).join(', ') || '–';
    return `| ${r.fixture} | ${r.client} | ${r.language} | ${r.shown} (${r.fromCommits}) | ${r.reword} | ${hidden} | ${r.evidence} / ${r.linked} | ${r.falseStatements.length} | ${r.otherClient.length} | ${r.noise.length} | ${r.unstated.length} |`;
  });
  const sum = (f: (r: DraftMeasure) => number) => rows.reduce((n, r) => n + f(r), 0);
  const shown = sum((r) => r.shown);
  const totals = `| **all** | ${rows.length} drafts | | ${shown} (${sum((r) => r.fromCommits)}) | ${sum((r) => r.reword)} (${shown ? Math.round((100 * sum((r) => r.reword)) / shown) : 0} %) | ${sum((r) => Object.values(r.hidden).reduce((a, b) => a + b, 0))} | ${sum((r) => r.evidence)} / ${sum((r) => r.linked)} | ${sum((r) => r.falseStatements.length)} | ${sum((r) => r.otherClient.length)} | ${sum((r) => r.noise.length)} | ${sum((r) => r.unstated.length)} |`;
  const own = clientLanguage ? rows.filter(clientLanguage) : [];
  const ownShown = own.reduce((n, r) => n + r.shown, 0);
  const ownReword = own.reduce((n, r) => n + r.reword, 0);
  // Drafts in the client's own language: the e-mails that are sent (a Chinese draft of an English client's English commits flags every line).
  const ownLine = own.length ? [`| **client's language** | ${own.length} drafts | | ${ownShown} | ${ownReword} (${ownShown ? Math.round((100 * ownReword) / ownShown) : 0} %) | | | | | | |`] : [];
  return [head, sep, ...body, totals, ...ownLine].join('\n');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const opt = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const today = opt('today') ?? process.env.CLIENT_PULSE_TODAY ?? '2026-11-20';
  const only = opt('only')?.split(',');
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cp-quality-'));
  try {
    const rows: DraftMeasure[] = [];
    for (const name of FIXTURE_NAMES) {
      if (only && !only.includes(name)) continue;
      rows.push(...(await measureFixture(name, path.join(root, name), today, args.includes('--show') ? (d) => console.log(`\n===== ${name} / ${d.client} / ${d.language}\n${d.markdown}`) : undefined)));
    }
    if (args.includes('--json')) console.log(JSON.stringify(rows, null, 2));
    else {
      console.log(`Quality on the corpus, today ${today}, period ${shiftDay(today, -6)}..${today}\n`);
      console.log(table(rows, (r) => CLIENT_LANGUAGES.get(`${r.fixture}/${r.client}`) === r.language));
      for (const r of rows) {
        for (const k of MUST_BE_ZERO) for (const text of r[k]) console.log(`${k}: ${r.fixture} / ${r.client} / ${r.language}: ${text}`);
      }
    }
    const bad = rows.some((r) => MUST_BE_ZERO.some((k) => r[k].length > 0));
    process.exitCode = args.includes('--check') && bad ? 1 : 0;
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exitCode = 2;
  });
}
