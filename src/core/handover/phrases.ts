/**
 * Every sentence of a handover, in English and Simplified Chinese. The two tables have the same
 * shape (enforced by the `HandoverPhrases` type), so a phrase cannot exist in one language only.
 */
import type { Language, RiskLevel } from '../clients/model';

export interface LetterFacts {
  client: string;
  greetingName: string;
  from: string;
  lead: string;
  leadKind: 'successor' | 'interim' | 'owner' | 'placeholder';
  /** The leaver's part: running the account, or working on it. */
  leaverLed: boolean;
  /**
   * Whom the handover meeting introduces to the client: the new lead, or the named successor who
   * takes over the part of someone who did not lead; none when the lead stays and nobody is new.
   */
  newcomer?: string;
  /** Who signs the letter: the leaver when they led the account, else the lead who stays. */
  signer: string;
  /** The newcomer's e-mail, given with their name. */
  newcomerEmail?: string;
  /** Someone else who knows the project (Backup or Owner), named as the fallback. */
  fallback?: string;
  /** Next open commitments, already formatted as `"title" (due …)`. */
  nextCommitments: string[];
  /** Overdue commitments, formatted as `"title" (due …)`. */
  overdue: string[];
  riskCount: number;
  waitingAsks: string[];
  cadence?: string;
}

export interface HandoverPhrases {
  /** Punctuation: `: ` / `：`, `, ` / `，`, ` (x)` / `（x）`, and what joins two sentences. */
  colon: string;
  comma: string;
  paren(text: string): string;
  /** A date followed by how soon: `Fri 27 Nov (in 7 days)` / `11月27日（周五），7 天后`. */
  when(date: string, relative: string): string;
  sentenceSep: string;
  title(from: string, to: string | undefined): string;
  prepared(today: string, since: string, until: string, days: number, clients: number): string;
  summary: string;
  leaving: string;
  takingOver: string;
  noSuccessor: string;
  clientsLine: string;
  roleShort: Record<'owner' | 'backup' | 'contributor' | 'none', string>;
  leadShort(kind: 'successor' | 'interim' | 'owner' | 'placeholder', who: string): string;
  totals(open: number, overdue: number, owned: number, from: string): string;
  branchesTotal(n: number, from: string): string;
  /** The same line when git history was not read (Restricted Mode, no repository): the count is not known. */
  branchesUnknown(from: string): string;
  /** In place of a section built from git (commits, code areas, branches) when the history was not read. */
  historyNotRead: string;
  /** In place of a commitment's linked commits when the history was not read. */
  linkedUnknown: string;
  warnings: string;
  placeholderLead: string;
  placeholderBackground(who: string): string;
  placeholderSuccessorBackground: string;
  placeholderMeeting: string;
  placeholderLastDay: string;
  placeholderContact: string;

  roleLine(from: string, role: 'owner' | 'backup' | 'contributor' | 'none'): string;
  /** Role `none` when git history was not read: whether they changed the client's code is not known. */
  roleNoneUnread(from: string): string;
  leadLine(kind: 'successor' | 'interim' | 'owner' | 'placeholder', who: string): string;
  takesPart(to: string, from: string): string;
  noLetter(from: string): string;
  nothingToHandOver: string;
  profile: string;
  noProfile: string;
  contacts: string;
  firstContact: string;
  noContacts: string;
  cc: string;
  ownerBackup(owner: string, backup: string): string;
  none: string;
  cadenceTitle: string;
  cadence: string;
  noCadence: string;
  lastSent(date: string, days: number): string;
  noLastSent: string;
  nextDue(date: string, relative: string, who: string): string;
  statusTitle(status: string): string;
  noStatus: string;
  overridden: string;
  commitments: string;
  noCommitments: string;
  due(date: string): string;
  noDue: string;
  overdueBy(days: number): string;
  dueToday: string;
  dueIn(days: number): string;
  owner(handles: string): string;
  noOwner: string;
  linked(count: number, last: string): string;
  noLinked: string;
  more(n: number): string;
  needsNewOwner(from: string): string;
  risks: string;
  noRisks: string;
  riskLevel: Record<RiskLevel, string>;
  unratedRisk: string;
  mitigation: string;
  noMitigation: string;
  asks: string;
  noAsks: string;
  waiting(days: number, date: string): string;
  waitingUndated: string;
  feedback: string;
  noFeedback: string;
  decisionsNotes: string;
  window(since: string, until: string): string;
  noWindowActivity: string;
  week(n: number, range: string): string;
  weekLine(commits: number, people: string): string;
  areasWorked(from: string): string;
  noAreas(from: string): string;
  areaLine(lines: number, commits: number, last: string): string;
  alsoKnows(list: string): string;
  nobodyElse: string;
  expert(name: string, commits: number): string;
  mainFiles: string;
  moreAreas(n: number, lines: number): string;
  topLevel: string;
  branches: string;
  noBranches: string;
  branchLine(ahead: number, base: string, author: string, date: string): string;
  departingBranch(from: string): string;
  /** A long-lived line (`release/*`, `develop`, `v6-dev`): kept, never merged or deleted by a handover. */
  longLivedBranch(from: string | undefined): string;
  deadlines: string;
  noDeadlines: string;
  inDays(days: number): string;
  letterTitle: string;
  letterTo: string;
  letterCc: string;
  letterSubject: string;
  checklistTitle: string;
  unassigned: string;
  unassignedIntro(from: string): string;
  list(items: string[]): string;
  quote(text: string): string;

