/**
 * Every fixed phrase of a drafted update, in English and Simplified Chinese. Functions receive
 * already formatted dates and markdown-safe texts; they only arrange words around them.
 */
import type { Language, RiskLevel } from '../clients/model';
import type { HiddenReason } from '../git/types';
import type { Status } from '../model';

/** How the drafted period is named in running text. */
export type PeriodWords =
  | { kind: 'this-week' }
  | { kind: 'week'; week: number }
  | { kind: 'since-last' }
  | { kind: 'range'; range: string };

/** How the period after the drafted one is named. */
export type NextWords = { kind: 'next-week' } | { kind: 'this-week' } | { kind: 'week'; week: number } | { kind: 'coming' };

/** A plan line's date: due ahead (moved from an earlier date not yet passed). */
export type PlanDue = { due: string; movedFrom?: string };
/** A plan line's work so far: the period's changes shown to the reader for a commitment in progress (0: its work is all hidden, e.g. chores). */
export type PlanWork = { changes: number; period: PeriodWords };

export type KindGroup = 'release' | 'feature' | 'fix' | 'improvement' | 'docs';

/** The period's work on an overdue commitment, all of it after the due date. */
export interface OverdueWork {
  /** Changes listed to the reader (may be 0 when the evidence is not shown). */
  changes: number;
  /** Formatted day of the latest change. */
  latest: string;
}

/** The moment of a due date relative to today, for "due in 3 days" / "3 天后到期". */
export type DueIn = { days: number };

export interface Phrases {
  language: Language;
  subject(client: string, internal: boolean, week: number | undefined, range: string): string;
  greeting(name: string | undefined): string;
  intro(period: PeriodWords, week: number | undefined, range: string, client: string, internal: boolean): string;
  quiet(period: PeriodWords): string;
  statusLabel: Record<Status, string>;
  statusLine(label: string, reasons: string[]): string;
  reason: {
    overdue(title: string, days: number): string;
    /** Past due and open, its work landed before the period, not yet confirmed. */
    landedUnconfirmed(title: string): string;
    manyOverdue(count: number): string;
    highRiskWithoutMitigation(description: string): string;
    dueSoonWithoutProgress(title: string, days: number, period: PeriodWords): string;
    highRisk(description: string): string;
    /** An open commitment whose first promised date passed; it was moved to `due`. */
    slipped(title: string, promised: string, due: string): string;
    /** Breaking changes of the period that touch an area the client's risks or notes name (their short titles). */
    breaking(titles: string[]): string;
    onTrack: string;
    noCommitments: string;
  };
  title: {
    /** Breaking changes, before "Done". */
    breaking(internal: boolean): string;
    done(period: PeriodWords, internal: boolean): string;
    delivered(period: PeriodWords, internal: boolean): string;
    inProgress: string;
    dueSoon(days: number): string;
    overdue: string;
    risks(internal: boolean): string;
    asks(internal: boolean): string;
    next(next: NextWords): string;
  };
  kindGroup: Record<KindGroup, string>;
  line: {
    /** One line per version shipped in the period. */
    released(version: string): string;
    /** A release of several packages (`ui 3.1.0`, `payments 1.4.0`); none named: new versions of the packages. */
    releasedPackages(packages: string[]): string;
    delivered(title: string, doneOn: string | undefined, due: string | undefined, timing: 'early' | 'on-time' | 'late' | 'undated'): string;
    dueSoon(title: string, due: string, days: number): string;
    /**
     * A commitment past its due date. `work`: the period's changes for it, all made after the due
     * date (`changes` of them listed above, the latest on `latest`); the line says so instead of
     * "we missed".
     */
    overdue(title: string, due: string, proposed: string | undefined, work: OverdueWork | undefined, period: PeriodWords): string;
    /** An overdue commitment whose work landed before the period (`late`: after its due date), not yet confirmed. */
    overdueEarlierWork(title: string, due: string, landed: string, late: boolean): string;
    /**
     * A commitment whose date was moved from `promised` to `due` (clients.md's `promised:`);
     * `missed`: the promised date has passed. The reason is a blank the lead fills in.
     */
    moved(title: string, promised: string, due: string, missed: boolean): string;
    /** Open and past due, but the work is done: waits for the client's check. `lateFor`: the due date, when it was done after it. */
    deliveredPending(title: string, doneOn: string, lateFor?: string): string;
    risk(level: RiskLevel | undefined, description: string, mitigation: string | undefined): string;
    ask(text: string, askedOn: string | undefined, waitingDays: number | undefined): string;
    /**
     * A plan line, the one place a commitment ahead is named: its due date, the period's changes
     * for it when it is in progress, and whether the last update planned it already.
     */
    next(title: string, due: PlanDue | undefined, carriedOver: boolean, work?: PlanWork): string;
    hidden(count: number, reasons: Array<[HiddenReason, number]>): string;
    /** A revert whose original is not in the period: the change was taken back out. */
    rolledBack(what: string): string;
  };
  closing: string;
  footnotesTitle: string;
  /** Placeholder the lead replaces before sending (proposed dates, missing mitigations). */
  blank: string;
}

