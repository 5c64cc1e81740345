/**
 * Every warning and error core gives a person, as a code with data (`Notice`), and the one table
 * of their English templates (`NOTICE_TEMPLATES`). Core words nothing for a person itself: each
 * front words a notice with `wordNotice` and its own translation function — the extension with
 * `vscode.l10n.t`, the CLI with `@vscode/l10n` — both looking the English template up in the same
 * `l10n/bundle.l10n.zh-cn.json`, so the two fronts cannot disagree.
 *
 * A template names its data as `{field}`; a field may be a string, a number, a list (joined with
 * ", ", "—" when empty) or another notice (worded with the same function). The type checker
 * refuses a template whose placeholder is not a field of its notice (see `_placeholdersAreFields`).
 */
import { brandClass } from './brand';

/** A date that is not a real `YYYY-MM-DD` day, and why (the calendar's `DateFault` as a notice). */
export type DateNotice =
  | { code: 'date.format' }
  | { code: 'date.year'; min: number; max: number }
  | { code: 'date.month' }
  | { code: 'date.day'; max: number; month: string };

export type GitNotice =
  | { code: 'git.not-found' }
  | { code: 'git.refused-subcommand'; sub: string }
  | { code: 'git.refused-config' }
  | { code: 'git.spawn-failed'; cwd: string; reason: string }
  | { code: 'git.unsafe-directory'; repo: string; quotedRepo: string }
  | { code: 'git.not-a-repository'; cwd: string }
  | { code: 'git.inside-git-dir'; cwd: string }
  | { code: 'git.bare-repository'; cwd: string }
  | { code: 'git.not-a-working-tree'; cwd: string }
  | { code: 'git.folder-not-found'; cwd: string }
  | { code: 'git.empty-repository'; cwd: string }
  | { code: 'git.too-old'; detail: string }
  | { code: 'git.failed'; cwd: string; detail: string }
  | { code: 'git.timeout'; sub: string; duration: string; cwd: string }
  | { code: 'git.cancelled' }
  | { code: 'git.output-too-large'; sub: string; max: number }
  | { code: 'git.version-unreadable'; line: string }
  | { code: 'git.bad-since'; since: string };

/** What reading a repository's history found worth saying (not errors: the reading went on). */
export type ReadingNotice =
  | { code: 'reading.shallow-cut'; cut: string }
  | { code: 'reading.shallow-period' }
  | { code: 'reading.detached-head'; commit: string }
  | { code: 'reading.no-commits' }
  | { code: 'reading.subfolder-boundary'; folder: string; root: string }
  | { code: 'reading.repository-failed'; root: string; cause: Notice };

/** A repository a client's `Repos:` names that cannot be read, and why (core/git/repositories.ts). */
export type RepoNotice =
  | { code: 'repos.not-found'; client: string; repo: string; dir: string }
  | { code: 'repos.not-a-git-repo'; client: string; repo: string; dir: string }
  | { code: 'repos.not-top-level'; client: string; repo: string; dir: string; root: string }
  | { code: 'repos.unsafe'; client: string; repo: string; dir: string; cause: Notice }
  | { code: 'repos.failed'; client: string; repo: string; cause: Notice };

export type PeriodNotice =
  | { code: 'period.not-two-dates' }
  | { code: 'period.not-a-date'; date: string; problem: DateNotice }
  | { code: 'period.reversed'; since: string; until: string }
  | { code: 'period.today-not-a-date'; today: string }
  | { code: 'today.not-a-date'; variable: string; value: string; problem: DateNotice };

/** The clients file defines no client at all. */
export type NoClientsNotice = { code: 'clients.none' };

export type DraftNotice =
  | NoClientsNotice
  | { code: 'draft.unknown-client'; name: string; known: string[] }
  | { code: 'draft.period-reversed'; since: string; until: string }
  | { code: 'draft.contact-without-email'; name: string }
  | { code: 'draft.contact-left-out'; name: string; address: string; reason: MailboxNotice | TextNotice }
  | { code: 'draft.cc-left-out'; address: string; reason: MailboxNotice | TextNotice };

