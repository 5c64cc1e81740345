/** Parsers of field values: people (`Name <email> (role)`), e-mail, cadence, language, lists. */
import type { Cadence, Language, Person } from './model';
import { DAY_NAMES, ZH_DAYS } from './vocabulary';

const EMAIL_RE = /^[^\s@<>(),;]+@[^\s@<>(),;]+\.[^\s@<>(),;.]+$/;
export function isValidEmail(s: string): boolean {
  return EMAIL_RE.test(s);
}

export function parsePerson(value: string): Person {
  let rest = value.trim();
  let role: string | undefined;
  const roleM = /\(([^()]*)\)\s*$/.exec(rest) ?? /（([^（）]*)）\s*$/.exec(rest);
  if (roleM) { role = roleM[1].trim() || undefined; rest = rest.slice(0, roleM.index).trim(); }
  let email: string | undefined;
  const mailM = /<([^<>]*)>/.exec(rest);
  if (mailM) {
    email = mailM[1].trim();
    rest = (rest.slice(0, mailM.index) + rest.slice(mailM.index + mailM[0].length)).trim();
  } else if (/^\S+@\S+$/.test(rest)) {
    email = rest;
    rest = '';
  }
  const name = rest.replace(/\s+/g, ' ').trim() || (email ? email.split('@')[0] : '');
  return { name, ...(email !== undefined ? { email } : {}), ...(role ? { role } : {}) };
}

export function parseCadence(raw: string): Cadence | undefined {
  const v = raw.trim().toLowerCase().replace(/\s+/g, ' ');
  if (v === 'daily' || v === '每天' || v === '每日') return { every: 'daily', raw: raw.trim() };
  if (v === 'monthly' || v === '每月') return { every: 'monthly', raw: raw.trim() };
  let m = /^(weekly|biweekly|fortnightly)(?: (?:on )?([a-z]+))?$/.exec(v);
  if (m) {
    const every = m[1] === 'weekly' ? 'weekly' : 'biweekly';
    if (m[2] === undefined) return { every, raw: raw.trim() };
    const day = DAY_NAMES[m[2]];
    return day === undefined ? undefined : { every, day, raw: raw.trim() };
  }
  m = /^(每周|每两周|双周)(?:周|星期)?([日天一二三四五六])?$/.exec(v);
  if (m) {
    const every = m[1] === '每周' ? 'weekly' : 'biweekly';
    return m[2] === undefined ? { every, raw: raw.trim() } : { every, day: ZH_DAYS[m[2]], raw: raw.trim() };
  }
  return undefined;
}

export function parseLanguage(raw: string): Language | undefined {
  const v = raw.trim();
  if (/^en$/i.test(v)) return 'en';
  if (/^zh-cn$/i.test(v)) return 'zh-CN';
  return undefined;
}

/** A comma- or semicolon-separated list (ASCII or full-width), items trimmed, blanks dropped. */
export function splitList(value: string): string[] {
  return value.split(/[,，;；]/).map((s) => s.trim()).filter((s) => s.length > 0);
}
