#!/usr/bin/env node
// Creates the demo workspace `.demo/agency`: a small agency repository with three clients,
// five weeks of history and a `.project/clients.md`, all dated relative to "today".
//
//   node scripts/demo.mjs [--out DIR] [--today YYYY-MM-DD] [--quiet]
//
// "today" is --today, else CLIENT_PULSE_TODAY, else the local date. The same "today" always gives
// a byte-identical repository with the same commit hashes: every author, committer, date and file
// is fixed here, and the user's git configuration is ignored.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';

const MARKER = 'client-pulse-demo';

// ---------------------------------------------------------------------------------------------
// Dates

function isIsoDate(text) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === text;
}

function localToday() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** `today` shifted by `days` (negative = in the past), as YYYY-MM-DD. */
function shift(today, days) {
  const [y, m, d] = today.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------
// People. Identities as they appear in raw commits; .mailmap folds the aliases.

const TZ = { alice: '+01:00', wang: '+08:00', priya: '+05:30', tom: '+00:00', bot: '+00:00' };

const PEOPLE = {
  alice: { name: 'Alice Martin', email: 'alice@agency.example', tz: TZ.alice },
  wang: { name: '王伟', email: 'wang.wei@agency.example', tz: TZ.wang },
  wangAlias: { name: 'Wang Wei', email: 'wangwei.dev@gmail.example', tz: TZ.wang },
  priya: { name: 'Priya Nair', email: 'priya@agency.example', tz: TZ.priya },
  tom: { name: 'Tom Hughes', email: 'tom@agency.example', tz: TZ.tom },
  tomAlias: { name: 'tom', email: 'tom@toms-laptop.local', tz: TZ.tom },
  bot: { name: 'dependabot[bot]', email: '49699333+dependabot[bot]@users.noreply.github.com', tz: TZ.bot },
};
const GITHUB = { name: 'GitHub', email: 'noreply@github.example' };

const MAILMAP = `# Canonical names for contributors who commit from more than one identity.
王伟 <wang.wei@agency.example> Wang Wei <wangwei.dev@gmail.example>
Tom Hughes <tom@agency.example> <tom@toms-laptop.local>
`;

// A fake token, assembled so that secret scanners do not flag this script.
const FAKE_TOKEN = 'ghp_' + 'Demo'.repeat(9);

// ---------------------------------------------------------------------------------------------
// The clients file, final version (committed the day before "today") and the first version.

function clientsHeader() {
  return `# Acme Retail

Acme runs 40 grocery stores in the Midwest and is moving its loyalty scheme online.
Goals for this quarter: a loyalty app beta before the holiday season and a faster checkout.
Challenges: a small in-house IT team and a payment provider that is retiring its v1 API.

Contact: Jane Doe <jane.doe@acme.example> (CTO)
Contact: Daniel Brooks <daniel.brooks@acme.example> (Product owner)
Cc: pmo@acme.example
Cadence: weekly Fri
Language: en
Paths: apps/acme/
Tag: acme
Owner: Alice Martin <alice@agency.example>
Backup: 王伟 <wang.wei@agency.example>
`;
}

function northwindHeader() {
  return `# Northwind Logistics

Northwind runs a regional delivery fleet of 120 vans. They want dispatchers to plan routes from
the spreadsheets they already use and drivers to keep scanning parcels where the network drops.

Contact: Maria Lopez <maria.lopez@northwind.example> (Head of operations)
Cadence: biweekly Mon
Language: en
Paths: apps/northwind/
Tag: northwind
Owner: Priya Nair <priya@agency.example>
Backup: Tom Hughes <tom@agency.example>
`;
}

function xingheHeader() {
  return `# 星河教育

星河教育（Xinghe Education）是一家面向中小学生的在线教育机构，有 3 万名在读学员。
今年的目标：寒假前上线新的课程报名流程和直播课回放；主要挑战是直播高峰期的稳定性。

联系人: 李娜 <li.na@xinghe.example> (教务主任)
抄送: pm@xinghe.example
节奏: 每周五
语言: zh-CN
路径: apps/xinghe/
标签: xinghe
负责人: 王伟 <wang.wei@agency.example>
备份: Alice Martin <alice@agency.example>
`;
}

function clientsFirstVersion() {
  return [clientsHeader(), northwindHeader(), xingheHeader()].join('\n');
}

function clientsFinalVersion(t) {
  const d = (n) => shift(t, n);
  return `${clientsHeader()}
## Commitments
- [ ] Checkout p95 under 2 s on the payment step due:${d(-3)} @wang #checkout
- [ ] Loyalty app beta on TestFlight due:${d(4)} @alice #loyalty
- [ ] Opening hours on the store map pins due:${d(9)} @tom #locator-hours
- [ ] Payment provider v2 migration behind a feature flag 📅 ${d(18)} @priya #payments
- [x] Store locator redesign due:${d(-14)} done:${d(-16)} @alice #locator

## Risks
- high: Payment provider retires its v1 API on ${d(53)} — mitigation: v2 client behind a flag, switch-over rehearsal on staging by ${d(18)}
- medium: Checkout p95 is 2.4 s, still above the 2 s target — mitigation: cache tax rules per store and lazy-load the payment widget; next measurement ${d(2)}
- low: Holiday code freeze may delay the last beta build — mitigation: agree the freeze dates with Jane this week

## Asks
- Brand assets (logo, colours) for the loyalty screens asked:${d(-12)}
- [x] Access to the staging payment account asked:${d(-26)}

## Feedback
- ${d(-13)}: Jane liked the new locator; asked for opening hours on the map pins.
- ${d(-6)}: Daniel reported that the checkout still feels slow on older Android phones.

## Decisions
- ${d(-30)}: Loyalty points are stored server-side only.
- ${d(-9)}: The v2 payment client ships behind a flag until the provider confirms the cut-over date.

## Notes
- Jane prefers short updates with the risks first.

${northwindHeader()}
## Commitments
- [ ] Driver app offline mode for parcel scans due:${d(-1)} @tom #offline
- [ ] Route planner CSV import due:${d(6)} @priya #csv-import
- [x] Fleet dashboard v1 📅 ${d(-20)} ✅ ${d(-22)} @priya #dashboard

## Risks
- medium: Drivers' older phones run out of storage with large offline queues — mitigation: cap the queue at 500 scans and upload photos separately
- low: The GPS vendor's API limits requests per minute — mitigation: cache vehicle positions for 30 seconds

## Asks
- Sample CSV exports from the dispatch team asked:${d(-9)}

## Feedback
- ${d(-19)}: Maria: the dashboard is already used in the morning stand-up.

## Decisions
- ${d(-24)}: Offline scans are kept on the phone for 7 days at most.

${xingheHeader()}
## 承诺
- [ ] 直播课回放功能 due:${d(-5)} @wang #replay
- [ ] 课程报名页上线 📅 ${d(2)} @wang #enroll
- [x] 课程目录改版 due:${d(-12)} done:${d(-14)} @wang #catalog

## 风险
- 中: 直播供应商的 SDK 在部分 iOS 设备上偶发崩溃 — 应对：已向供应商提交崩溃日志，同时准备 HLS 回放作为备选
- 高: 寒假报名高峰的流量是平时的 5 倍 — 应对：${d(10)} 前完成压测并预留扩容预算

## 待客户确认
- 寒假班课程表 asked:${d(-6)}
- [x] 直播供应商的测试账号 asked:${d(-20)}

## 反馈
- ${d(-11)}: 李老师反馈新目录加载很快，希望增加按年级筛选。

## 决定
- ${d(-8)}: 回放视频保留 30 天。

## 备注
- 李老师习惯周五下午看周报，请在中午前发出。
`;
}

/** The update Alice sent to Acme a week ago (saved by the draft panel's "Save record"). */
function acmeRecord(t) {
  const d = (n) => shift(t, n);
  return `---
client: "Acme Retail"
sent: ${d(-7)}
period: ${d(-14)}..${d(-7)}
status: at-risk
language: en
audience: client
subject: "Acme Retail — weekly update ${d(-14)} to ${d(-7)}"
next:
  - "Loyalty app beta on TestFlight"
  - "Measure the checkout p95 again with the tax-rule cache in place"
---
Subject: Acme Retail — weekly update ${d(-14)} to ${d(-7)}

Hi Jane,

Here is where the project stands this week.

**Status: at risk** — checkout speed is still above the 2 s target.

## Delivered
- Totals are rounded before vouchers are applied, so receipts match the till again.
- Onboarding screens and the points balance card for the loyalty app.

## In progress
- Checkout p95 under 2 s: the payment widget now loads on demand and tax rules are cached per store.

## Next
- Loyalty app beta on TestFlight.
- Measure the checkout p95 again with the tax-rule cache in place.

## Risks
- High: the payment provider retires its v1 API — we are building the v2 client behind a flag.

## Waiting on you
- Brand assets (logo, colours) for the loyalty screens, asked ${d(-12)}.

Best regards,
Alice Martin
`;
}

// ---------------------------------------------------------------------------------------------
// History. Each step: day offset (days before today), local time, author, message, file edits.
// `add` appends a line (creating the file), `put` writes a whole file.

function history(t) {
  return [
    { day: 35, time: '09:12', who: 'alice', msg: 'chore: initial monorepo layout', put: {
      'README.md': '# Agency monorepo\n\nClient projects of the agency, one folder per client under apps/.\n',
      'package.json': '{\n  "name": "agency-monorepo",\n  "private": true,\n  "workspaces": ["apps/*"],\n  "dependencies": {\n    "react": "18.2.0",\n    "date-fns": "3.6.0"\n  },\n  "devDependencies": {\n    "vite": "5.4.2"\n  }\n}\n',
      '.gitignore': 'node_modules/\ndist/\n',
      '.mailmap': MAILMAP,
      'apps/acme/README.md': '# Acme Retail\n\nStore locator, checkout and the loyalty app.\n',
      'apps/northwind/README.md': '# Northwind Logistics\n\nFleet dashboard, driver app and route planner.\n',
      'apps/xinghe/README.md': '# 星河教育\n\n课程目录、报名和直播课。\n',
      '.project/clients.md': clientsFirstVersion(),
    } },
    { day: 34, time: '16:05', who: 'wangAlias', msg: 'feat(xinghe): 课程目录改版，按学科分组 #catalog', add: {
      'apps/xinghe/课程/目录.vue': '<template><CourseGroup v-for="g in groups" :key="g.subject" :group="g" /></template>',
    } },
    { day: 34, time: '14:30', who: 'alice', msg: 'feat(locator): store locator map with clustering #locator', add: {
      'apps/acme/locator/StoreMap.tsx': 'export function StoreMap() { return <ClusteredMap stores={useStores()} />; }',
    } },
    { day: 33, time: '11:40', who: 'priya', msg: 'feat(dashboard): fleet dashboard skeleton\n\nCommitment: dashboard', add: {
      'apps/northwind/dashboard/index.tsx': 'export function FleetDashboard() { return <Layout><VehicleList /></Layout>; }',
    } },
    { day: 32, time: '17:55', who: 'tomAlias', msg: 'fix typo in northwind readme', put: {
      'apps/northwind/README.md': '# Northwind Logistics\n\nFleet dashboard, driver app and route planner.\nRun `npm run dev -w northwind` to start.\n',
    } },
    { day: 31, time: '06:02', who: 'bot', msg: 'chore(deps): bump react from 18.2.0 to 18.3.1\n\nBumps [react](https://github.com/facebook/react) from 18.2.0 to 18.3.1.', replace: {
      'package.json': ['"react": "18.2.0"', '"react": "18.3.1"'],
    } },
    { day: 30, time: '10:20', who: 'alice', msg: 'feat(locator)!: replace the store search API #locator\n\nBREAKING CHANGE: /api/stores returns opening hours as ISO 8601 strings; the mobile app must update.', add: {
      'apps/acme/locator/api.ts': 'export async function searchStores(q: string): Promise<Store[]> { return get(`/api/stores?q=${encodeURIComponent(q)}`); }',
    } },
    { day: 29, time: '15:15', who: 'wang', msg: 'fix(xinghe): 修复课程目录在 Safari 下的排序问题 #catalog', add: {
      'apps/xinghe/课程/目录.vue': '<script>const sorted = [...groups].sort((a, b) => a.order - b.order);</script>',
    } },
    { day: 28, time: '12:10', who: 'priya', msg: 'feat(dashboard): live vehicle positions #dashboard', add: {
      'apps/northwind/dashboard/positions.ts': 'export const POLL_SECONDS = 30;\nexport function usePositions() { return usePoll("/api/positions", POLL_SECONDS); }',
    } },
    { day: 27, time: '09:45', who: 'tom', msg: 'ci: cache node_modules in the pipeline', add: {
      '.ci/pipeline.yml': 'cache:\n  key: npm-${{ hashFiles(\'package-lock.json\') }}\n  paths: [node_modules]',
    } },
    { day: 26, time: '16:30', who: 'alice', msg: 'Locator: show the distance to each store #locator', add: {
      'apps/acme/locator/StoreMap.tsx': 'export function Distance({ km }: { km: number }) { return <span>{km.toFixed(1)} km</span>; }',
    } },
    { day: 25, time: '10:00', who: 'wang', msg: 'refactor(xinghe): 抽取课程卡片组件', add: {
      'apps/xinghe/课程/卡片.vue': '<template><article class="course-card">{{ course.title }}</article></template>',
    } },
    { day: 24, time: '14:50', who: 'priya', msg: 'fix(dashboard): vehicle markers flicker on refresh #dashboard', add: {
      'apps/northwind/dashboard/positions.ts': 'export const keyOf = (v: Vehicle) => v.id; // stable keys stop the flicker',
    } },
    { day: 23, time: '06:03', who: 'bot', msg: 'chore(deps): bump date-fns from 3.6.0 to 4.1.0\n\nBumps [date-fns](https://github.com/date-fns/date-fns) from 3.6.0 to 4.1.0.', replace: {
      'package.json': ['"date-fns": "3.6.0"', '"date-fns": "4.1.0"'],
    } },
    { day: 22, time: '17:20', who: 'priya', msg: 'feat(dashboard): fleet dashboard v1 ready for review\n\nFilters by depot and vehicle state; positions refresh every 30 seconds.\n\nCommitment: dashboard', add: {
      'apps/northwind/dashboard/filters.tsx': 'export function DepotFilter() { return <Select options={depots} />; }',
    } },
    { day: 21, time: '11:00', who: 'alice', msg: 'docs(acme): document the loyalty API contract #loyalty', add: {
      'apps/acme/docs/loyalty-api.md': '# Loyalty API\n\n`GET /points/:member` returns the balance; points are stored server-side only.',
    } },
    { day: 20, time: '15:35', who: 'tom', msg: 'feat(driver-app): queue parcel scans while offline #offline', add: {
      'apps/northwind/driver-app/offline/queue.ts': 'export class ScanQueue { private readonly items: Scan[] = []; push(s: Scan) { this.items.push(s); } }',
    } },
    { day: 19, time: '10:25', who: 'wang', msg: 'perf(checkout): measure p95 of the payment step #checkout\n\n在支付步骤加入耗时埋点，当前 p95 约 3.1 秒。', add: {
      'apps/acme/checkout/metrics.ts': 'export function markPaymentStep(name: string) { performance.mark(`payment:${name}`); }',
    } },
    { day: 18, time: '13:40', who: 'alice', msg: 'fix(locator): keep the selected store when the map zooms #locator', add: {
      'apps/acme/locator/StoreMap.tsx': 'const [selected, setSelected] = useState<StoreId | null>(null); // survives zoom',
    } },
    { day: 17, time: '18:45', who: 'tomAlias', msg: 'WIP offline sync', add: {
      'apps/northwind/driver-app/offline/sync.ts': 'export async function sync(queue: ScanQueue) { /* upload in batches of 50 */ }',
    } },
    { day: 16, time: '16:10', who: 'alice', msg: 'feat(locator): store locator redesign live in all stores\n\nCommitment: locator', add: {
      'apps/acme/locator/flags.ts': 'export const NEW_LOCATOR = true;',
    } },
    { day: 15, time: '11:30', who: 'wang', msg: '更新直播课页面文案', add: {
      'apps/xinghe/直播/文案.md': '直播课每周二、四晚 7 点开始，可提前 10 分钟进入教室。',
    } },
    { day: 14, time: '10:05', who: 'wang', msg: 'feat(xinghe): 课程目录改版上线\n\nCommitment: catalog', add: {
      'apps/xinghe/课程/目录.vue': '<!-- 新目录默认开启 -->',
    } },
    { day: 13, time: '12:20', who: 'priya', msg: 'feat(routes): parse route planner CSV files #csv-import', add: {
      'apps/northwind/routes/import/csv.ts': 'export function parseRoutesCsv(text: string): RouteRow[] { return text.split(/\\r?\\n/).slice(1).map(toRow); }',
    } },
    { day: 12, time: '09:50', who: 'tom', msg: 'fix(driver-app): retry failed uploads with backoff #offline', add: {
      'apps/northwind/driver-app/offline/sync.ts': 'const delays = [1, 2, 4, 8, 16].map((s) => s * 1000);',
    } },
    { branch: 'feature/loyalty-onboarding', from: 'main' },
    { day: 12, time: '15:00', who: 'alice', msg: 'feat(loyalty): onboarding screens for the loyalty app #loyalty', add: {
      'apps/acme/loyalty/Onboarding.tsx': 'export function Onboarding() { return <Steps steps={["welcome", "join", "points"]} />; }',
    } },
    { day: 11, time: '11:15', who: 'alice', msg: 'feat(loyalty): points balance card #loyalty', add: {
      'apps/acme/loyalty/PointsCard.tsx': 'export function PointsCard({ points }: { points: number }) { return <Card>{points} pts</Card>; }',
    } },
    { checkout: 'main' },
    { day: 11, time: '16:40', who: 'wang', msg: 'perf(checkout): lazy-load the payment widget #checkout', add: {
      'apps/acme/checkout/PaymentForm.tsx': 'const PaymentWidget = lazy(() => import("./PaymentWidget"));',
    } },
    { day: 10, time: '10:30', who: 'alice', merge: 'feature/loyalty-onboarding', msg: "Merge branch 'feature/loyalty-onboarding'" },
    { day: 9, time: '14:15', who: 'wang', msg: 'feat(xinghe): 直播课回放接入录制存储 #replay', add: {
      'apps/xinghe/直播/回放.ts': 'export async function fetchReplay(lessonId: string) { return storage.get(`replay/${lessonId}.m3u8`); }',
    } },
    { day: 9, time: '17:05', who: 'tom', msg: `fix(checkout): ACME-142 round totals before applying vouchers #checkout\n\nReproduced on staging with the API token ${FAKE_TOKEN} (rotated since).`, add: {
      'apps/acme/checkout/totals.ts': 'export const roundCents = (x: number) => Math.round(x * 100) / 100;',
    } },
    { day: 7, time: '11:30', who: 'wang', msg: 'perf(checkout): cache tax rules per store #checkout', add: {
      'apps/acme/checkout/tax.ts': 'const taxRules = new Map<StoreId, TaxRule[]>(); // filled once per store',
    } },
    { day: 7, time: '16:45', who: 'alice', msg: 'chore(project): record of the weekly update sent to Acme', put: {
      [`.project/updates/${shift(t, -7)}-acme-retail.md`]: acmeRecord(t),
    } },
    { day: 6, time: '10:10', who: 'priya', msg: 'feat(routes): validate CSV columns and report bad rows #csv-import', add: {
      'apps/northwind/routes/import/csv.ts': 'export function validate(rows: RouteRow[]): RowError[] { return rows.flatMap(checkRow); }',
    } },
    { day: 5, time: '14:00', who: 'tom', msg: 'feat(locator): opening hours on map pins #locator-hours', add: {
      'apps/acme/locator/Pin.tsx': 'export function Pin({ store }: { store: Store }) { return <Marker label={store.hours.today} />; }',
    } },
    { day: 4, time: '06:01', who: 'bot', msg: 'chore(deps): bump vite from 5.4.2 to 5.4.8\n\nBumps [vite](https://github.com/vitejs/vite) from 5.4.2 to 5.4.8.', replace: {
      'package.json': ['"vite": "5.4.2"', '"vite": "5.4.8"'],
    } },
    { day: 4, time: '09:30', who: 'tom', revert: 'feat(locator): opening hours on map pins #locator-hours', msg: 'Revert "feat(locator): opening hours on map pins #locator-hours"\n\nThe labels overlap on small screens; back to the drawing board.' },
    { branch: 'feature/payments-v2', from: 'main' },
    { day: 3, time: '12:00', who: 'priya', msg: 'feat(payments): payment provider v2 client behind a flag #payments', add: {
      'apps/acme/checkout/payments/v2.ts': 'export const PAYMENTS_V2 = flag("payments-v2", false);\nexport class PaymentsV2Client { /* tokenised card payments */ }',
    } },
    { day: 1, time: '15:30', who: 'priya', msg: 'test(payments): contract tests for the v2 API\n\nCommitment: payments', add: {
      'apps/acme/checkout/payments/v2.test.ts': 'it("authorises a tokenised card", async () => { expect(await client.authorise(card)).toBe("approved"); });',
    } },
    { checkout: 'main' },
    { day: 3, time: '11:05', who: 'priya', msg: 'refactor(routes): split the planner into smaller modules', add: {
      'apps/northwind/routes/planner/index.ts': "export { plan } from './plan';\nexport { score } from './score';",
    } },
    { day: 3, time: '16:20', who: 'wang', msg: 'fix(xinghe): 修复回放进度条拖动卡顿 #replay', add: {
      'apps/xinghe/直播/回放.ts': 'const seek = throttle((s: number) => player.seek(s), 200);',
    } },
    { day: 2, time: '10:40', who: 'wang', msg: 'perf(checkout): 支付步骤 p95 从 3.1 秒降到 2.4 秒 #checkout\n\nCommitment: checkout', add: {
      'apps/acme/checkout/PaymentForm.tsx': 'usePrefetch("/api/tax-rules"); // 提前加载税率',
    } },
    { day: 2, time: '17:10', who: 'alice', msg: 'feat(loyalty): TestFlight build pipeline for the loyalty beta\n\nCommitment: loyalty', add: {
      'apps/acme/loyalty/fastlane/Fastfile': 'lane :beta do\n  build_app(scheme: "AcmeLoyalty")\n  upload_to_testflight\nend',
    } },
    { day: 1, time: '16:00', who: 'alice', msg: 'chore(project): update clients.md after the client calls', put: {
      '.project/clients.md': clientsFinalVersion(t),
    } },
  ];
}

// ---------------------------------------------------------------------------------------------
// Git, isolated from the user's configuration.

function gitEnv(extra = {}) {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith('GIT_')) delete env[key];
  return {
    ...env,
    GIT_CONFIG_GLOBAL: process.platform === 'win32' ? 'NUL' : '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_TERMINAL_PROMPT: '0',
    LC_ALL: 'C',
    ...extra,
  };
}