/** Why an address may not be used as a recipient (`contains a line break`). */
export type MailboxNotice =
  | { code: 'mailbox.line-break' }
  | { code: 'mailbox.nul' }
  | { code: 'mailbox.control' }
  | { code: 'mailbox.encoded-nul'; encoded: string }
  | { code: 'mailbox.encoded-line-break'; encoded: string }
  | { code: 'mailbox.unpaired-brackets' }
  | { code: 'mailbox.several-addresses' }
  | { code: 'mailbox.group-or-quote' }
  | { code: 'mailbox.space' }
  | { code: 'mailbox.no-at' }
  | { code: 'mailbox.several-at' }
  | { code: 'mailbox.too-long' }
  | { code: 'mailbox.bad-local-part'; local: string }
  | { code: 'mailbox.bad-domain'; domain: string };

export type HandoverNotice =
  | { code: 'handover.window-too-short'; text: string }
  | { code: 'handover.bad-since'; text: string }
  | { code: 'handover.since-not-a-date'; text: string; problem: DateNotice }
  | { code: 'handover.since-after-today'; since: string; today: string }
  | { code: 'handover.unknown-clients'; names: string[]; known: string[] }
  | { code: 'handover.ambiguous-person'; from: string; candidates: string[] }
  | { code: 'handover.unknown-person'; from: string; since: string; today: string; people: string[] }
  | { code: 'handover.successor-is-leaving'; name: string }
  | { code: 'handover.not-name-email'; text: string }
  | { code: 'handover.name-missing'; email: string }
  | { code: 'handover.clients-file-errors'; count: number }
  | { code: 'handover.restricted-mode' }
  | { code: 'handover.no-history' };

export type EditNotice =
  | NoClientsNotice
  | { code: 'edit.invalid-due-date'; date: string; problem: DateNotice }
  | { code: 'edit.invalid-done-date'; date: string; problem: DateNotice }
  | { code: 'edit.stale'; title: string; line: number }
  | { code: 'edit.title-empty' }
  | { code: 'edit.title-multiline' }
  | { code: 'edit.title-has-due-date'; written: string }
  | { code: 'edit.title-has-done-date'; written: string }
  | { code: 'edit.title-has-asked-date'; written: string }
  | { code: 'edit.title-has-promised-date'; written: string }
  | { code: 'edit.title-has-date'; written: string }
  | { code: 'edit.title-has-owner'; written: string }
  | { code: 'edit.title-has-tag'; written: string }
  | { code: 'edit.invalid-owner'; owner: string }
  | { code: 'edit.invalid-tag'; tag: string }
  | { code: 'edit.unknown-client'; name: string; known: string[] }
  | { code: 'edit.overlap'; offset: number; length: number };

export type TemplateNotice =
  | { code: 'template.partial'; file: string; line: number; partial: string }
  | { code: 'template.unknown-placeholder'; file: string; line: number; name: string; known: string[] }
  | { code: 'template.unclosed-section'; file: string; line: number; name: string; closing: string }
  | { code: 'template.syntax'; file: string; line: number; detail: string };

export type SettingsNotice =
  | { code: 'settings.not-string'; name: string; value: string }
  | { code: 'settings.not-string-list'; name: string; value: string }
  | { code: 'settings.not-one-of'; name: string; value: string; allowed: string[] }
  | { code: 'settings.bad-pattern'; name: string; value: string; reason: string }
  | { code: 'pattern.bad-hide'; value: string; reason: string }
  | { code: 'pattern.bad-ticket-key'; value: string; reason: string }
  | { code: 'pattern.bad-redaction'; value: string; reason: string }
  | { code: 'settings-file.invalid-json'; file: string; line: number; reason: string }
  | { code: 'settings-file.not-object'; file: string };

export type ClientsFileNotice =
  | { code: 'clients-file.utf16'; file: string }
  | { code: 'clients-file.not-utf8'; file: string; line: number };

export type SaveNotice = { code: 'save.no-free-name'; dir: string; name: string };