const BLANK = '____';

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Removes a trailing full stop so that phrases can add their own punctuation. */
export function stripStop(text: string): string {
  return text.trim().replace(/[.。;；]+$/u, '');
}

function enDuring(p: PeriodWords): string {
  switch (p.kind) {
    case 'this-week':
      return 'this week';
    case 'week':
      return `in week ${p.week}`;
    case 'since-last':
      return 'since our last update';
    case 'range':
      return `in ${p.range}`;
  }
}

function zhDuring(p: PeriodWords): string {
  switch (p.kind) {
    case 'this-week':
      return '本周';
    case 'week':
      return `第${p.week}周`;
    case 'since-last':
      return '自上次汇报以来';
    case 'range':
      return `${p.range}期间`;
  }
}

function enIn(days: number): string {
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  return `in ${days} days`;
}

function zhIn(days: number): string {
  if (days === 0) return '今天';
  if (days === 1) return '明天';
  return `${days} 天后`;
}

const enHidden: Record<HiddenReason, string> = {
  merge: 'merges',
  bot: 'by bots',
  type: 'maintenance',
  reverted: 'reverted',
  'ignored-rev': 'formatting only',
  pattern: 'hidden by pattern',
  branch: 'in merged pull requests',
  'tests-only': 'tests only',
  'ci-only': 'build pipeline only',
  tooling: 'developer tooling only',
  shared: 'in a package several clients share',
};

const zhHidden: Record<HiddenReason, string> = {
  merge: '合并提交',
  bot: '机器人提交',
  type: '维护类',
  reverted: '已回滚',
  'ignored-rev': '仅格式调整',
  pattern: '按规则隐藏',
  branch: '已合并的合并请求内的提交',
  'tests-only': '仅测试',
  'ci-only': '仅构建流水线',
  tooling: '仅开发工具',
  shared: '位于多个客户共用的模块',
};

