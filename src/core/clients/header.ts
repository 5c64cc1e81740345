/** A client's header (the blocks between `# Client` and its first section): fields and profile. */
import type { Client, Field } from './model';
import type { Block } from './blocks';
import { diag, type Ctx } from './context';
import { linesText } from './source';
import { closest, suggestLanguage } from './suggest';
import { addRepos } from './repos';
import { ITEM_RE } from './tokens';
import { headerBreaking, mailboxFault, parseCadence, parseLanguage, parsePerson, splitList } from './values';
import { FIELD_ENGLISH, FIELD_KEYS, FORMAT_ENGLISH, FORMAT_NAMES } from './vocabulary';

function fieldLine(s: string): { key: string; keyEnd: number; valueStart: number; value: string } | undefined {
  const m = /^([\p{L}][\p{L}\p{N} _-]{0,23}?)[ \t]*[:：][ \t]*/u.exec(s);
  if (!m) return undefined;
  if (/^(https?|mailto|ftp)$/i.test(m[1])) return undefined;
  return { key: m[1], keyEnd: m[1].length, valueStart: m[0].length, value: s.slice(m[0].length).trimEnd() };
}

export function handleHeaderBlock(ctx: Ctx, client: Client, b: Block, profile: string[]): void {
  const { src } = ctx;
  if (b.type === 'list') {
    for (const it of b.items) {
      const m = ITEM_RE.exec(src.line(it.first));
      if (m && m[2] !== undefined) {
        diag(ctx, src.lineSpan(it.first), 'warning', 'commitment-outside-client', `This task item is in ${client.name || 'the client'}'s header, not in a section: it is not read as a commitment. Put it under "## Commitments".`);
      }
    }
    profile.push(linesText(src, b.first, b.last));
    return;
  }
  if (b.type !== 'paragraph') {
    profile.push(linesText(src, b.first, b.last));
    return;
  }
  const lines: number[] = [];
  for (let l = b.first; l < b.last; l++) lines.push(l);
  const parsed = lines.map((l) => ({ l, f: fieldLine(src.line(l)) }));
  const known = parsed.filter((p) => p.f && FIELD_KEYS[p.f.key.trim().toLowerCase()]);
  const allKeyed = parsed.every((p) => p.f);
  const prose: string[] = [];
  for (const p of parsed) {
    const f = p.f;
    const canonical = f ? FIELD_KEYS[f.key.trim().toLowerCase()] : undefined;
    if (f && canonical) {
      addField(ctx, client, p.l, f, canonical);
      continue;
    }
    if (f && (allKeyed && known.length > 0 || closest(f.key, FIELD_ENGLISH) !== undefined && f.key.length >= 2 && !/\s/.test(f.key.trim()))) {
      const near = closest(f.key, FIELD_ENGLISH);
      const lineText = src.line(p.l);
      const keyAt = lineText.indexOf(f.key);
      const field: Field = { key: f.key, value: f.value, span: src.lineSpan(p.l) };
      client.fields.push(field);
      diag(ctx, src.span(p.l, Math.max(0, keyAt), Math.max(0, keyAt) + f.key.length), 'warning', 'unknown-field',
        `Unknown field "${f.key}"${near ? ` — did you mean "${near}"?` : '.'} Known fields: Contact, Cc, Cadence, Language, Paths, Tag, Owner, Backup, Repos, Team, Format (or 联系人, 抄送, 节奏, 语言, 路径, 标签, 负责人, 备份, 仓库, 团队, 格式). The line is kept but not read.`,
        near && keyAt >= 0 ? { title: `Rename to "${near}"`, edits: [{ offset: src.lineSpan(p.l).startOffset + keyAt, length: f.key.length, newText: near }] } : undefined);
      continue;
    }
    prose.push(src.line(p.l).trim());
  }
  if (prose.length) profile.push(prose.join('\n'));
}

