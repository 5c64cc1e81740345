/**
 * `composeHandover`: the whole handover from its input. Pure and deterministic: the same input
 * always gives the same document, byte for byte.
 */
import type { Client, IsoDate, Person } from '../clients/model';
import { assessStatus } from '../draft/status';
import type { StatusAssessment } from '../model';
import { formatDay, formatRange } from '../l10n/dates';
import { addDays, daysBetween } from '../calendar';
import { phrasesFor as draftPhrasesFor, type PeriodWords } from '../l10n/phrases';
import { codeAreas, isProjectFile, type FileFilter } from './areas';
import { branchBelongsTo, clientFileFilter, hasDepartingWork } from './branches';
import { composeChecklist, walkthroughOnly } from './checklist';
import { areaLines, branchLines, clientMarkdown } from './clientPart';
import { clientFacts, type BranchFact } from './facts';
import { composeLetter } from './letter';
import { formatPerson } from './person';
import { phrasesFor } from './phrases';
import { english, wordNotice, type Translate } from '../notices';
import type { ClientHandover, CodeArea, HandoverDocument, HandoverInput, UnmergedBranch } from './types';

/**
 * The client's status by the same rules as its next update: evidence is what was linked to each
 * commitment since the last update (or in the last 7 days when none is recorded).
 */
function statusOf(input: HandoverInput, client: Client, lastSent: IsoDate | undefined): StatusAssessment {
  const lang = client.language ?? input.language;
  const since = lastSent && lastSent < input.today ? addDays(lastSent, 1) : addDays(input.today, -6);
  const evidence = new Map<string, IsoDate[]>();
  for (const repo of input.repositories) {
    for (const item of repo.items) {
      const day = item.commit.authorDate.slice(0, 10);
      if (day < since || item.kind === 'revert') continue;
      for (const id of new Set(item.commitmentIds)) evidence.set(id, [...(evidence.get(id) ?? []), day]);
    }
  }
  const period: PeriodWords = lastSent ? { kind: 'since-last' } : { kind: 'range', range: formatRange(since, input.today, lang) };
  return assessStatus({ client, today: input.today, evidence, phrases: draftPhrasesFor(lang), period });
}

/** The handover document; `translate` words its warnings (the front's language; English by default). */
export function composeHandover(input: HandoverInput, translate: Translate = english): HandoverDocument {
  const p = phrasesFor(input.language);
  const refYear = Number(input.today.slice(0, 4));
  const from: Person = { name: input.from.name, ...(input.from.email ? { email: input.from.email } : {}) };
  const historyRead = input.historyRead !== false;
  const ctxBase = { from: from.name, today: input.today, since: input.period.since, refYear, historyRead };

  const clients: ClientHandover[] = input.clients.map((client) => {
    const f = clientFacts(input, client);
    // Someone with no part in a client's work does not write to that client.
    const involved = f.role !== 'none';
    const letter = involved ? composeLetter(f, from.name, refYear) : undefined;
    const checklist = involved ? composeChecklist(f, from.name, input.today, refYear) : walkthroughOnly(f);
    const status = input.status?.[client.name] ?? statusOf(input, f.client, f.lastSent);
    const markdown = clientMarkdown(f, { ...ctxBase, ...(status ? { status } : {}) }, letter, checklist);
    return {
      client: client.name,
      language: f.lang,
      role: f.role,
      lead: f.lead,
      openCommitments: f.open.length,
      overdue: f.overdue.length,
      ownedByDeparting: f.open.filter((o) => o.ownedByDeparting).length,
      areas: f.areas,
      branches: f.branches.map((b) => b.branch),
      ...(letter ? { letter } : {}),
      checklist,
      markdown,
    };
  });

  // Work that no client (of the whole file) claims: still the departing person's to hand over.
  const multiRepo = input.repositories.length > 1;
  const unassignedAreas: CodeArea[] = [];
  const unassignedBranchFacts: BranchFact[] = [];
  const everyClient = input.allClients ?? input.clients;
  const filters = new Map(everyClient.map((c) => [c.name, clientFileFilter(c)]));
  // A file is claimed when its commit is routed to a client and the file is that client's.
  const unclaimed: FileFilter = (file, item) =>
    !isProjectFile(file) && !item.clients.some((name) => filters.get(name)?.(file) ?? false);
  for (const repo of input.repositories) {
    unassignedAreas.push(...codeAreas(repo.items, input.from, unclaimed, () => 0, multiRepo ? repo.name : undefined));
    for (const b of repo.branches) {
      if (!hasDepartingWork(b, input.from) || everyClient.some((c) => branchBelongsTo(b, c))) continue;
      unassignedBranchFacts.push({ branch: b, base: repo.base ?? 'main', ...(multiRepo ? { repository: repo.name } : {}), departing: true });
    }
  }
  const unassignedBranches: UnmergedBranch[] = unassignedBranchFacts.map((b) => b.branch);

  const title = p.title(from.name, input.to?.name);
  const days = daysBetween(input.period.since, input.period.until) + 1;
  const lines: string[] = [`# ${title}`, ''];
  lines.push(
    `_${p.prepared(formatDay(input.today, input.language), formatDay(input.period.since, input.language), formatDay(input.period.until, input.language), days, clients.length)}_`,
    '',
    `## ${p.summary}`,
    '',
    `- ${p.leaving}${p.colon}${formatPerson(from)}`,
    `- ${p.takingOver}${p.colon}${input.to ? formatPerson(input.to) : p.noSuccessor}`,
  );
  for (const c of clients) {
    const lead = p.leadShort(c.lead.kind, c.lead.person?.name ?? p.placeholderLead);
    lines.push(`- ${c.client}${p.colon}${p.roleShort[c.role]} · ${lead} · ${p.totals(c.openCommitments, c.overdue, c.ownedByDeparting, from.name)}`);
  }
  const departingBranches = new Set<string>();
  for (const c of clients) for (const b of c.branches) if (hasDepartingWork(b, input.from)) departingBranches.add(b.name);
  for (const b of unassignedBranches) departingBranches.add(b.name);
  lines.push(`- ${historyRead ? p.branchesTotal(departingBranches.size, from.name) : p.branchesUnknown(from.name)}`);
  if (input.warnings.length > 0) {
    lines.push('', `**${p.warnings}${p.colon.trimEnd()}**`, '', ...input.warnings.map((w) => `- ${wordNotice(w, translate)}`));
  }
  for (const c of clients) lines.push('', c.markdown);
  if (unassignedAreas.length > 0 || unassignedBranchFacts.length > 0) {
    const frame = { p, lang: input.language };
    lines.push('', `## ${p.unassigned}`, '', p.unassignedIntro(from.name));
    if (unassignedAreas.length > 0) lines.push('', `### ${p.areasWorked(from.name)}`, '', ...areaLines(frame, unassignedAreas, refYear));
    if (unassignedBranchFacts.length > 0) {
      lines.push('', `### ${p.branches}`, '', ...branchLines(frame, unassignedBranchFacts, from.name, refYear));
    }
  }
  return {
    title,
    language: input.language,
    today: input.today,
    period: input.period,
    from,
    ...(input.to ? { to: input.to } : {}),
    clients,
    unassignedAreas,
    unassignedBranches,
    warnings: input.warnings,
    markdown: `${lines.join('\n')}\n`,
  };
}
