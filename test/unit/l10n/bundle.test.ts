/**
 * The zh-CN bundle (`l10n/bundle.l10n.zh-cn.json`, read by the extension through `vscode.l10n.t` and
 * by the CLI through `@vscode/l10n`) translates every notice core gives and every sentence the two
 * fronts write, with the same placeholders as the English.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NOTICE_TEMPLATES, wordNotice, type Notice, type Translate } from '../../../src/core/notices';
import { commands } from '../../../src/cli/commands';
import { leftOutNote, usableRecipients } from '../../../src/core/mailbox';

const ROOT = path.join(__dirname, '..', '..', '..');
const BUNDLE = JSON.parse(fs.readFileSync(path.join(ROOT, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;

/** The `{name}` placeholders of a message, sorted (`{ "x": … }`-like braces with spaces are text). */
function placeholders(message: string): string[] {
  return [...message.matchAll(/\{([^}\s]+)\}/gu)].map((m) => m[1]).sort();
}

/** The text of a quoted string literal (`'it\'s'` → `it's`). */
function unquote(literal: string): string {
  return literal.slice(1, -1).replace(/\\(.)/gu, (_, c: string) => (c === 'n' ? '\n' : c));
}

/** The string literals passed to `t(…)` / `l10n.t(…)` in the files under `dir`. */
function literalsOf(dir: string, call: RegExp): Array<{ file: string; text: string }> {
  const out: Array<{ file: string; text: string }> = [];
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(path.join(ROOT, d), { withFileTypes: true })) {
      const rel = path.join(d, e.name);
      if (e.isDirectory()) walk(rel);
      else if (e.name.endsWith('.ts')) {
        const text = fs.readFileSync(path.join(ROOT, rel), 'utf8');
        for (const m of text.matchAll(call)) out.push({ file: rel, text: unquote(m[1]) });
      }
    }
  };
  walk(dir);
  return out;
}

const SINGLE_OR_DOUBLE = String.raw`('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")`;

function assertTranslated(english: string, where: string): void {
  const zh = BUNDLE[english];
  assert.ok(typeof zh === 'string' && zh.trim() !== '', `${where}: no zh-CN translation of ${JSON.stringify(english)}`);
  assert.deepEqual(placeholders(zh), placeholders(english), `${where}: placeholders differ in ${JSON.stringify(zh)}`);
  // Text besides the placeholders is Chinese (or full-width punctuation).
  if (english.replace(/\{[^}]+\}/gu, '').replace(/[\s:;,.()]/gu, '') !== '') assert.match(zh, /[\p{Script=Han}\uff01-\uff5e\u3000-\u303f]/u, `${where}: ${JSON.stringify(zh)} is not Chinese`);
}

describe('l10n: the zh-CN bundle', () => {
  it('translates every notice code with the same placeholders', () => {
    const codes = Object.keys(NOTICE_TEMPLATES) as Array<keyof typeof NOTICE_TEMPLATES>;
    assert.ok(codes.length > 60, `${codes.length} notice codes`);
    for (const code of codes) assertTranslated(NOTICE_TEMPLATES[code], code);
  });

  it('words a notice, nested notices and lists through the front\'s translation', () => {
    const zh: Translate = (template, values) => (BUNDLE[template] ?? template).replace(/\{([^}]+)\}/gu, (whole, k: string) => (k in values ? String(values[k]) : whole));
    const notice: Notice = { code: 'handover.since-not-a-date', text: '2026-02-30', problem: { code: 'date.day', max: 28, month: '2026-02' } };
    assert.equal(wordNotice(notice), '2026-02-30 is not a real date: day must be 01–28 in 2026-02');
    assert.equal(wordNotice(notice, zh), '2026-02-30 不是真实的日期：2026-02 的日必须是 01–28');
    assert.equal(wordNotice({ code: 'draft.unknown-client', name: 'Zed', known: ['"Acme"', '"Beta"'] }, zh), 'clients.md 中没有名为 "Zed" 的客户（现有客户："Acme", "Beta"）');
    const cc = leftOutNote(usableRecipients([], ['b@client.example%0D%0ABcc:x@elsewhere.example']).leftOut[0]);
    assert.equal(wordNotice(cc, zh), '抄送地址 "b@client.example%0D%0ABcc:x@elsewhere.example" 未列入收件人（Cc）：该地址含有编码后的换行符（%0D）；请在 clients.md 中修正（"client-pulse check" 会指出位置）');
    assert.equal(wordNotice({ code: 'handover.unknown-person', from: 'x', since: '2026-01-01', today: '2026-02-01', people: [] }).includes('(people: —)'), true);
  });

  it("translates every sentence of the CLI (t('…')) and the command summaries", () => {
    const found = literalsOf('src/cli', new RegExp(String.raw`\bt\(\s*${SINGLE_OR_DOUBLE}`, 'gu'));
    assert.ok(found.length > 50, `${found.length} CLI sentences`);
    for (const { file, text } of found) assertTranslated(text, file);
    for (const c of commands) assertTranslated(c.summary, `${c.name} summary`);
  });

  it('translates every command\'s --help, listing the same options', () => {
    const flags = (text: string) => [...new Set(text.match(/(?<![\w-])--?[a-z][\w-]*/gu) ?? [])].sort();
    for (const c of commands) {
      assertTranslated(c.usage, `${c.name} --help`);
      assert.deepEqual(flags(BUNDLE[c.usage]), flags(c.usage), `${c.name} --help: the translation lists other options`);
    }
  });

  it("translates every sentence of the extension (vscode.l10n.t('…'))", () => {
    const found = literalsOf('src/extension', new RegExp(String.raw`\bl10n\.t\(\s*${SINGLE_OR_DOUBLE}`, 'gu'));
    assert.ok(found.length > 50, `${found.length} extension sentences`);
    for (const { file, text } of found) assertTranslated(text, file);
  });
});
