/**
 * The data a body template sees (every name is documented in docs/drafting.md). Built from a
 * `Draft` alone, so a draft can be re-rendered after the user drops lines or overrides the status.
 */
import { formatRange } from '../l10n/dates';
import { yearOf } from '../calendar';
import { phrasesFor } from '../l10n/phrases';
import type { Draft, DraftLine, DraftSection, DraftSectionId } from './types';

export interface LineView {
  id: string;
  text: string;
  /** ` \[1\]` (footnotes), `` (`a1b2c3d`)`` (internal) or empty. */
  trace: string;
  hashes: string[];
  shortHashes: string[];
  carriedOver: boolean;
  proposedDate: string;
  subject: string;
}

export interface GroupView {
  /** Empty when the section needs no sub-headings. */
  heading: string;
  lines: LineView[];
}

export interface SectionView {
  id: DraftSectionId;
  title: string;
  groups: GroupView[];
  lines: LineView[];
}

export interface FootnoteView {
  n: number;
  marker: string;
  hashes: string;
}

export interface TemplateView {
  client: string;
  subject: string;
  language: string;
  audience: string;
  isClient: boolean;
  isInternal: boolean;
  today: string;
  period: { since: string; until: string; range: string; week: number | false };
  week: number | false;
  greeting: string;
  intro: string;
  quiet: boolean;
  status: { key: string; label: string; reasons: string[]; overridden: boolean; onTrack: boolean; atRisk: boolean; offTrack: boolean };
  statusLine: string;
  sections: SectionView[];
  breaking: SectionView | false;
  done: SectionView | false;
  delivered: SectionView | false;
  inProgress: SectionView | false;
  dueSoon: SectionView | false;
  overdue: SectionView | false;
  risks: SectionView | false;
  asks: SectionView | false;
  next: SectionView | false;
  hiddenCount: number;
  closing: string;
  signature: string;
  signOff: string;
  hasFootnotes: boolean;
  footnotesTitle: string;
  footnotes: FootnoteView[];
}

export interface ViewOptions {
  /** Client audience: number the lines that have commits and list the hashes at the end. */
  footnotes: boolean;
  week?: number;
}

function groupsOf(section: DraftSection, lines: LineView[], source: DraftLine[]): GroupView[] {
  if (section.id !== 'done') return [{ heading: '', lines }];
  const groups: GroupView[] = [];
  source.forEach((line, i) => {
    const heading = line.group ?? '';
    const last = groups[groups.length - 1];
    if (last && last.heading === heading) last.lines.push(lines[i]);
    else groups.push({ heading, lines: [lines[i]] });
  });
  // One titled kind group needs no heading; commitment groups keep theirs (they name the promise).
  const titled = groups.filter((g) => g.heading !== '');
  if (titled.length === 1 && !source.some((l) => l.commitmentId !== undefined)) titled[0].heading = '';
  return groups;
}

/** The folder name of a `Repos:` entry (`../api-server` → `api-server`). */
function repositoryName(entry: string): string {
  const parts = entry.split(/[\\/]+/u).filter((p) => p !== '' && p !== '.' && p !== '..');
  return parts[parts.length - 1] ?? entry;
}

export function buildView(draft: Draft, options: ViewOptions): TemplateView {
  const phrases = phrasesFor(draft.language);
  const internal = draft.audience === 'internal';
  const footnotes: FootnoteView[] = [];
  const sections: SectionView[] = [];
  for (const section of draft.sections) {
    const source = section.lines.filter((l) => !l.dropped);
    if (!source.length) continue;
    const lines = source.map((line): LineView => {
      const shortHashes = line.hashes.map((h) => h.slice(0, 7));
      // A commit of another repository of the client is traced with that repository's name.
      const traced = line.hashes.map((h, k) => (draft.repositoryOf?.[h] !== undefined ? `${repositoryName(draft.repositoryOf[h])} ${shortHashes[k]}` : shortHashes[k]));
      let trace = '';
      if (internal && shortHashes.length && line.id !== 'done:hidden') {
        trace = ` (${traced.map((h) => `\`${h}\``).join(', ')})`;
      } else if (options.footnotes && shortHashes.length) {
        const n = footnotes.length + 1;
        const marker = `\\[${n}\\]`;
        footnotes.push({ n, marker, hashes: traced.join(', ') });
        trace = ` ${marker}`;
      }
      return {
        id: line.id,
        text: line.text,
        trace,
        hashes: line.hashes,
        shortHashes,
        carriedOver: line.carriedOver === true,
        proposedDate: line.proposedDate ?? '',
        subject: line.subject ?? line.text,
      };
    });
    sections.push({ id: section.id, title: section.title, groups: groupsOf(section, lines, source), lines });
  }
  const byId = (id: DraftSectionId) => sections.find((s) => s.id === id) ?? false;
  const status = draft.status;
  const label = phrases.statusLabel[status.status];
  const [closing, ...rest] = internal ? ['', draft.signOff] : draft.signOff.split('\n');
  const signature = rest.join('\n');
  const week = options.week ?? false;
  return {
    client: draft.client,
    subject: draft.subject,
    language: draft.language,
    audience: draft.audience,
    isClient: !internal,
    isInternal: internal,
    today: draft.today,
    period: { since: draft.period.since, until: draft.period.until, range: formatRange(draft.period.since, draft.period.until, draft.language, yearOf(draft.today)), week },
    week,
    greeting: draft.greeting,
    intro: draft.intro ?? '',
    quiet: draft.quiet === true,
    status: {
      key: status.status,
      label,
      reasons: status.reasons,
      overridden: status.overridden,
      onTrack: status.status === 'on-track',
      atRisk: status.status === 'at-risk',
      offTrack: status.status === 'off-track',
    },
    statusLine: phrases.statusLine(label, status.overridden ? [] : status.reasons),
    sections,
    breaking: byId('breaking'),
    done: byId('done'),
    delivered: byId('delivered'),
    inProgress: byId('inProgress'),
    dueSoon: byId('dueSoon'),
    overdue: byId('overdue'),
    risks: byId('risks'),
    asks: byId('asks'),
    next: byId('next'),
    hiddenCount: draft.hiddenCount ?? 0,
    closing: closing ?? '',
    signature,
    signOff: draft.signOff,
    hasFootnotes: footnotes.length > 0,
    footnotesTitle: phrases.footnotesTitle,
    footnotes,
  };
}