const en: Phrases = {
  language: 'en',
  subject(client, internal, week, range) {
    if (internal) return week !== undefined ? `[${client}] Internal weekly report — week ${week} (${range})` : `[${client}] Internal report — ${range}`;
    return week !== undefined ? `[${client}] Weekly update — week ${week} (${range})` : `[${client}] Project update — ${range}`;
  },
  greeting: (name) => (name ? `Hi ${name},` : 'Hello,'),
  intro(period, week, range, client, internal) {
    if (internal) return week !== undefined ? `Internal weekly report for ${client}, week ${week} (${range}).` : `Internal report for ${client}, ${range}.`;
    if (period.kind === 'since-last') return `Here is where things stand since our last update (${range}).`;
    return week !== undefined ? `Here is our update for week ${week} (${range}).` : `Here is our update for ${range}.`;
  },
  quiet: (p) =>
    `It was a quiet ${p.kind === 'this-week' || p.kind === 'week' ? 'week' : 'stretch'} on our side: no new changes shipped, so this update is mostly about where things stand.`,
  statusLabel: { 'on-track': 'On track', 'at-risk': 'At risk', 'off-track': 'Off track' },
  statusLine: (label, reasons) => `**Overall status: ${label}**${reasons.length ? ` — ${reasons.join('; ')}.` : ''}`,
  reason: {
    overdue: (title, days) => `“${title}” is ${plural(days, 'day', 'days')} past its due date`,
    landedUnconfirmed: (title) => `“${title}” is past its due date and its work waits for confirmation`,
    manyOverdue: (count) => `${count} commitments are overdue`,
    highRiskWithoutMitigation: (d) => `a high risk has no mitigation yet (${stripStop(d)})`,
    dueSoonWithoutProgress: (title, days, p) => `“${title}” is due ${enIn(days)} and saw no progress ${enDuring(p)}`,
    highRisk: (d) => `a high risk is open (${stripStop(d)})`,
    slipped: (title, promised, due) => `“${title}” missed its ${promised} date (new date ${due})`,
    breaking: (titles) =>
      titles.length === 1
        ? `“${titles[0]}” is a breaking change in an area you rely on (see “Changes that need your attention”)`
        : `${titles.length} breaking changes touch areas you rely on (see “Changes that need your attention”)`,
    onTrack: 'all commitments are on schedule',
    noCommitments: 'nothing is late or at risk',
  },
  title: {
    breaking: (internal) => (internal ? 'Breaking changes' : 'Changes that need your attention'),
    done: (p, internal) => `${internal ? 'Work' : 'Done'} ${enDuring(p)}`,
    delivered: (p, internal) => (internal ? 'Results' : `Commitments delivered ${enDuring(p)}`),
    inProgress: 'In progress',
    dueSoon: (days) => `Due in the next ${days} days`,
    overdue: 'Overdue',
    risks: (internal) => (internal ? 'Risks' : 'Risks and how we are handling them'),
    asks: (internal) => (internal ? 'Waiting on the client' : 'What we need from you'),
    next: (n) => {
      switch (n.kind) {
        case 'next-week':
          return 'Plan for next week';
        case 'this-week':
          return 'Plan for this week';
        case 'week':
          return `Plan for week ${n.week}`;
        case 'coming':
          return 'Plan for the coming week';
      }
    },
  },
  kindGroup: { release: 'Releases', feature: 'New features', fix: 'Fixes', improvement: 'Improvements', docs: 'Documentation' },
  line: {
    released: (version) => `Released version ${version}`,
    releasedPackages: (packages) =>
      packages.length === 0 ? 'Released new versions of the packages' : packages.length === 1 ? `Released a new version: ${packages[0]}` : `Released new versions: ${packages.join(', ')}`,
    rolledBack: (what) => `Rolled back: ${what}`,
    delivered(title, doneOn, due, timing) {
      switch (timing) {
        case 'early':
          return `${title} — delivered ${doneOn}, ahead of the ${due} date`;
        case 'on-time':
          return `${title} — delivered on time (${doneOn})`;
        case 'late':
          return `${title} — delivered ${doneOn} (planned for ${due})`;
        case 'undated':
          return doneOn ? `${title} — delivered ${doneOn}` : `${title} — delivered`;
      }
    },
    dueSoon: (title, due, days) => `${title} — due ${due} (${enIn(days)})`,
    overdue(title, due, proposed, work, p) {
      if (!work) return `We missed the ${due} date for “${title}”. Proposed new date: ${proposed ?? BLANK}`;
      const detail = work.changes > 0 ? `${plural(work.changes, 'change', 'changes')} ${enDuring(p)}, the latest on ${work.latest}` : `the latest change on ${work.latest}`;
      return `“${title}” was due ${due}; work continued after that date (${detail}). Proposed new date: ${proposed ?? BLANK}`;
    },
    overdueEarlierWork: (title, due, landed, late) =>
      late
        ? `We missed the date for “${title}” (${due}); work on it landed on ${landed}, and we'll confirm that it is complete or give a new date`
        : `“${title}” (due ${due}) is still open: work on it landed on ${landed}, and we'll confirm that it is complete or give a new date`,
    moved: (title, promised, due, missed) =>
      missed ? `${title}: the ${promised} date was missed; new date ${due}, because ${BLANK}` : `${title}: moved from ${promised} to ${due}, because ${BLANK}`,
    deliveredPending: (title, doneOn, lateFor) =>
      lateFor
        ? `Work on “${title}” was completed on ${doneOn} (planned for ${lateFor}); we'll confirm once you have checked it`
        : `Work on “${title}” was completed on ${doneOn}; we'll confirm once you have checked it`,
    risk(level, description, mitigation) {
      const prefix = level ? `**${level[0].toUpperCase()}${level.slice(1)}:** ` : '';
      return `${prefix}${stripStop(description)}. What we are doing: ${mitigation ? `${stripStop(mitigation)}.` : `${BLANK} (to be agreed)`}`;
    },
    ask(text, askedOn, waitingDays) {
      if (waitingDays === undefined) return stripStop(text);
      if (waitingDays <= 0) return `${stripStop(text)} — asked today`;
      return `${stripStop(text)} — waiting ${plural(waitingDays, 'day', 'days')} (asked ${askedOn})`;
    },
    next: (title, due, carried, work) => {
      const when = !due ? '' : due.movedFrom ? `due ${due.due}, moved from ${due.movedFrom}` : `due ${due.due}`;
      const progress = !work ? '' : work.changes > 0 ? `in progress, ${plural(work.changes, 'change', 'changes')} ${enDuring(work.period)}` : 'in progress';
      const notes = [when, progress, carried ? 'carried over' : ''].filter(Boolean);
      return notes.length ? `${title} (${notes.join('; ')})` : title;
    },
    hidden(count, reasons) {
      const detail = reasons.map(([r, n]) => `${n} ${enHidden[r]}`).join(', ');
      return `${plural(count, 'more commit', 'more commits')} not shown to the client${detail ? ` (${detail})` : ''}`;
    },
  },
  closing: 'Best regards,',
  footnotesTitle: 'Commits behind each line:',
  blank: BLANK,
};