/** A write to the user's files that failed (core/project/write.ts); `.change`/`.create` by action. */
export type WriteNotice =
  | { code: 'write.disk-full.change' | 'write.disk-full.create'; file: string }
  | { code: 'write.read-only.change' | 'write.read-only.create'; file: string }
  | { code: 'write.read-only-disk.change' | 'write.read-only-disk.create'; file: string }
  | { code: 'write.no-permission'; file: string; folder: string }
  | { code: 'write.name-too-long'; file: string; name: string }
  | { code: 'write.outside-workspace.change' | 'write.outside-workspace.create'; file: string; path: string; real: string; within: string }
  | { code: 'write.inside-git.change' | 'write.inside-git.create'; file: string; real: string }
  | { code: 'write.not-a-folder.change' | 'write.not-a-folder.create'; file: string; path: string }
  | { code: 'write.not-a-file'; file: string }
  | { code: 'write.changed'; file: string }
  | { code: 'write.missing'; file: string }
  | { code: 'write.not-verified.change' | 'write.not-verified.create'; file: string }
  | { code: 'write.failed.change' | 'write.failed.create'; file: string; detail: string };

/** A client export refused because its text carries what only the team reads (core/draft/markers.ts). */
export type ExportNotice = { code: 'export.internal-detail'; found: string[]; lines: number[] };

/** Text that is no core notice (an error of Node, a sentence a front has worded already), as it is. */
export type TextNotice = { code: 'text'; text: string };

export type Notice =
  | DateNotice
  | GitNotice
  | ReadingNotice
  | RepoNotice
  | PeriodNotice
  | DraftNotice
  | MailboxNotice
  | HandoverNotice
  | EditNotice
  | TemplateNotice
  | SettingsNotice
  | ClientsFileNotice
  | SaveNotice
  | WriteNotice
  | ExportNotice
  | TextNotice;

export type NoticeCode = Notice['code'];
export type NoticeOf<C extends NoticeCode> = Extract<Notice, { code: C }>;

/**
 * The English template of every notice: the key the fronts translate (the zh-CN bundle holds the
 * same keys). `{field}` is the notice's field of that name.
 */