const GIT_FLAGS = ['-c', 'commit.gpgsign=false', '-c', 'core.autocrlf=false', '-c', 'core.hooksPath=.git/no-hooks', '-c', 'init.defaultBranch=main'];

function git(cwd, args, extraEnv) {
  return execFileSync('git', [...GIT_FLAGS, ...args], { cwd, env: gitEnv(extraEnv), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

function identityEnv(who, date, committer) {
  const a = PEOPLE[who];
  const c = committer ?? a;
  return {
    GIT_AUTHOR_NAME: a.name,
    GIT_AUTHOR_EMAIL: a.email,
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_NAME: c.name,
    GIT_COMMITTER_EMAIL: c.email,
    GIT_COMMITTER_DATE: date,
  };
}

// ---------------------------------------------------------------------------------------------

function writeFile(root, rel, content) {
  const file = path.join(root, ...rel.split('/'));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
}

function appendLine(root, rel, line) {
  const file = path.join(root, ...rel.split('/'));
  const before = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  writeFile(root, rel, `${before}${line}\n`);
}

/** Refuses to delete anything that is not a previous demo. */
function clearOut(out) {
  if (!fs.existsSync(out)) return;
  const entries = fs.readdirSync(out);
  if (entries.length === 0) return;
  if (!fs.existsSync(path.join(out, '.git', MARKER))) {
    throw new Error(`${out} exists and is not a Client Pulse demo; refusing to delete it (choose another --out)`);
  }
  fs.rmSync(out, { recursive: true, force: true });
}

export function createDemo(out, today) {
  if (!isIsoDate(today)) throw new Error(`today must be YYYY-MM-DD, got ${JSON.stringify(today)}`);
  clearOut(out);
  fs.mkdirSync(out, { recursive: true });
  git(out, ['init', '-q', '-b', 'main']);
  fs.writeFileSync(path.join(out, '.git', MARKER), 'Created by scripts/demo.mjs; safe to delete.\n');
  // Whoever opens the demo plays Alice, the lead of Acme: drafts are signed with her name and sent
  // from her address, whatever the machine's own git user is.
  git(out, ['config', 'user.name', PEOPLE.alice.name]);
  git(out, ['config', 'user.email', PEOPLE.alice.email]);

  let commits = 0;
  /** Subject line → hash, for reverts. */
  const hashes = new Map();
  for (const step of history(today)) {
    if (step.branch) {
      git(out, ['checkout', '-q', '-b', step.branch, step.from]);
      continue;
    }
    if (step.checkout) {
      git(out, ['checkout', '-q', step.checkout]);
      continue;
    }
    const date = `${shift(today, -step.day)}T${step.time}:00${PEOPLE[step.who].tz}`;
    const env = identityEnv(step.who, date, step.who === 'bot' ? GITHUB : undefined);
    if (step.merge) {
      git(out, ['merge', '-q', '--no-ff', '-m', step.msg, step.merge], env);
    } else if (step.revert) {
      const reverted = hashes.get(step.revert);
      if (!reverted) throw new Error(`demo script: no commit ${step.revert} to revert`);
      git(out, ['revert', '--no-commit', reverted], env);
      const [subject, ...rest] = step.msg.split('\n\n');
      const body = [`This reverts commit ${reverted}.`, ...rest].join('\n\n');
      git(out, ['commit', '-q', '-m', `${subject}\n\n${body}`], env);
    } else {
      for (const [rel, content] of Object.entries(step.put ?? {})) writeFile(out, rel, content);
      for (const [rel, line] of Object.entries(step.add ?? {})) appendLine(out, rel, line);
      for (const [rel, [from, to]] of Object.entries(step.replace ?? {})) {
        const file = path.join(out, ...rel.split('/'));
        const text = fs.readFileSync(file, 'utf8');
        if (!text.includes(from)) throw new Error(`demo script: ${from} not found in ${rel}`);
        fs.writeFileSync(file, text.replace(from, to));
      }
      const files = [...Object.keys(step.put ?? {}), ...Object.keys(step.add ?? {}), ...Object.keys(step.replace ?? {})];
      git(out, ['add', '--', ...files]);
      git(out, ['commit', '-q', '-m', step.msg], env);
    }
    hashes.set(step.msg.split('\n')[0], git(out, ['rev-parse', 'HEAD']));
    commits++;
  }
  const head = git(out, ['rev-parse', 'HEAD']);
  return { out, today, head, commits };
}

function main() {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      today: { type: 'string' },
      quiet: { type: 'boolean', short: 'q' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write('Usage: node scripts/demo.mjs [--out DIR] [--today YYYY-MM-DD] [--quiet]\n\nCreates the Client Pulse demo repository (default .demo/agency).\n');
    return;
  }
  const today = values.today ?? (process.env.CLIENT_PULSE_TODAY || localToday());
  const out = path.resolve(values.out ?? path.join('.demo', 'agency'));
  const result = createDemo(out, today);
  if (!values.quiet) {
    process.stdout.write(`Demo workspace: ${path.relative(process.cwd(), out) || out} (today ${today}, ${result.commits} commits, HEAD ${result.head.slice(0, 12)})\n`);
  }
}

const invokedDirectly = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname);
if (invokedDirectly) {
  try {
    main();
  } catch (e) {
    process.stderr.write(`demo: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  }
}