const zh: Phrases = {
  language: 'zh-CN',
  subject(client, internal, week, range) {
    if (internal) return week !== undefined ? `【${client}】内部周报 第${week}周（${range}）` : `【${client}】内部进展报告 ${range}`;
    return week !== undefined ? `【${client}】项目周报 第${week}周（${range}）` : `【${client}】项目进展 ${range}`;
  },
  // The usual opening of a Chinese business e-mail: 「李娜，您好！」
  greeting: (name) => (name ? `${name}，您好！` : '您好！'),
  intro(period, week, range, client, internal) {
    if (internal) return week !== undefined ? `${client} 内部周报，第${week}周（${range}）。` : `${client} 内部进展报告，${range}。`;
    if (period.kind === 'since-last') return `以下是自上次汇报以来（${range}）的项目进展。`;
    return week !== undefined ? `以下是第${week}周（${range}）的项目进展。` : `以下是${range}的项目进展。`;
  },
  quiet: (p) => `${p.kind === 'this-week' ? '本周' : p.kind === 'week' ? `第${p.week}周` : '这段时间'}没有新的交付内容，以下主要汇报各项工作的当前状态。`,
  statusLabel: { 'on-track': '按计划推进', 'at-risk': '存在风险', 'off-track': '偏离计划' },
  statusLine: (label, reasons) => `**总体状态：${label}**${reasons.length ? `。${reasons.join('；')}。` : ''}`,
  reason: {
    overdue: (title, days) => `“${title}”已逾期 ${days} 天`,
    landedUnconfirmed: (title) => `“${title}”已过原定日期，相关工作待确认完成`,
    manyOverdue: (count) => `共有 ${count} 项承诺逾期`,
    highRiskWithoutMitigation: (d) => `高风险尚无应对措施（${stripStop(d)}）`,
    dueSoonWithoutProgress: (title, days, p) => `“${title}”${zhIn(days)}到期，但${zhDuring(p)}没有相关进展`,
    highRisk: (d) => `存在高风险（${stripStop(d)}）`,
    slipped: (title, promised, due) => `“${title}”未能按原定的${promised}完成（新日期${due}）`,
    breaking: (titles) =>
      titles.length === 1 ? `“${titles[0]}”是涉及您所依赖部分的不兼容变更（见“需要您注意的变更”）` : `有 ${titles.length} 项不兼容变更涉及您所依赖的部分（见“需要您注意的变更”）`,
    onTrack: '各项承诺均按计划推进',
    noCommitments: '没有延期或存在风险的事项',
  },
  title: {
    breaking: (internal) => (internal ? '不兼容变更' : '需要您注意的变更'),
    done: (p, internal) => `${zhDuring(p)}${internal ? '工作' : '完成'}`,
    delivered: (p, internal) => (internal ? '成果' : `${zhDuring(p)}兑现的承诺`),
    inProgress: '进行中',
    dueSoon: (days) => `未来 ${days} 天到期`,
    overdue: '已逾期',
    risks: (internal) => (internal ? '风险' : '风险及应对'),
    asks: (internal) => (internal ? '待客户确认' : '需要您协助的事项'),
    next: (n) => {
      switch (n.kind) {
        case 'next-week':
          return '下周计划';
        case 'this-week':
          return '本周计划';
        case 'week':
          return `第${n.week}周计划`;
        case 'coming':
          return '未来一周计划';
      }
    },
  },
  kindGroup: { release: '版本发布', feature: '新功能', fix: '问题修复', improvement: '改进', docs: '文档' },
  line: {
    released: (version) => `发布了 ${version} 版本`,
    releasedPackages: (packages) => (packages.length ? `发布了新版本：${packages.join('、')}` : '发布了各模块的新版本'),
    rolledBack: (what) => `已撤回：${what}`,
    delivered(title, doneOn, due, timing) {
      switch (timing) {
        case 'early':
          return `${title}：已于${doneOn}交付，早于计划的${due}`;
        case 'on-time':
          return `${title}：已于${doneOn}按期交付`;
        case 'late':
          return `${title}：已于${doneOn}交付（原计划${due}）`;
        case 'undated':
          return doneOn ? `${title}：已于${doneOn}交付` : `${title}：已交付`;
      }
    },
    dueSoon: (title, due, days) => `${title}：${due}到期（${days === 0 ? '今天' : days === 1 ? '明天' : `还有 ${days} 天`}）`,
    overdue(title, due, proposed, work, p) {
      if (!work) return `“${title}”未能按原定的${due}完成。建议新日期：${proposed ?? BLANK}`;
      const detail = work.changes > 0 ? `${zhDuring(p)} ${work.changes} 项相关改动，最近一次在${work.latest}` : `最近一次改动在${work.latest}`;
      return `“${title}”原定${due}完成，此后工作仍在推进（${detail}）。建议新日期：${proposed ?? BLANK}`;
    },
    overdueEarlierWork: (title, due, landed, late) =>
      late
        ? `“${title}”未能在原定的${due}完成；相关工作已于${landed}合入，我们将确认是否全部完成，或告知新的日期`
        : `“${title}”（原定${due}）尚待确认：相关工作已于${landed}合入，我们将确认是否全部完成，或告知新的日期`,
    moved: (title, promised, due, missed) =>
      missed ? `${title}：原定${promised}未能完成，新日期${due}，原因：${BLANK}` : `${title}：由${promised}调整至${due}，原因：${BLANK}`,
    deliveredPending: (title, doneOn, lateFor) =>
      lateFor ? `“${title}”的工作已于${doneOn}完成（原计划${lateFor}），待您验收后我们再确认交付` : `“${title}”的工作已于${doneOn}完成，待您验收后我们再确认交付`,
    risk(level, description, mitigation) {
      const prefix = level ? `**${{ low: '低风险', medium: '中风险', high: '高风险' }[level]}**：` : '';
      return `${prefix}${stripStop(description)}。应对：${mitigation ? `${stripStop(mitigation)}。` : `${BLANK}（待商定）`}`;
    },
    ask(text, askedOn, waitingDays) {
      if (waitingDays === undefined) return stripStop(text);
      if (waitingDays <= 0) return `${stripStop(text)}（今天提出）`;
      return `${stripStop(text)}（${askedOn}提出，已等待 ${waitingDays} 天）`;
    },
    next: (title, due, carried, work) => {
      const when = !due ? '' : due.movedFrom ? `由${due.movedFrom}调整至${due.due}` : `${due.due}到期`;
      const progress = !work ? '' : work.changes > 0 ? `进行中，${zhDuring(work.period)} ${work.changes} 项相关改动` : '进行中';
      const notes = [when, progress, carried ? '上期计划顺延' : ''].filter(Boolean);
      return notes.length ? `${title}：${notes.join('；')}` : title;
    },
    hidden(count, reasons) {
      const detail = reasons.map(([r, n]) => `${zhHidden[r]} ${n} 个`).join('，');
      return `另有 ${count} 个提交未向客户展示${detail ? `（${detail}）` : ''}`;
    },
  },
  closing: '祝好！',
  footnotesTitle: '每条内容对应的提交：',
  blank: BLANK,
};

export function phrasesFor(language: Language): Phrases {
  return language === 'zh-CN' ? zh : en;
}