  letter: {
    subject(client: string): string;
    greeting(name: string): string;
    opening(f: LetterFacts, lastDay: string): string;
    successor(f: LetterFacts, background: string): string;
    planIntro: string;
    /** `reassigned`: how many of them the leaver owned (they get a new owner). */
    planCommitments(items: string, reassigned: number, from: string): string;
    planNoCommitments: string;
    planOverdue(items: string): string;
    planRisks(n: number): string;
    planAsks(items: string, lead: string): string;
    planCadence(cadence: string): string;
    meeting(f: LetterFacts, when: string): string;
    questions(f: LetterFacts): string;
    thanks: string;
    signOff(signer: string): string;
  };

  check: {
    tellFirst(contact: string): string;
    sendLetter(contacts: string): string;
    meeting(from: string, lead: string, when: string): string;
    /** The meeting when nobody new joins: the leaver walks the lead through their part. */
    meetingWalkthrough(from: string, lead: string, when: string): string;
    introduce(lead: string, contact: string): string;
    accesses(lead: string, from: string): string;
    recurring(lead: string, cadence: string, next: string): string;
    recurringNoCadence(lead: string): string;
    documents(lead: string): string;
    reassign(title: string, due: string): string;
    followUp(ask: string, days: string): string;
    branch(name: string): string;
    longLivedBranch(name: string, lead: string): string;
    walkthrough(lead: string, areas: string): string;
    checkIns(contact: string, dates: string): string;
    satisfaction(contact: string, date: string): string;
  };
}

