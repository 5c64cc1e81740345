/**
 * The words of clients.md in both languages: section names, field keys, weekdays and risk levels,
 * each mapped to its canonical form, plus the English spellings that suggestions offer.
 */
import type { DraftFormat, RiskLevel, SectionKind, Weekday } from './model';

export const SECTION_NAMES: Partial<Record<string, Exclude<SectionKind, 'unknown'>>> = {
  commitments: 'commitments', '承诺': 'commitments',
  risks: 'risks', '风险': 'risks',
  asks: 'asks', '待客户确认': 'asks',
  feedback: 'feedback', '反馈': 'feedback',
  decisions: 'decisions', '决定': 'decisions',
  notes: 'notes', '备注': 'notes',
};
export const SECTION_ENGLISH = ['Commitments', 'Risks', 'Asks', 'Feedback', 'Decisions', 'Notes'];

export const FIELD_KEYS: Partial<Record<string, string>> = {
  contact: 'contact', contacts: 'contact', '联系人': 'contact',
  cc: 'cc', '抄送': 'cc',
  cadence: 'cadence', '节奏': 'cadence',
  language: 'language', '语言': 'language',
  paths: 'paths', path: 'paths', '路径': 'paths',
  tag: 'tag', tags: 'tag', '标签': 'tag',
  owner: 'owner', '负责人': 'owner',
  backup: 'backup', '备份': 'backup',
  repos: 'repos', repo: 'repos', repositories: 'repos', '仓库': 'repos',
  team: 'team', '团队': 'team',
  format: 'format', '格式': 'format',
};
export const FIELD_ENGLISH = ['Contact', 'Cc', 'Cadence', 'Language', 'Paths', 'Tag', 'Owner', 'Backup', 'Repos', 'Team', 'Format'];

/** `Format:` values (英文 / 中文) → the draft format they ask for. */
export const FORMAT_NAMES: Partial<Record<string, DraftFormat>> = {
  'risks-first': 'risks-first', 'risks first': 'risks-first', '风险优先': 'risks-first', '风险在前': 'risks-first',
  short: 'short', brief: 'short', '简短': 'short', '简洁': 'short',
};
export const FORMAT_ENGLISH = ['risks-first', 'short'];

export const DAY_NAMES: Record<string, Weekday> = {
  sun: 0, sunday: 0, mon: 1, monday: 1, tue: 2, tues: 2, tuesday: 2, wed: 3, wednesday: 3,
  thu: 4, thur: 4, thurs: 4, thursday: 4, fri: 5, friday: 5, sat: 6, saturday: 6,
};
export const ZH_DAYS: Record<string, Weekday> = { '日': 0, '天': 0, '一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6 };

export const RISK_LEVELS: Partial<Record<string, RiskLevel>> = { low: 'low', medium: 'medium', high: 'high', '低': 'low', '中': 'medium', '高': 'high' };