export const NOTICE_TEMPLATES = {
  'date.format': 'dates are written YYYY-MM-DD',
  'date.year': 'year must be between {min} and {max}',
  'date.month': 'month must be 01–12',
  'date.day': 'day must be 01–{max} in {month}',

  'git.not-found': 'git is not installed or not on PATH; install it from https://git-scm.com/downloads, then restart VS Code or your terminal',
  'git.refused-subcommand': 'refusing to run "git {sub}": Client Pulse only reads repositories',
  'git.refused-config': 'refusing to run "git config" without --get: Client Pulse only reads repositories',
  'git.spawn-failed': 'could not run git in {cwd}: {reason}',
  'git.unsafe-directory':
    'git refuses to read {repo} because the folder belongs to another user (safe.directory). If you trust this repository, run: git config --global --add safe.directory {quotedRepo}',
  'git.not-a-repository': '{cwd} is not inside a git repository; open the repository\'s folder (or run "git init" to start one)',
  'git.inside-git-dir': "{cwd} is inside a .git folder, not a working tree; open the repository's folder instead",
  'git.bare-repository': '{cwd} is inside a bare repository, which Client Pulse does not read implicitly; open a working tree (clone it) instead',
  'git.not-a-working-tree': "{cwd} is not inside a working tree of a git repository; open the repository's folder",
  'git.folder-not-found': 'folder not found: {cwd}',
  'git.empty-repository': 'the repository at {cwd} has no commits yet; make a first commit and try again',
  'git.too-old': 'the installed git is too old for Client Pulse (it needs git 2.31 or newer); update git and try again ({detail})',
  'git.failed': 'git failed in {cwd}: {detail}',
  'git.timeout': 'git {sub} took longer than {duration} in {cwd} and was stopped; try a shorter period, or check that the repository is not on a stalled network drive',
  'git.cancelled': 'git was cancelled',
  'git.output-too-large': 'git printed more than {max} bytes for "git {sub}"',
  'git.version-unreadable': 'could not read the version of git from "{line}"',
  'git.bad-since': 'since must be YYYY-MM-DD, got "{since}"',

  'reading.shallow-cut': 'shallow clone: history before {cut} is missing, so this period may look emptier than it was; run "git fetch --unshallow" for the full history',
  'reading.shallow-period': 'shallow clone: the period may lie before the history this clone has; run "git fetch --unshallow" for the full history',
  'reading.detached-head': 'detached HEAD: showing the history of the checked-out commit {commit}, not of a branch',
  'reading.no-commits': 'the repository has no commits yet',
  'reading.subfolder-boundary':
    '{folder}/ is a folder inside the repository {root}, not its top level: only commits touching {folder}/ are read (as if Paths: were {folder}/)',
  'reading.repository-failed': '{root}: {cause}',

  'repos.not-found': 'the repository {repo} in Repos: of {client} was not found at {dir}; fix the path in clients.md (relative to the top folder of this repository, or absolute) or clone it there',
  'repos.not-a-git-repo': '{repo} in Repos: of {client} ({dir}) is not a git repository; name the folder of a clone',
  'repos.not-top-level': '{repo} in Repos: of {client} ({dir}) is a folder inside the repository {root}, not its top folder; write the top folder, and the client\'s folders in it after ":" ({root}:apps/…)',
  'repos.unsafe': '{repo} in Repos: of {client} ({dir}) is not read: {cause}',
  'repos.failed': '{repo} in Repos: of {client} could not be read: {cause}',

  'period.not-two-dates': 'a period is two dates YYYY-MM-DD',
  'period.not-a-date': 'not a date: "{date}" ({problem}, e.g. 2026-11-16)',
  'period.reversed': 'the period starts after it ends: {since} is after {until}',
  'period.today-not-a-date': 'not a date: "{today}" (write YYYY-MM-DD, e.g. 2026-11-16)',
  'today.not-a-date': '{variable} must be a date YYYY-MM-DD, got "{value}" ({problem}); set it to a real day such as 2026-11-20, or unset it to use the clock',

  'clients.none': 'clients.md defines no client (add a "# Client name" heading)',
  'draft.unknown-client': 'no client named "{name}" in clients.md (clients: {known})',
  'draft.period-reversed': 'the period starts after it ends ({since}..{until})',
  'draft.contact-without-email': 'contact {name} left out of the recipients (To): it has no e-mail address; fix it in clients.md ("client-pulse check" shows where)',
  'draft.contact-left-out': 'contact {name} {address} left out of the recipients (To): it {reason}; fix it in clients.md ("client-pulse check" shows where)',
  'draft.cc-left-out': 'Cc address {address} left out of the recipients (Cc): it {reason}; fix it in clients.md ("client-pulse check" shows where)',

  'mailbox.line-break': 'contains a line break',
  'mailbox.nul': 'contains a NUL character',
  'mailbox.control': 'contains a control character',
  'mailbox.encoded-nul': 'contains an encoded NUL character ({encoded})',
  'mailbox.encoded-line-break': 'contains an encoded line break ({encoded})',
  'mailbox.unpaired-brackets': 'has "<" and ">" that do not pair up around one address',
  'mailbox.several-addresses': 'holds more than one address (a "," or ";" inside one address)',
  'mailbox.group-or-quote': 'contains ":" or a quote, which mail programs read as a group or a name',
  'mailbox.space': 'contains a space',
  'mailbox.no-at': 'has no "@"',
  'mailbox.several-at': 'has more than one "@"',
  'mailbox.too-long': 'is longer than 254 characters',
  'mailbox.bad-local-part': '"{local}" before the "@" is not a valid mailbox name',
  'mailbox.bad-domain': '"{domain}" after the "@" is not a domain like example.com',

  'handover.window-too-short': 'the window must be at least 1 day, got "{text}"',
  'handover.bad-since': 'expected a date YYYY-MM-DD or a number of days like 90d, got "{text}"',
  'handover.since-not-a-date': '{text} is not a real date: {problem}',
  'handover.since-after-today': 'the window cannot start after today ({today}): {since}',
  'handover.unknown-clients': 'no client named {names} in clients.md (clients: {known})',
  'handover.ambiguous-person': '"{from}" could be any of {candidates}; give the full name or the e-mail',
  'handover.unknown-person':
    'nobody called "{from}" committed between {since} and {today} or is Owner/Backup in clients.md (people: {people}); check the spelling or widen the window with --since',
  'handover.successor-is-leaving': '{name} is the person leaving; name someone else as successor',
  'handover.not-name-email': 'expected "Name <email>", e.g. "Wang Wei <wang.wei@agency.example>", got "{text}"',
  'handover.name-missing': 'the name before <{email}> is missing',
  'handover.clients-file-errors': 'clients.md has errors ({count}); run "client-pulse check" and fix them, or the handover may miss something',
  'handover.restricted-mode': 'Restricted Mode: git history was not read; trust the workspace for code areas and branches.',
  'handover.no-history': 'Git history was not read: code areas, branches and the weekly history are missing.',

  'edit.invalid-due-date': 'Cannot set the due date to "{date}": {problem}. Write dates as YYYY-MM-DD.',
  'edit.invalid-done-date': 'Cannot set the done date to "{date}": {problem}. Write dates as YYYY-MM-DD.',
  'edit.stale': 'The commitment "{title}" is no longer at line {line} of the file; re-read the file and try again.',
  'edit.title-empty': 'A commitment needs a title.',
  'edit.title-multiline': 'A commitment title must fit on one line: remove the line break.',
  'edit.title-has-due-date': '"{written}" in the title would be read as a due date, not as text. Give the date in its own field, or write it without the leading marker.',
  'edit.title-has-done-date': '"{written}" in the title would be read as a done date, not as text. Give the date in its own field, or write it without the leading marker.',
  'edit.title-has-asked-date': '"{written}" in the title would be read as an asked date, not as text. Give the date in its own field, or write it without the leading marker.',
  'edit.title-has-promised-date': '"{written}" in the title would be read as a promised date, not as text. Give the date in its own field, or write it without the leading marker.',
  'edit.title-has-date': '"{written}" in the title would be read as a date, not as text. Write the date without the emoji before it.',
  'edit.title-has-owner': '"{written}" in the title would be read as the owner, not as text. Give the owner in its own field, or write it without the leading @.',
  'edit.title-has-tag': '"{written}" in the title would be read as a tag, not as text. Give the tag in its own field, or write it without the leading # (e.g. "issue 42").',
  'edit.invalid-owner': 'Owner "{owner}" must be one word without spaces (e.g. alice), written as @alice.',
  'edit.invalid-tag': 'Tag "{tag}" must be one word without spaces (e.g. checkout).',
  'edit.unknown-client': 'No client "{name}" in clients.md (clients: {known}).',
  'edit.overlap': 'Edits overlap or fall outside the text (offset {offset}, length {length}).',

  'template.partial': '{file}:{line}: partials ({partial}) are not supported',
  'template.unknown-placeholder': '{file}:{line}: unknown placeholder "{name}" (known here: {known})',
  'template.unclosed-section': '{file}:{line}: unclosed section "{name}" (no {closing} closes it)',
  'template.syntax': '{file}:{line}: {detail}',

  'settings.not-string': '{name} must be a string; got {value}',
  'settings.not-string-list': '{name} must be a list of strings, e.g. ["one", "two"]; got {value}',
  'settings.not-one-of': '{name} must be one of {allowed}; got {value}',
  'settings.bad-pattern': '{name}: {value} is not a valid regular expression ({reason})',
  'pattern.bad-hide': 'hide pattern: {value} is not a valid regular expression ({reason})',
  'pattern.bad-ticket-key': 'ticket key pattern: {value} is not a valid regular expression ({reason})',
  'pattern.bad-redaction': 'redaction pattern: {value} is not a valid regular expression ({reason})',
  'settings-file.invalid-json': '{file}:{line}: not valid JSON with comments ({reason}); fix it or pass --settings FILE',
  'settings-file.not-object': '{file}: settings must be an object { "clientPulse.…": … }',

  'clients-file.utf16': '{file} is UTF-16; save it as UTF-8 (in VS Code: "Change File Encoding" → "Save with Encoding" → UTF-8)',
  'clients-file.not-utf8':
    '{file} is not valid UTF-8 (first at line {line}); save it as UTF-8 (in VS Code: "Reopen with Encoding" with the file\'s encoding, then "Save with Encoding" → UTF-8)',

  'save.no-free-name': 'no free file name in {dir} ({name} is taken)',

  'write.disk-full.change': 'The disk is full; {file} was not changed. Free some space and try again.',
  'write.disk-full.create': 'The disk is full; {file} was not saved. Free some space and try again.',
  'write.read-only.change': '{file} is read-only; it was not changed. Make it writable (for example chmod u+w) and try again.',
  'write.read-only.create': 'The folder of {file} is read-only; {file} was not saved. Make it writable and try again.',
  'write.read-only-disk.change': '{file} is on a read-only disk; it was not changed.',
  'write.read-only-disk.create': '{file} is on a read-only disk; it was not saved.',
  'write.no-permission': "You may not write in {folder}; {file} was not written. Check the folder's permissions.",
  'write.name-too-long': 'The name {name} is too long for this disk; {file} was not saved. Choose a shorter name.',
  'write.outside-workspace.change':
    '{file} was not changed: {path} leads to {real}, outside the workspace folder {within}. Client Pulse writes only inside the workspace; replace the link with a real folder.',
  'write.outside-workspace.create':
    '{file} was not saved: {path} leads to {real}, outside the workspace folder {within}. Client Pulse writes only inside the workspace; replace the link with a real folder.',
  'write.inside-git.change': '{file} was not changed: it would be inside a .git folder ({real}). Client Pulse never writes in .git.',
  'write.inside-git.create': '{file} was not saved: it would be inside a .git folder ({real}). Client Pulse never writes in .git.',
  'write.not-a-folder.change': '{file} was not changed: {path} is not a folder.',
  'write.not-a-folder.create': '{file} was not saved: {path} is not a folder.',
  'write.not-a-file': '{file} was not changed: it is not a regular file.',
  'write.changed': '{file} changed on disk while it was being edited; it was not changed. Try again.',
  'write.missing': '{file} no longer exists; it was not changed.',
  'write.not-verified.change': 'The bytes written to {file} could not be read back as written; it was not changed. Check the disk.',
  'write.not-verified.create': 'The bytes written to {file} could not be read back as written; it was not saved. Check the disk.',
  'write.failed.change': '{file} was not changed: {detail}',
  'write.failed.create': '{file} was not saved: {detail}',

  'export.internal-detail':
    'Not sent: this e-mail to the client carries internal detail ({found}, line {lines}). Remove it from the text, or choose Audience: Internal report to send it to the team.',

  text: '{text}',
} as const satisfies Record<NoticeCode, string>;