const en: HandoverPhrases = {
  colon: ': ',
  comma: ', ',
  paren: (text) => ` (${text})`,
  when: (date, relative) => `${date} (${relative})`,
  sentenceSep: ' ',
  title: (from, to) => (to ? `Handover: ${from} → ${to}` : `Handover: ${from}`),
  prepared: (today, since, until, days, clients) =>
    `Prepared ${today} · history from ${since} to ${until} (${days} days) · ${clients} client${clients === 1 ? '' : 's'}`,
  summary: 'Summary',
  leaving: 'Leaving',
  takingOver: 'Taking over',
  noSuccessor: 'no successor named yet: each client below shows who stands in until one is',
  clientsLine: 'Clients',
  roleShort: { owner: 'owner', backup: 'backup', contributor: 'contributor', none: 'not involved' },
  leadShort: (kind, who) =>
    kind === 'successor' ? `${who} takes over` : kind === 'interim' ? `${who} stands in (interim)` : kind === 'owner' ? `${who} stays lead` : 'lead to be named',
  totals: (open, overdue, owned, from) =>
    `Open commitments: ${open}, ${overdue} overdue, ${owned} owned by ${from}${owned > 0 ? ' (each needs a new owner)' : ''}`,
  branchesTotal: (n, from) => `Unmerged branches with work by ${from}: ${n}`,
  branchesUnknown: (from) => `Unmerged branches with work by ${from}: not known (git history was not read)`,
  historyNotRead: '_Not known: git history was not read (trust the workspace, or run `client-pulse handover` in the repository)._',
  linkedUnknown: 'linked commits not known (git history was not read)',
  warnings: 'Warnings',
  placeholderLead: '[successor: name and e-mail]',
  placeholderBackground: (who) => `[${who}'s background and experience, in one or two sentences]`,
  placeholderSuccessorBackground: "[the successor's background and experience, in one or two sentences]",
  placeholderMeeting: '[proposed date and time]',
  placeholderLastDay: '[last working day]',
  placeholderContact: '[contact name]',

  roleNoneUnread: (from) => `${from} is neither Owner nor Backup here; whether they changed this client's code in the window is not known (git history was not read).`,
  roleLine: (from, role) =>
    role === 'owner'
      ? `${from} runs this account (Owner).`
      : role === 'backup'
        ? `${from} is the Backup for this account.`
        : role === 'contributor'
          ? `${from} worked on this client's code in the window.`
          : `${from} is neither Owner nor Backup here and made no change the client saw in the window.`,
  leadLine: (kind, who) =>
    kind === 'successor'
      ? `Takes over: ${who}.`
      : kind === 'interim'
        ? `No successor named: ${who} (Backup) stands in as interim lead.`
        : kind === 'owner'
          ? `${who} (Owner) stays the lead.`
          : `No successor and no Backup: name one before anything else. Placeholder: ${who}.`,
  takesPart: (to, from) => `${to} takes over ${from}'s part of the work.`,
  noLetter: (from) =>
    `_No letter needed: ${from} has no role, visible work, commitments or branches for this client. If the client knows ${from}, mention the change in the next update._`,
  nothingToHandOver: '_Nothing to hand over for this client beyond keeping this file current._',
  profile: 'Profile and goals',
  noProfile: '_No profile in clients.md: write down the business background, goals and challenges before the handover meeting._',
  contacts: 'Contacts',
  firstContact: 'first contact, greeted in updates',
  noContacts: '_No contacts in clients.md: add at least the person who receives the updates._',
  cc: 'Cc',
  ownerBackup: (owner, backup) => `Owner: ${owner} · Backup: ${backup}`,
  none: 'none',
  cadenceTitle: 'Cadence and last update',
  cadence: 'Cadence',
  noCadence: 'no cadence agreed',
  lastSent: (date, days) => `Last update sent: ${date} (${days === 0 ? 'today' : days === 1 ? 'yesterday' : `${days} days ago`})`,
  noLastSent: 'Last update sent: none recorded',
  nextDue: (date, relative, who) => `Next update due: ${date} (${relative}), sent by ${who}`,
  statusTitle: (status) => `Current status: ${status}`,
  noStatus: '_Status not assessed._',
  overridden: '(set by hand)',
  commitments: 'Open commitments (overdue first)',
  noCommitments: '_No open commitments._',
  due: (date) => `due ${date}`,
  noDue: 'no due date',
  overdueBy: (days) => `**overdue by ${days} day${days === 1 ? '' : 's'}**`,
  dueToday: '**due today**',
  dueIn: (days) => `in ${days} day${days === 1 ? '' : 's'}`,
  owner: (handles) => `owner ${handles}`,
  noOwner: 'no owner',
  linked: (count, last) => `${count} linked commit${count === 1 ? '' : 's'} in the window, the last on ${last}`,
  noLinked: 'no linked commits in the window',
  more: (n) => `and ${n} more`,
  needsNewOwner: (from) => `Owned by ${from}: needs a new owner.`,
  risks: 'Risks',
  noRisks: '_No risks recorded._',
  riskLevel: { low: 'Low', medium: 'Medium', high: 'High' },
  unratedRisk: 'Unrated',
  mitigation: 'mitigation',
  noMitigation: '**no mitigation written: agree one before the handover meeting**',
  asks: 'Waiting on the client',
  noAsks: '_Nothing is waiting on the client._',
  waiting: (days, date) => `waiting ${days} day${days === 1 ? '' : 's'} (asked ${date})`,
  waitingUndated: 'waiting (date asked not recorded)',
  feedback: 'Feedback history',
  noFeedback: '_No feedback recorded._',
  decisionsNotes: 'Decisions and notes',
  window: (since, until) => `What happened from ${since} to ${until}`,
  noWindowActivity: '_No commits for this client in the window._',
  week: (n, range) => `Week ${n} (${range})`,
  weekLine: (commits, people) => `${commits} commit${commits === 1 ? '' : 's'} by ${people}`,
  areasWorked: (from) => `Code ${from} worked on`,
  noAreas: (from) => `_${from} changed no code for this client in the window._`,
  areaLine: (lines, commits, last) => `${lines} line${lines === 1 ? '' : 's'} changed in ${commits} commit${commits === 1 ? '' : 's'}, last on ${last}`,
  alsoKnows: (list) => `also knows it: ${list}`,
  nobodyElse: '**nobody else changed it in the window: plan a walkthrough**',
  expert: (name, commits) => `${name} (${commits} commit${commits === 1 ? '' : 's'})`,
  mainFiles: 'main files',
  moreAreas: (n, lines) => `and ${n} smaller area${n === 1 ? '' : 's'} (${lines} line${lines === 1 ? '' : 's'} in all)`,
  topLevel: '(top level)',
  branches: 'Unmerged branches',
  noBranches: '_No unmerged branches for this client._',
  branchLine: (ahead, base, author, date) =>
    `${ahead} commit${ahead === 1 ? '' : 's'} not in ${base}; last by ${author} on ${date}`,
  departingBranch: (from) => `**has work by ${from}: merge it, hand it over or close it**`,
  longLivedBranch: (from) => `long-lived line, kept as it is${from ? `; **has work by ${from}: say who looks after it now**` : ''}`,
  deadlines: 'Deadlines in the next 30 days',
  noDeadlines: '_No commitment falls due in the next 30 days._',
  inDays: (days) => (days === 0 ? 'today' : days === 1 ? 'tomorrow' : `in ${days} days`),
  letterTitle: 'Transition letter',
  letterTo: 'To',
  letterCc: 'Cc',
  letterSubject: 'Subject',
  checklistTitle: 'Checklist',
  unassigned: 'Work outside the listed clients',
  unassignedIntro: (from) => `Code and branches of ${from} that no client's Paths or Tag claims. Hand them over too.`,
  list: (items) =>
    items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`,
  quote: (text) => `“${text}”`,

  letter: {
    subject: () => 'An important change in your project team',
    greeting: (name) => `Dear ${name},`,
    opening: (f, lastDay) =>
      `We value our partnership with ${f.client}, so we want you to hear about an important change from us first: ${f.from}, who has ${f.leaverLed ? 'been leading' : 'been working with you on'} your project, is leaving our team. ${f.from}'s last working day will be ${lastDay}.`,
    successor: (f, background) =>
      f.leadKind === 'successor'
        ? `${f.lead}${f.newcomerEmail ? ` (${f.newcomerEmail}, copied on this e-mail)` : ''} will take over as your project lead. ${background}`
        : f.leadKind === 'interim'
          ? `Until a permanent successor is named, ${f.lead}${f.newcomerEmail ? ` (${f.newcomerEmail}, copied on this e-mail)` : ''}, who already knows your project as ${f.from}'s stand-in, will lead it. ${background}`
          : f.leadKind === 'owner'
            ? f.newcomer
              ? `${f.lead} stays your project lead, and ${f.newcomer}${f.newcomerEmail ? ` (${f.newcomerEmail}, copied on this e-mail)` : ''} takes over ${f.from}'s part of the work.`
              : `${f.lead} stays your project lead and takes over ${f.from}'s part of the work.`
            : `${f.lead} will take over as your project lead. ${background}`,
    planIntro: 'We have prepared a detailed handover so that nothing falls through the gap:',
    planCommitments: (items, reassigned, from) =>
      reassigned === 0
        ? `every open commitment moves over with its owner and due date; the next ones are ${items};`
        : `every open commitment moves over with its due date, and ${reassigned === 1 ? `the one that ${from} owned gets a new owner` : `the ${reassigned} that ${from} owned each get a new owner`}; the next ones are ${items};`,
    planNoCommitments: 'there are no open commitments at the moment; anything you ask for will be tracked as before;',
    planOverdue: (items) => `we are late on ${items}; we will bring a realistic new date to the handover meeting;`,
    planRisks: (n) => `the ${n === 1 ? 'risk' : `${n} risks`} we report to you stay under watch, each with its mitigation plan;`,
    planAsks: (items, lead) => `we are still waiting for ${items} from you; ${lead} will follow up;`,
    planCadence: (cadence) => `your updates continue as agreed (${cadence}).`,
    meeting: (f, when) =>
      f.newcomer
        ? `We would like to propose a handover meeting on ${when}, where ${f.from} will introduce ${f.newcomer} and walk you through the current status and the plan for the coming weeks. If that time does not suit you, please suggest another.`
        : `We would like to propose a short handover meeting on ${when}, where ${f.from} and ${f.lead} will walk you through the current status and the plan for the coming weeks. If that time does not suit you, please suggest another.`,
    questions: (f) =>
      `If you have any questions or concerns, now or later, please reply to this e-mail. In the first weeks after the change ${f.lead} will check in with you regularly to make sure everything runs as you expect, and after a month we would value your honest feedback on how the transition went.${f.fallback ? ` Should ${f.lead} ever be unavailable, ${f.fallback} knows your project well and is there for you too.` : ''}`,
    thanks: 'Thank you for your trust.',
    signOff: (signer) => `Kind regards,\n${signer}`,
  },

  check: {
    tellFirst: (contact) => `Tell ${contact} in person (call or meeting) before the letter goes out`,
    sendLetter: (contacts) => `Send the transition letter to ${contacts}`,
    meeting: (from, lead, when) => `Hold the handover meeting (${when}): ${from} introduces ${lead}; walk through status, open commitments, risks and asks`,
    meetingWalkthrough: (from, lead, when) => `Hold the handover meeting (${when}): ${from} walks ${lead} and the client through ${from}'s part: status, open commitments, risks and asks`,
    introduce: (lead, contact) => `Introduce ${lead} to ${contact}`,
    accesses: (lead, from) =>
      `Accesses: give ${lead} the repository, CI, staging and production environments, the client's own systems and accounts, shared drives and password-vault entries; remove ${from}'s access after the last day`,
    recurring: (lead, cadence, next) => `Recurring meetings: move the ${cadence} update and any recurring client calls to ${lead}; the next update is due ${next}`,
    recurringNoCadence: (lead) => `Recurring meetings: move any recurring client calls to ${lead}, and agree an update cadence with the client`,
    documents: (lead) => `Documents: set Owner/Backup in clients.md, and walk ${lead} through this handover, the decisions and notes, and where the project's documents live`,
    reassign: (title, due) => `Open thread: give ${title} (${due}) a new owner`,
    followUp: (ask, days) => `Open thread: follow up on ${ask}, ${days}`,
    branch: (name) => `Open thread: merge, hand over or close branch \`${name}\``,
    longLivedBranch: (name, lead) => `Open thread: tell ${lead} how the long-lived line \`${name}\` is maintained (keep it; do not merge or delete it)`,
    walkthrough: (lead, areas) => `Open thread: walk ${lead} through ${areas}; nobody else changed that code in the window`,
    checkIns: (contact, dates) => `First weeks: check-in calls with ${contact} on ${dates}`,
    satisfaction: (contact, date) => `Ask ${contact} how the transition went, around ${date}`,
  },
};