function addField(ctx: Ctx, client: Client, line: number, f: { key: string; valueStart: number; value: string }, canonical: string): void {
  const { src } = ctx;
  const lineText = src.line(line);
  const lead = lineText.length - lineText.trimStart().length;
  const field: Field = { key: f.key.trim(), canonical, value: f.value.trim(), span: src.lineSpan(line) };
  client.fields.push(field);
  const vStart = lead + f.valueStart;
  const valueSpan = src.span(line, vStart, Math.max(vStart, lineText.trimEnd().length));
  const value = field.value;
  const spanOf = (text: string) => {
    const at = lineText.indexOf(text, vStart);
    return at >= 0 && text.length > 0 ? src.span(line, at, at + text.length) : valueSpan;
  };
  // Characters that break a mail header apart are an error: the address is never used as a recipient.
  const unsafe = (text: string, who: string, reason: string): void =>
    diag(ctx, spanOf(text), 'error', 'unsafe-address', `The address for ${who} ${reason}, which would break the e-mail's recipient header; it is left out of drafts until fixed. Write one address as name@example.com (several Cc addresses separated by commas).`);
  /** False when the whole entry was reported as unsafe (no further check of its address). */
  const checkEntry = (entry: string, who: string): boolean => {
    const breaking = headerBreaking(entry);
    if (breaking) unsafe(entry, who, breaking);
    return breaking === undefined;
  };
  const checkEmail = (email: string | undefined, who: string): void => {
    if (email === undefined) return;
    const fault = mailboxFault(email);
    if (!fault) return;
    if (fault.kind === 'unsafe') unsafe(email, who, fault.reason);
    else diag(ctx, spanOf(email), 'warning', 'invalid-email', `"${email}" is not a valid e-mail address for ${who}: it ${fault.reason}. Write it as name@example.com.`);
  };
  switch (canonical) {
    case 'contact': {
      const p = parsePerson(value);
      client.contacts.push(p);
      if (!checkEntry(value, `contact ${p.name || value}`)) break;
      if (p.email === undefined) diag(ctx, valueSpan, 'warning', 'invalid-email', `Contact "${p.name || value}" has no e-mail address. Write it as \`Name <name@example.com> (role)\`.`);
      else checkEmail(p.email, `contact ${p.name}`);
      break;
    }
    case 'cc':
      for (const e of splitList(value)) {
        const email = /<([^<>]*)>/.exec(e)?.[1].trim() ?? e;
        client.cc.push(email);
        if (checkEntry(e, 'Cc')) checkEmail(email, 'Cc');
      }
      break;
    case 'cadence': {
      const c = parseCadence(value);
      if (c) client.cadence = c;
      else diag(ctx, valueSpan, 'warning', 'invalid-cadence', `Cadence "${value}" is not understood. Write \`daily\`, \`weekly Fri\`, \`biweekly Mon\`, \`monthly\` (or 每天, 每周五, 每两周一, 每月).`);
      break;
    }
    case 'language': {
      const l = parseLanguage(value);
      if (l) client.language = l;
      else {
        const s = suggestLanguage(value);
        diag(ctx, valueSpan, 'warning', 'invalid-language', `Language "${value}" is not supported: write \`en\` or \`zh-CN\`${s ? ` (did you mean \`${s}\`?)` : ''}.`,
          s ? { title: `Write "${s}"`, edits: [{ offset: valueSpan.startOffset, length: valueSpan.endOffset - valueSpan.startOffset, newText: s }] } : undefined);
      }
      break;
    }
    case 'paths':
      client.paths.push(...splitList(value));
      break;
    case 'repos':
      addRepos(ctx, client, lineText.slice(vStart, Math.max(vStart, lineText.trimEnd().length)), line, vStart);
      break;
    case 'tag':
      client.tags.push(...splitList(value).map((t) => t.replace(/^#/, '')).filter((t) => t.length > 0));
      break;
    case 'team':
      // The internal report's recipients: people of the team, never a client contact.
      for (const entry of splitList(value)) {
        const p = parsePerson(entry);
        (client.team ??= []).push(p);
        if (!checkEntry(entry, `team member ${p.name || entry}`)) continue;
        if (p.email === undefined) diag(ctx, spanOf(entry), 'warning', 'invalid-email', `Team member "${p.name || entry}" has no e-mail address, so the internal report cannot go to them. Write \`Team: Name <name@example.com>, …\`.`);
        else checkEmail(p.email, `team member ${p.name}`);
      }
      break;
    case 'format':
      for (const word of splitList(value)) {
        const format = FORMAT_NAMES[word.toLowerCase().replace(/\s+/gu, ' ')];
        if (format) {
          if (!(client.format ??= []).includes(format)) client.format.push(format);
          continue;
        }
        const near = closest(word, FORMAT_ENGLISH);
        const span = spanOf(word);
        diag(ctx, span, 'warning', 'invalid-format', `Format "${word}" is not known${near ? ` — did you mean "${near}"?` : '.'} Write \`risks-first\`, \`short\` or both (风险优先, 简短); it is left out until fixed.`,
          near ? { title: `Write "${near}"`, edits: [{ offset: span.startOffset, length: span.endOffset - span.startOffset, newText: near }] } : undefined);
      }
      break;
    case 'owner':
    case 'backup': {
      const p = parsePerson(value);
      if (canonical === 'owner') client.owner = p;
      else client.backup = p;
      if (checkEntry(value, canonical)) checkEmail(p.email, canonical);
      break;
    }
  }
}