// ---- the placeholders of each template are fields of its notice (checked by the compiler) ----

type Placeholders<S extends string> = S extends `${string}{${infer H}}${infer R}` ? (H extends `${string} ${string}` ? Placeholders<R> : H | Placeholders<R>) : never;
type StrayPlaceholders = { [C in NoticeCode]: Exclude<Placeholders<(typeof NOTICE_TEMPLATES)[C]>, Exclude<keyof NoticeOf<C>, 'code'>> }[NoticeCode];
// A compile error here names a placeholder that is no field of its notice.
const _placeholdersAreFields: [StrayPlaceholders] extends [never] ? true : StrayPlaceholders = true;
void _placeholdersAreFields;

// ---- wording -----------------------------------------------------------------------------------

/** A front's translation: the English template and its values → the text in the front's language. */
export type Translate = (template: string, values: Record<string, string | number>) => string;

/** `{field}` → its value; an unknown field stays as written (as `vscode.l10n.t` and `@vscode/l10n` do). */
export function fillTemplate(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{([^}]+)\}/gu, (whole, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : whole));
}

/** English, no translation: for logs, `Error.message` and tests. */
export const english: Translate = fillTemplate;

function isNotice(value: unknown): value is Notice {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as { code?: unknown }).code === 'string';
}

/** The notice in words: its template translated by `translate`, nested notices worded the same way. */
export function wordNotice(notice: Notice, translate: Translate = english): string {
  const values: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(notice)) {
    if (key === 'code') continue;
    if (Array.isArray(value)) values[key] = value.length > 0 ? value.join(', ') : '—';
    else if (isNotice(value)) values[key] = wordNotice(value, translate);
    else if (typeof value === 'string' || typeof value === 'number') values[key] = value;
  }
  return translate(NOTICE_TEMPLATES[notice.code], values);
}

/** An error that carries a notice; its `message` is the notice in English (logs, stack traces). */
export class NoticeError<N extends Notice = Notice> extends Error {
  override readonly name: string = 'NoticeError';
  constructor(
    readonly notice: N,
    options?: { cause?: unknown },
  ) {
    super(wordNotice(notice), options);
  }
}
brandClass(NoticeError, 'NoticeError');

/** True when two notices say the same (same code, same data). */
export function sameNotice(a: Notice, b: Notice): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The notice of anything thrown: a `NoticeError`'s own, else the error's message as it is. */
export function noticeOf(e: unknown): Notice {
  if (e instanceof NoticeError) return e.notice as Notice;
  return { code: 'text', text: e instanceof Error ? e.message : String(e) };
}