const zh: HandoverPhrases = {
  colon: '：',
  comma: '，',
  paren: (text) => `（${text}）`,
  when: (date, relative) => `${date}，${relative}`,
  sentenceSep: '',
  title: (from, to) => (to ? `工作交接：${from} → ${to}` : `工作交接：${from}`),
  prepared: (today, since, until, days, clients) => `编写于 ${today} · 历史范围 ${since} 至 ${until}（${days} 天）· ${clients} 个客户`,
  summary: '概要',
  leaving: '离职人员',
  takingOver: '接任人员',
  noSuccessor: '尚未指定接任人：下面每个客户都写明了在此之前由谁临时负责',
  clientsLine: '客户',
  roleShort: { owner: '负责人', backup: '备份', contributor: '参与开发', none: '未参与' },
  leadShort: (kind, who) =>
    kind === 'successor' ? `由${who}接任` : kind === 'interim' ? `由${who}临时负责` : kind === 'owner' ? `${who}继续负责` : '接任人待定',
  totals: (open, overdue, owned, from) =>
    `未完成承诺：${open} 项，其中逾期 ${overdue} 项，${from}负责的 ${owned} 项${owned > 0 ? '（均需重新指定负责人）' : ''}`,
  branchesTotal: (n, from) => `含有${from}工作的未合并分支：${n} 个`,
  branchesUnknown: (from) => `含有${from}工作的未合并分支：未知（未读取 git 历史）`,
  historyNotRead: '_未知：未读取 git 历史（请信任此工作区，或在仓库中运行 `client-pulse handover`）。_',
  linkedUnknown: '关联提交未知（未读取 git 历史）',
  warnings: '注意事项',
  placeholderLead: '【接任人：姓名和邮箱】',
  placeholderBackground: (who) => `【${who}的背景和经验，一两句话】`,
  placeholderSuccessorBackground: '【接任人的背景和经验，一两句话】',
  placeholderMeeting: '【建议的日期和时间】',
  placeholderLastDay: '【最后工作日】',
  placeholderContact: '【联系人姓名】',

  roleNoneUnread: (from) => `${from}既不是该客户的负责人也不是备份；此期间是否改动过该客户的代码未知（未读取 git 历史）。`,
  roleLine: (from, role) =>
    role === 'owner'
      ? `${from}是该客户的负责人。`
      : role === 'backup'
        ? `${from}是该客户的备份负责人。`
        : role === 'contributor'
          ? `${from}在此期间参与了该客户的代码开发。`
          : `${from}既不是该客户的负责人也不是备份，此期间也没有客户能看到的改动。`,
  leadLine: (kind, who) =>
    kind === 'successor'
      ? `接任：${who}。`
      : kind === 'interim'
        ? `尚未指定接任人：由${who}（备份）担任临时负责人。`
        : kind === 'owner'
          ? `${who}（负责人）继续负责。`
          : `既没有接任人也没有备份：请先指定一位。占位：${who}。`,
  takesPart: (to, from) => `${from}负责的部分由${to}接手。`,
  noLetter: (from) => `_无需发交接信：${from}在该客户没有角色、可见的工作、承诺或分支。如果客户认识${from}，可在下次周报中顺带说明。_`,
  nothingToHandOver: '_除保持本文件更新外，该客户没有需要交接的事项。_',
  profile: '客户概况与目标',
  noProfile: '_clients.md 中没有客户概况：交接会议前请补充业务背景、目标和挑战。_',
  contacts: '联系人',
  firstContact: '第一联系人，周报称呼此人',
  noContacts: '_clients.md 中没有联系人：至少补充接收周报的人。_',
  cc: '抄送',
  ownerBackup: (owner, backup) => `负责人：${owner} · 备份：${backup}`,
  none: '无',
  cadenceTitle: '汇报节奏与上次周报',
  cadence: '节奏',
  noCadence: '尚未约定汇报节奏',
  lastSent: (date, days) => `上次发送周报：${date}（${days === 0 ? '今天' : days === 1 ? '昨天' : `${days} 天前`}）`,
  noLastSent: '上次发送周报：没有记录',
  nextDue: (date, relative, who) => `下次周报：${date}，即${relative}，由${who}发送`,
  statusTitle: (status) => `当前状态：${status}`,
  noStatus: '_尚未评估状态。_',
  overridden: '（手动设置）',
  commitments: '未完成的承诺（逾期的在前）',
  noCommitments: '_没有未完成的承诺。_',
  due: (date) => `截止 ${date}`,
  noDue: '没有截止日期',
  overdueBy: (days) => `**已逾期 ${days} 天**`,
  dueToday: '**今天到期**',
  dueIn: (days) => `还有 ${days} 天`,
  owner: (handles) => `负责人 ${handles}`,
  noOwner: '没有负责人',
  linked: (count, last) => `此期间有 ${count} 个关联提交，最近一次在 ${last}`,
  noLinked: '此期间没有关联提交',
  more: (n) => `另有 ${n} 个`,
  needsNewOwner: (from) => `由${from}负责：需要重新指定负责人。`,
  risks: '风险',
  noRisks: '_没有记录风险。_',
  riskLevel: { low: '低', medium: '中', high: '高' },
  unratedRisk: '未定级',
  mitigation: '应对',
  noMitigation: '**没有写应对措施：交接会议前请商定**',
  asks: '待客户确认',
  noAsks: '_没有等待客户确认的事项。_',
  waiting: (days, date) => `已等待 ${days} 天（${date} 提出）`,
  waitingUndated: '等待中（未记录提出日期）',
  feedback: '客户反馈记录',
  noFeedback: '_没有记录客户反馈。_',
  decisionsNotes: '决定与备注',
  window: (since, until) => `${since} 至 ${until} 的工作`,
  noWindowActivity: '_此期间没有该客户的提交。_',
  week: (n, range) => `第 ${n} 周（${range}）`,
  weekLine: (commits, people) => `${commits} 个提交，来自${people}`,
  areasWorked: (from) => `${from}负责过的代码`,
  noAreas: (from) => `_此期间${from}没有修改该客户的代码。_`,
  areaLine: (lines, commits, last) => `${commits} 个提交中修改了 ${lines} 行，最近一次在 ${last}`,
  alsoKnows: (list) => `同样熟悉的人：${list}`,
  nobodyElse: '**此期间没有其他人修改过：请安排代码讲解**',
  expert: (name, commits) => `${name}（${commits} 个提交）`,
  mainFiles: '主要文件',
  moreAreas: (n, lines) => `另有 ${n} 个较小的区域（共 ${lines} 行）`,
  topLevel: '（根目录）',
  branches: '未合并的分支',
  noBranches: '_该客户没有未合并的分支。_',
  branchLine: (ahead, base, author, date) => `有 ${ahead} 个提交尚未合并到 ${base}；最近一次由${author}在 ${date} 提交`,
  departingBranch: (from) => `**含有${from}的工作：请合并、移交或关闭**`,
  longLivedBranch: (from) => `长期维护的分支，保持不动${from ? `；**含有${from}的工作：请说明现在由谁维护**` : ''}`,
  deadlines: '未来 30 天的截止日期',
  noDeadlines: '_未来 30 天没有到期的承诺。_',
  inDays: (days) => (days === 0 ? '今天' : days === 1 ? '明天' : `${days} 天后`),
  letterTitle: '致客户的交接信',
  letterTo: '收件人',
  letterCc: '抄送',
  letterSubject: '主题',
  checklistTitle: '交接清单',
  unassigned: '不属于上述客户的工作',
  unassignedIntro: (from) => `${from}的代码和分支中，没有被任何客户的“路径”或“标签”认领的部分。也需要一并交接。`,
  list: (items) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join('、')}和${items[items.length - 1]}`),
  quote: (text) => `“${text}”`,

  letter: {
    subject: () => '项目团队的重要变动',
    greeting: (name) => `${name}，您好！`,
    opening: (f, lastDay) =>
      `我们非常珍视与${f.client}的合作，因此希望第一时间由我们亲自告诉您一个重要变动：一直${f.leaverLed ? '负责' : '参与'}贵方项目的${f.from}即将离开我们的团队，最后工作日为${lastDay}。`,
    successor: (f, background) =>
      f.leadKind === 'successor'
        ? `接下来由${f.lead}${f.newcomerEmail ? `（${f.newcomerEmail}，已抄送本邮件）` : ''}担任贵方项目的负责人。${background}`
        : f.leadKind === 'interim'
          ? `在正式接任人确定之前，将由一直作为${f.from}备份、熟悉贵方项目的${f.lead}${f.newcomerEmail ? `（${f.newcomerEmail}，已抄送本邮件）` : ''}担任临时负责人。${background}`
          : f.leadKind === 'owner'
            ? f.newcomer
              ? `${f.lead}将继续担任贵方项目的负责人，${f.from}的相关工作由${f.newcomer}${f.newcomerEmail ? `（${f.newcomerEmail}，已抄送本邮件）` : ''}接手。`
              : `${f.lead}将继续担任贵方项目的负责人，并接手${f.from}的相关工作。`
            : `接下来由${f.lead}担任贵方项目的负责人。${background}`,
    planIntro: '为确保项目不受影响，我们已经准备了详细的交接计划：',
    planCommitments: (items, reassigned, from) =>
      reassigned === 0
        ? `所有未完成的承诺连同负责人和截止日期一并移交，近期的有${items}；`
        : `所有未完成的承诺连同截止日期一并移交，原由${from}负责的 ${reassigned} 项会指定新的负责人，近期的有${items}；`,
    planNoCommitments: '目前没有未完成的承诺，您提出的新需求会照常跟踪；',
    planOverdue: (items) => `${items}已经逾期，我们会在交接会议上给出切实可行的新日期；`,
    planRisks: (n) => `我们向您汇报过的 ${n} 项风险会继续跟踪，并按既定的应对措施处理；`,
    planAsks: (items, lead) => `我们仍在等待贵方提供${items}，${lead}会继续跟进；`,
    planCadence: (cadence) => `项目汇报照常进行（${cadence}）。`,
    meeting: (f, when) =>
      f.newcomer
        ? `我们建议在${when}召开一次交接会议，由${f.from}向您介绍${f.newcomer}，并一起过一遍项目当前的进展和接下来几周的计划。如果时间不方便，请告诉我们您方便的时间。`
        : `我们建议在${when}召开一次简短的交接会议，由${f.from}和${f.lead}一起向您介绍项目当前的进展和接下来几周的计划。如果时间不方便，请告诉我们您方便的时间。`,
    questions: (f) =>
      `如果您有任何问题或顾虑，现在或以后都欢迎随时回复这封邮件。交接后的头几周，${f.lead}会定期与您沟通，确保一切按您的预期进行；一个月后，我们也很希望听到您对这次交接的真实反馈。${f.fallback ? `如果${f.lead}不在，您也可以随时联系同样熟悉贵方项目的${f.fallback}。` : ''}`,
    thanks: '感谢您一直以来的信任与支持！',
    signOff: (signer) => `祝好！\n${signer}`,
  },

  check: {
    tellFirst: (contact) => `在发出交接信之前，先当面或电话告知${contact}`,
    sendLetter: (contacts) => `把交接信发给${contacts}`,
    meeting: (from, lead, when) => `召开交接会议（${when}）：由${from}介绍${lead}，一起过一遍进展、未完成的承诺、风险和待确认事项`,
    meetingWalkthrough: (from, lead, when) => `召开交接会议（${when}）：由${from}向${lead}和客户交代自己负责的部分：进展、未完成的承诺、风险和待确认事项`,
    introduce: (lead, contact) => `把${lead}介绍给${contact}`,
    accesses: (lead, from) =>
      `权限：为${lead}开通代码仓库、CI、测试和生产环境、客户自有系统和账号、共享盘和密码库条目的权限；${from}最后工作日之后收回其权限`,
    recurring: (lead, cadence, next) => `例会：把${cadence}的汇报和客户例会转给${lead}；下次周报在 ${next}`,
    recurringNoCadence: (lead) => `例会：把客户例会转给${lead}，并与客户约定汇报节奏`,
    documents: (lead) => `文档：在 clients.md 中更新负责人和备份，并和${lead}一起过一遍这份交接文档、决定与备注，以及项目文档的存放位置`,
    reassign: (title, due) => `待办：为${title}（${due}）重新指定负责人`,
    followUp: (ask, days) => `待办：跟进${ask}，${days}`,
    branch: (name) => `待办：合并、移交或关闭分支 \`${name}\``,
    longLivedBranch: (name, lead) => `待办：向${lead}说明长期分支 \`${name}\` 的维护方式（保留，不要合并或删除）`,
    walkthrough: (lead, areas) => `待办：给${lead}讲解 ${areas} 的代码；此期间没有其他人修改过`,
    checkIns: (contact, dates) => `交接后头几周：在 ${dates} 与${contact}沟通`,
    satisfaction: (contact, date) => `${date}前后询问${contact}对这次交接是否满意`,
  },
};

export function phrasesFor(lang: Language): HandoverPhrases {
  return lang === 'zh-CN' ? zh : en;
}
