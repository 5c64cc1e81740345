/**
 * Dates as people read them, per draft language: `27 Nov` / `11月27日`, ranges `16–22 Nov` /
 * `11月16日–22日`, with the weekday when it helps (`Fri 27 Nov` / `11月27日（周五）`).
 * Month and weekday names come from fixed tables, not `Intl.DateTimeFormat`: the CLI's Node and
 * VS Code's Electron ship different ICU data (en-GB September is `Sept` in one and `Sep` in the
 * other), and a draft must read the same from both; creating the formatters also cost the CLI
 * about 5 ms of ICU loading per run. The year is shown only when it differs from the reference
 * year (the year of "today").
 */
import type { IsoDate, Language } from '../model';
import { toUtcDate } from '../calendar';

interface Parts {
  year: number;
  /** 1–12. */
  month: number;
  day: number;
  /** 0 (Sunday) – 6. */
  weekday: number;
}

function parts(date: IsoDate): Parts {
  const d = toUtcDate(date);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: d.getUTCDay() };
}

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const EN_WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const ZH_WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] as const;

const enMonth = (p: Parts): string => EN_MONTHS[p.month - 1];

/** `27 Nov` / `11月27日`; with the year when it is not `refYear`. */
export function formatDay(date: IsoDate, lang: Language, refYear?: number): string {
  const p = parts(date);
  const showYear = refYear !== undefined && p.year !== refYear;
  if (lang === 'zh-CN') return `${showYear ? `${p.year}年` : ''}${p.month}月${p.day}日`;
  return `${p.day} ${enMonth(p)}${showYear ? ` ${p.year}` : ''}`;
}

/** `Fri 27 Nov` / `11月27日（周五）`. */
export function formatDayWithWeekday(date: IsoDate, lang: Language, refYear?: number): string {
  const p = parts(date);
  if (lang === 'zh-CN') return `${formatDay(date, lang, refYear)}（${ZH_WEEKDAYS[p.weekday]}）`;
  return `${EN_WEEKDAYS[p.weekday]} ${formatDay(date, lang, refYear)}`;
}

/**
 * A closed range of days: `16–22 Nov`, `30 Nov – 6 Dec`, `28 Dec 2026 – 3 Jan 2027`;
 * `11月16日–22日`, `11月30日–12月6日`, `2026年12月28日–2027年1月3日`.
 */
export function formatRange(since: IsoDate, until: IsoDate, lang: Language, refYear?: number): string {
  if (since === until) return formatDay(since, lang, refYear);
  const a = parts(since);
  const b = parts(until);
  const crossesYear = a.year !== b.year;
  const showYear = crossesYear || (refYear !== undefined && b.year !== refYear);
  if (lang === 'zh-CN') {
    const start = `${showYear ? `${a.year}年` : ''}${a.month}月${a.day}日`;
    if (crossesYear) return `${start}–${b.year}年${b.month}月${b.day}日`;
    if (a.month === b.month) return `${start}–${b.day}日`;
    return `${start}–${b.month}月${b.day}日`;
  }
  const year = showYear ? ` ${b.year}` : '';
  if (crossesYear) return `${a.day} ${enMonth(a)} ${a.year} – ${b.day} ${enMonth(b)} ${b.year}`;
  if (a.month === b.month) return `${a.day}–${b.day} ${enMonth(b)}${year}`;
  return `${a.day} ${enMonth(a)} – ${b.day} ${enMonth(b)}${year}`;
}
