/**
 * The draft panel's page. Says `ready`, receives one full `PanelState` snapshot, then lets the user
 * edit the markdown (source left, live preview right), drop/restore lines, override the status,
 * switch audience and language, and ask the host to copy, mail or save. Keeps its state with
 * `vscode.setState` so edits survive hiding the panel and reloading the window.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import type { CopyFormat, DraftOptions, HostToPage, Labels, PageToHost, PanelState, PersistedState } from '../shared/protocol';
import { isIsoDate } from '../core/calendar';
import type { RewordReason } from '../core/draft/rewordCheck';
import type { DraftLine, LeadNote } from '../core/draft/types';
import type { Status } from '../core/model';
import { append, clear, h, icon } from './dom';
import { applyDropToEdits } from './keepEdits';
import { createRenderer, plainInline } from './markdown';
import { RichClipboard } from './richCopy';
import './style.css';

interface VsCodeApi {
  postMessage(message: PageToHost): void;
  getState(): unknown;
  setState(state: PersistedState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const md = createRenderer();
const rich = new RichClipboard((m) => vscode.postMessage(m));

/** Form controls from @vscode-elements expose `value` / `checked` like native ones. */
type ValueElement = HTMLElement & { value: string };
type CheckElement = HTMLElement & { checked: boolean };

let state: PanelState | undefined;
let text = '';
let subject = '';
let undoText: string | undefined;
/** Why the banner offers `undoText` back: a regeneration replaced it, or the lead reverted. */
let undoReason: 'regenerated' | 'reverted' = 'regenerated';
/** The choices (status, audience, language) `undoText` was written under: restoring the text restores them too. */
let undoOptions: DraftOptions | undefined;
/** The text to put back once the draft of `undoOptions` arrives (the pill and the record then agree with it). */
let pendingRestore: string | undefined;
/** The text last saved (a record, draft or document): not "edited". */
let savedText: string | undefined;
let copyFormat: CopyFormat = 'text';

const root = document.getElementById('app') as HTMLElement;

function post(message: PageToHost): void {
  vscode.postMessage(message);
}

function persist(): void {
  if (state) vscode.setState({ version: 1, state, markdown: text, subject });
}

let editTimer: ReturnType<typeof setTimeout> | undefined;
function textChanged(): void {
  persist();
  renderPreview();
  renderEdited();
  if (editTimer) clearTimeout(editTimer);
  // `data-synced` says whether the host has the latest text (it keeps it when the panel closes).
  document.body.dataset.synced = 'false';
  editTimer = setTimeout(() => {
    editTimer = undefined;
    post({ type: 'edited', markdown: text, subject });
    document.body.dataset.synced = 'true';
  }, 300);
}

/* ---------------------------------------------------------------------------------------- */

const refs: {
  preview?: HTMLElement;
  source?: HTMLTextAreaElement;
  banner?: HTMLElement;
  kept?: HTMLElement;
  toast?: HTMLElement;
  edited?: HTMLElement;
  menu?: HTMLElement;
  buttons: HTMLElement[];
} = { buttons: [] };

function renderPreview(): void {
  if (!refs.preview) return;
  // markdown-it runs with html:false and a link allow-list: its output is escaped text and safe tags.
  refs.preview.innerHTML = md.render(text);
}

const REWORD_LABEL: Record<RewordReason, keyof Labels> = {
  identifier: 'rewordIdentifier',
  'other-language': 'rewordOtherLanguage',
  contentless: 'rewordContentless',
};

function L(key: keyof Labels): string {
  return state?.labels[key] ?? key;
}

function select(id: string, label: string, options: Array<[string, string]>, value: string, onChange: (v: string) => void): HTMLElement {
  const el = h('vscode-single-select', { id, 'aria-label': label }) as ValueElement;
  for (const [v, text] of options) append(el, h('vscode-option', { value: v, selected: v === value }, text));
  el.addEventListener('change', () => onChange(el.value));
  return h('div', { class: `field field-${id}` }, h('label', { for: id }, label), el);
}

function button(id: string, label: string, iconName: string, onClick: () => void, secondary = true): HTMLElement {
  const el = h('vscode-button', { id, icon: iconName, secondary, title: label }, label);
  el.addEventListener('click', onClick);
  refs.buttons.push(el);
  return el;
}

function options(): DraftOptions {
  if (!state) return { audience: 'client', language: 'en', dropped: [] };
  const o = state.options;
  return { ...o, dropped: [...o.dropped], ...(o.kept ? { kept: [...o.kept] } : {}), ...(o.proposedDates ? { proposedDates: { ...o.proposedDates } } : {}) };
}

/** Sends a pending edit now (before a message that replaces the text, so it cannot arrive after it). */
function flushEdit(): void {
  if (!editTimer) return;
  clearTimeout(editTimer);
  editTimer = undefined;
  post({ type: 'edited', markdown: text, subject });
  document.body.dataset.synced = 'true';
}

function regenerate(next: DraftOptions): void {
  flushEdit();
  post({ type: 'regenerate', options: next });
}

function statusLabel(s: Status): string {
  return s === 'on-track' ? L('onTrack') : s === 'at-risk' ? L('atRisk') : L('offTrack');
}

function renderHeader(s: PanelState): HTMLElement {
  const draft = s.draft;
  const meta = h('div', { class: 'meta' });
  if (draft) {
    const to = draft.to.map((p) => (p.email ? `${p.name} <${p.email}>` : p.name)).join(', ');
    if (to) append(meta, h('span', {}, h('span', { class: 'muted' }, `${L('to')} `), to));
    if (draft.cc.length) append(meta, h('span', {}, h('span', { class: 'muted' }, `${L('cc')} `), draft.cc.join(', ')));
    const period = h('span', { class: 'period' }, h('span', { class: 'muted' }, `${L('period')} `), `${draft.period.since} – ${draft.period.until}`);
    if (s.source.kind === 'update') {
      // Another period for the same client: the host asks which and drafts it in this panel.
      const change = h('button', { id: 'change-period', class: 'link-button', type: 'button', title: L('changePeriod'), 'aria-label': L('changePeriod') }, icon('calendar'));
      change.addEventListener('click', () => {
        flushEdit();
        post({ type: 'changePeriod' });
      });
      refs.buttons.push(change);
      append(period, ' ', change);
    }
    append(meta, period);
  }
  const subjectField = h('vscode-textfield', { id: 'subject', 'aria-label': L('subject') }) as ValueElement;
  subjectField.value = subject;
  subjectField.addEventListener('input', () => {
    subject = subjectField.value;
    textChanged();
  });
  const pill = draft
    ? h('span', { class: `pill ${draft.status.status}`, id: 'status-pill', title: draft.status.reasons.map(plainInline).join('\n') || undefined }, icon(draft.status.status === 'on-track' ? 'pass' : draft.status.status === 'at-risk' ? 'warning' : 'error'), statusLabel(draft.status.status))
    : undefined;
  const revert = h('vscode-button', { id: 'revert', secondary: true, icon: 'discard', title: L('revert') }, L('revert'));
  revert.addEventListener('click', revertText);
  refs.edited = h('span', { id: 'edited', class: 'edited', hidden: true }, h('span', { class: 'edited-mark', title: L('editedHint') }, icon('circle-filled'), L('edited')), revert);
  return h(
    'header',
    { class: 'top' },
    h('div', { class: 'title-row' }, h('h1', { id: 'title' }, s.title), pill, refs.edited, refs.toast),
    h('div', { class: 'subject-row' }, h('div', { class: 'field subject' }, h('label', { for: 'subject' }, L('subject')), subjectField), meta),
  );
}

function renderToolbar(s: PanelState): HTMLElement {
  const bar = h('div', { class: 'toolbar', role: 'toolbar', 'aria-label': s.title });
  const draft = s.draft;
  if (draft) {
    const computed = draft.status.computed ?? draft.status.status;
    append(
      bar,
      select(
        'status',
        L('status'),
        [
          ['auto', `${L('statusAuto')} (${statusLabel(computed)})`],
          ['on-track', L('onTrack')],
          ['at-risk', L('atRisk')],
          ['off-track', L('offTrack')],
        ],
        s.options.statusOverride ?? 'auto',
        (v) => {
          const next = options();
          if (v === 'auto') delete next.statusOverride;
          else next.statusOverride = v as Status;
          regenerate(next);
        },
      ),
      select('audience', L('audience'), [['client', L('audienceClient')], ['internal', L('audienceInternal')]], s.options.audience, (v) =>
        regenerate({ ...options(), audience: v === 'internal' ? 'internal' : 'client' }),
      ),
      select('language', L('language'), [['en', L('languageEn')], ['zh-CN', L('languageZh')]], s.options.language, (v) =>
        regenerate({ ...options(), language: v === 'zh-CN' ? 'zh-CN' : 'en' }),
      ),
    );
  }
  const formats: Array<[string, string]> = [['text', L('copyText')], ['markdown', L('copyMarkdown')]];
  if (s.settings.richCopy) formats.push(['html', L('copyHtml')]);
  if (!formats.some(([v]) => v === copyFormat)) copyFormat = 'text';
  const actions = h(
    'div',
    { class: 'actions' },
    select('copy-format', L('copyAs'), formats, copyFormat, (v) => {
      copyFormat = v === 'html' ? 'html' : v === 'markdown' ? 'markdown' : 'text';
    }),
    button('copy', L('copy'), 'copy', copy, false),
  );
  if (s.settings.canSave) {
    // An update: "Save draft" keeps the text to finish later; only "Mark as sent" records it as sent (the cadence moves).
    if (s.source.kind !== 'document') append(actions, button('save-draft', L('saveDraft'), 'save', () => post({ type: 'saveDraft', markdown: text, subject })));
    append(actions, button('save-record', s.source.kind === 'document' ? L('saveDocument') : L('markSent'), s.source.kind === 'document' ? 'save' : 'check', () => post({ type: 'saveRecord', markdown: text, subject })));
  }
  append(actions, moreMenu([
    ['open-mail', L('openMail'), 'mail', () => post({ type: 'openMail', markdown: text, subject })],
    ['save-eml', L('saveEml'), 'save-as', () => post({ type: 'saveEml', markdown: text, subject })],
  ]));
  append(bar, actions);
  return bar;
}

/** The actions that do not fit on the one toolbar row: a "More actions" button and its menu. */
function moreMenu(items: Array<[string, string, string, () => void]>): HTMLElement {
  const toggle = h('vscode-button', { id: 'more-actions', icon: 'ellipsis', secondary: true, title: L('moreActions'), 'aria-label': L('moreActions'), 'aria-haspopup': 'menu', 'aria-expanded': 'false' });
  refs.buttons.push(toggle);
  const menu = h('div', { id: 'more-menu', class: 'menu', role: 'menu', hidden: true });
  const close = (focusToggle: boolean) => {
    menu.hidden = true;
    toggle.setAttribute('aria-expanded', 'false');
    if (focusToggle) toggle.focus();
  };
  for (const [id, label, iconName, run] of items) {
    const item = h('button', { id, class: 'menu-item', role: 'menuitem', type: 'button' }, icon(iconName), label);
    item.addEventListener('click', () => {
      close(false);
      run();
    });
    refs.buttons.push(item);
    append(menu, item);
  }
  toggle.addEventListener('click', () => {
    const open = menu.hidden;
    menu.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    if (open) menu.querySelector<HTMLElement>('.menu-item')?.focus();
  });
  menu.addEventListener('keydown', (e) => {
    const list = [...menu.querySelectorAll<HTMLElement>('.menu-item')];
    const at = list.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'Escape') close(true);
    else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      list[(at + (e.key === 'ArrowDown' ? 1 : list.length - 1)) % list.length]?.focus();
    } else return;
    e.stopPropagation();
  });
  refs.menu = menu;
  return h('div', { class: 'more' }, toggle, menu);
}

document.addEventListener('click', (e) => {
  const menu = refs.menu;
  if (menu && !menu.hidden && !(e.target instanceof Node && menu.parentElement?.contains(e.target))) {
    menu.hidden = true;
    menu.parentElement?.querySelector('#more-actions')?.setAttribute('aria-expanded', 'false');
  }
});

function copy(): void {
  if (copyFormat === 'html') rich.begin();
  post({ type: 'copy', format: copyFormat, markdown: text, subject });
}

function lineTitle(line: DraftLine): string {
  if (!line.hashes.length) return L('noCommits');
  return `${L('commits')}: ${line.hashes.map((x) => x.slice(0, 7)).join(', ')}`;
}

/** The date the lead proposes for an overdue commitment; changing it writes it into the line. */
function proposedDateField(commitmentId: string, value: string | undefined, today: string): HTMLElement {
  const field = h('vscode-textfield', { type: 'date', class: 'proposed', value: value ?? '', min: today, title: L('proposedDate'), 'aria-label': L('proposedDate'), 'data-commitment': commitmentId }) as ValueElement;
  field.addEventListener('change', () => {
    const next = options();
    const dates = { ...next.proposedDates };
    // A date before today is not a new plan: the line keeps its blank.
    if (isIsoDate(field.value) && field.value >= today) dates[commitmentId] = field.value;
    else delete dates[commitmentId];
    next.proposedDates = dates;
    regenerate(next);
  });
  return field;
}

function renderLines(s: PanelState): HTMLElement | undefined {
  const draft = s.draft;
  if (!draft) return undefined;
  const pane = h('section', { class: 'pane lines', 'aria-labelledby': 'lines-heading' }, h('h2', { id: 'lines-heading' }, L('lines')), h('p', { class: 'hint' }, L('linesHint')));
  const dropped = new Set(s.options.dropped);
  for (const section of draft.sections) {
    const list = h('ul', { role: 'list' });
    let group = '';
    for (const line of section.lines) {
      if (line.group && line.group !== group && section.id === 'done') append(list, h('li', { class: 'group' }, plainInline(line.group)));
      group = line.group ?? '';
      // Left out by the lead, or by default (a line that says nothing the client can use).
      const isDropped = dropped.has(line.id) || line.dropped === true;
      const box = h('vscode-checkbox', { 'data-line': line.id, title: lineTitle(line), checked: !isDropped }) as CheckElement;
      append(box, plainInline(line.text));
      box.addEventListener('change', () => {
        const next = options();
        next.dropped = next.dropped.filter((id) => id !== line.id);
        const kept = (next.kept ?? []).filter((id) => id !== line.id);
        if (!box.checked) next.dropped.push(line.id);
        else if (line.leftOutByDefault) kept.push(line.id);
        if (kept.length || next.kept) next.kept = kept;
        regenerate(next);
      });
      const li = h('li', { class: isDropped ? 'dropped' : undefined, title: lineTitle(line) }, box);
      if (line.needsRewording) {
        const why = [L('needsRewording'), ...(line.reword ?? []).map((r) => L(REWORD_LABEL[r]))].join(' ');
        append(li, h('span', { class: 'reword', role: 'img', title: why, 'aria-label': why }, icon('warning')));
        // A line left out by default says why in its own note (below), once.
        if (!line.leftOutByDefault) append(li, h('span', { class: 'muted reword-why' }, (line.reword ?? []).map((r) => L(REWORD_LABEL[r])).join('; ')));
        // One click leaves the line out (the same as unticking it); put it back with the checkbox.
        if (!isDropped) {
          const leaveOut = h('vscode-button', { class: 'leave-out', icon: 'close', secondary: true, title: L('dropLine') }, L('dropLine'));
          leaveOut.addEventListener('click', () => {
            const next = options();
            next.dropped = [...next.dropped.filter((id) => id !== line.id), line.id];
            if (next.kept) next.kept = next.kept.filter((id) => id !== line.id);
            regenerate(next);
          });
          append(li, leaveOut);
        }
      }
      if (line.leftOutByDefault) append(li, h('span', { class: 'muted left-out-why' }, L('leftOutByDefault')));
      if (section.id === 'overdue' && line.commitmentId) append(li, proposedDateField(line.commitmentId, line.proposedDate, draft.today));
      if (line.hashes.length) append(li, h('span', { class: 'hashes', 'aria-hidden': 'true' }, icon('git-commit'), String(line.hashes.length)));
      append(list, li);
    }
    append(pane, h('h3', {}, section.title), list);
  }
  if (draft.leadNotes?.length) {
    const notes = draft.leadNotes.map((n) => h('li', {}, leadNoteText(n, draft.language)));
    append(pane, h('h3', {}, L('leadNotes')), h('ul', { class: 'lead-notes' }, ...notes));
  }
  if (draft.status.reasons.length) {
    append(pane, h('h3', {}, `${L('status')}: ${statusLabel(draft.status.status)}`), h('ul', { class: 'reasons' }, ...draft.status.reasons.map((r) => h('li', {}, plainInline(r)))));
  }
  return pane;
}

/** A note for the lead, in the panel's words (the CLI words the same notes in src/cli/commands/draft.ts). */
function leadNoteText(n: LeadNote, language: string): string {
  const fill = (text: string, ...args: string[]) => args.reduce((acc, a, k) => acc.replace(`{${k}}`, a), text);
  switch (n.code) {
    case 'tick-commitment':
      return fill(L('tickCommitment'), n.title, n.completedOn, n.due);
    case 'earlier-work':
      return fill(L('earlierWork'), n.title, n.due, n.change, n.hash.slice(0, 7), n.on);
    case 'shared-change':
      return fill(L('sharedChange'), n.change, n.hash.slice(0, 7), n.clients.join(language === 'zh-CN' ? '、' : ', '));
  }
}

function render(): void {
  if (!state) return;
  const s = state;
  document.documentElement.lang = s.settings.uiLanguage;
  const focused = focusKey();
  refs.buttons = [];
  clear(root);
  const source = h('textarea', { id: 'source', spellcheck: 'true', lang: s.options.language === 'zh-CN' ? 'zh-CN' : 'en' }) as HTMLTextAreaElement;
  source.value = text;
  source.addEventListener('input', () => {
    text = source.value;
    textChanged();
  });
  const preview = h('article', { id: 'preview', class: 'markdown-body', lang: s.options.language === 'zh-CN' ? 'zh-CN' : 'en', tabindex: '0', 'aria-labelledby': 'preview-heading' });
  refs.source = source;
  refs.preview = preview;
  refs.banner = h('div', { id: 'banner', class: 'banner', hidden: true });
  refs.kept = h('div', { id: 'kept-edits', class: 'banner', hidden: true });
  // The confirmation (or failure) of every action, at the top beside the title, where the eye is.
  const previousToast = refs.toast;
  refs.toast = h('div', { id: 'toast', class: previousToast?.className ?? 'toast', role: 'status', 'aria-live': 'polite' }, previousToast?.textContent ?? '');
  const lines = renderLines(s);
  append(
    root,
    renderHeader(s),
    renderToolbar(s),
    s.warnings.length ? h('div', { class: 'warnings', role: 'note' }, ...s.warnings.map((w) => h('p', {}, icon('warning'), ' ', w))) : undefined,
    refs.banner,
    refs.kept,
    h(
      'main',
      { class: lines ? 'panes with-lines' : 'panes' },
      lines,
      h('section', { class: 'pane source' }, h('h2', {}, h('label', { for: 'source' }, L('source'))), source),
      h('section', { class: 'pane preview' }, h('h2', { id: 'preview-heading' }, L('preview')), preview),
    ),
    h(
      'footer',
      {},
      h('span', { class: 'muted shortcut' }, s.settings.canSave ? '' : `${L('readOnly')} · `, L('shortcutHint').replace('{0}', s.settings.modKey)),
    ),
  );
  renderPreview();
  renderBanner();
  renderKept();
  renderEdited();
  syncScroll(source, preview);
  restoreFocus(focused);
}

/** Source and preview scroll together: the same fraction of each. */
function syncScroll(a: HTMLElement, b: HTMLElement): void {
  let leader: HTMLElement | undefined;
  let release: ReturnType<typeof setTimeout> | undefined;
  const follow = (from: HTMLElement, to: HTMLElement) => () => {
    if (leader && leader !== from) return;
    leader = from;
    const range = from.scrollHeight - from.clientHeight;
    const fraction = range > 0 ? from.scrollTop / range : 0;
    to.scrollTop = fraction * (to.scrollHeight - to.clientHeight);
    if (release) clearTimeout(release);
    release = setTimeout(() => (leader = undefined), 120);
  };
  a.addEventListener('scroll', follow(a, b), { passive: true });
  b.addEventListener('scroll', follow(b, a), { passive: true });
}

function isEdited(): boolean {
  return state !== undefined && text !== state.generated && text !== savedText;
}

function renderEdited(): void {
  if (refs.edited) refs.edited.hidden = !isEdited();
}

/** Back to the generated draft; the lead's text stays one click away in the banner. */
function revertText(): void {
  if (!state || text === state.generated) return;
  undoText = text;
  undoReason = 'reverted';
  undoOptions = undefined;
  text = state.generated;
  if (refs.source) refs.source.value = text;
  textChanged();
  post({ type: 'edited', markdown: text, subject });
  renderBanner();
}

/** The edits kept from the last close of this panel: restore or discard. */
function renderKept(): void {
  const banner = refs.kept;
  const kept = state?.keptEdits;
  if (!banner) return;
  clear(banner);
  banner.hidden = kept === undefined;
  if (!kept) return;
  const when = new Date(kept.keptAt);
  const label = Number.isNaN(when.getTime()) ? kept.keptAt : when.toLocaleString(state?.settings.uiLanguage, { dateStyle: 'medium', timeStyle: 'short' });
  const forget = () => {
    if (state) state = { ...state, keptEdits: undefined };
    persist();
    renderKept();
  };
  const restore = h('vscode-button', { id: 'restore-kept' }, L('restoreKept'));
  restore.addEventListener('click', () => {
    // The generated draft stays one click away with "Revert to generated".
    text = kept.markdown;
    subject = kept.subject || subject;
    if (refs.source) refs.source.value = text;
    const subjectField = document.getElementById('subject') as ValueElement | null;
    if (subjectField) subjectField.value = subject;
    post({ type: 'keptEdits', action: 'restore' });
    post({ type: 'edited', markdown: text, subject });
    forget();
    textChanged();
    renderBanner();
  });
  const discard = h('vscode-button', { id: 'discard-kept', secondary: true }, L('discardKept'));
  discard.addEventListener('click', () => {
    post({ type: 'keptEdits', action: 'discard' });
    forget();
  });
  append(banner, icon('history'), h('span', {}, L('keptEdits').replace('{0}', label)), restore, discard);
}

/** Re-rendering replaces the elements: keep keyboard focus on the "same" control. */
function focusKey(): string | undefined {
  const el = document.activeElement;
  if (!(el instanceof HTMLElement) || !root.contains(el)) return undefined;
  if (el.dataset.line) return `[data-line="${CSS.escape(el.dataset.line)}"]`;
  return el.id ? `#${CSS.escape(el.id)}` : undefined;
}

function restoreFocus(selector: string | undefined): void {
  if (!selector) return;
  const el = root.querySelector<HTMLElement>(selector);
  el?.focus();
}

function renderBanner(): void {
  const banner = refs.banner;
  if (!banner) return;
  clear(banner);
  banner.hidden = undoText === undefined;
  if (undoText === undefined) return;
  const restore = h('vscode-button', { id: 'restore-text', secondary: true }, L('restoreText'));
  restore.addEventListener('click', () => {
    if (undoText === undefined) return;
    // The text goes back with the choices it was written under (the pill, the text and the record agree).
    if (undoReason === 'regenerated' && undoOptions && state && JSON.stringify(undoOptions) !== JSON.stringify(state.options)) {
      pendingRestore = undoText;
      regenerate({ ...undoOptions, dropped: [...undoOptions.dropped] });
      return;
    }
    text = undoText;
    undoText = undefined;
    if (refs.source) refs.source.value = text;
    textChanged();
    renderBanner();
  });
  const dismiss = h('vscode-button', { id: 'dismiss-banner', secondary: true }, L('dismiss'));
  dismiss.addEventListener('click', () => {
    undoText = undefined;
    renderBanner();
  });
  append(banner, icon('info'), h('span', {}, L(undoReason)), restore, dismiss);
}

let toastTimer: ReturnType<typeof setTimeout> | undefined;
function notice(level: 'info' | 'warning' | 'error', message: string): void {
  const toast = refs.toast;
  if (!toast) return;
  toast.className = `toast ${level}`;
  clear(toast);
  append(toast, icon(level === 'info' ? 'check' : level === 'warning' ? 'warning' : 'error'), ' ', message);
  toast.title = message;
  if (toastTimer) clearTimeout(toastTimer);
  // A failure stays until the next action; a confirmation fades after a while.
  if (level !== 'error') {
    toastTimer = setTimeout(() => {
      clear(toast);
      toast.className = 'toast';
    }, 12_000);
  }
}

let hostStateSeen = false;

function receiveState(next: PanelState, replaceText: boolean): void {
  const previous = state;
  const first = !hostStateSeen;
  hostStateSeen = true;
  state = next;
  if (next.saved !== undefined) savedText = next.saved;
  if (first) {
    // Opening, re-showing or reloading: the text the user last had wins over the host's copy.
    const saved = restoredState();
    const keep = saved && sameSource(saved.state, next);
    text = keep ? saved.markdown : next.markdown;
    subject = keep ? saved.subject : next.subject;
  } else if (replaceText && pendingRestore !== undefined) {
    // "Restore my text" after a change of status, audience or language: the draft of the choices the
    // text was written under is back; now the text itself.
    text = pendingRestore;
    pendingRestore = undefined;
    undoText = undefined;
    undoOptions = undefined;
    post({ type: 'edited', markdown: text, subject });
  } else if (replaceText) {
    // A text saved as it is (a record, a draft) is not lost when the draft is composed again: no banner.
    const edited = previous !== undefined && text !== previous.generated && text !== next.markdown && text !== savedText;
    // A line left out: take the same line out of the edited text and keep the edits.
    const kept = edited ? applyDropToEdits(previous.generated, next.markdown, text) : undefined;
    if (kept !== undefined) {
      text = kept;
      // Nothing was replaced: an older "Restore my text" would now undo these edits.
      undoText = undefined;
      post({ type: 'edited', markdown: text, subject });
    } else {
      // Any other regeneration: keep the user's hand edits one click away.
      if (edited) {
        undoText = text;
        undoReason = 'regenerated';
        undoOptions = previous.options;
      }
      text = next.markdown;
      subject = next.subject;
    }
  }
  persist();
  render();
}

function sameSource(a: PanelState, b: PanelState): boolean {
  return JSON.stringify(a.source) === JSON.stringify(b.source);
}

function restoredState(): PersistedState | undefined {
  const s = vscode.getState() as PersistedState | undefined;
  return s && s.version === 1 && typeof s.markdown === 'string' && s.state ? s : undefined;
}

window.addEventListener('message', (event: MessageEvent<HostToPage>) => {
  const m = event.data;
  if (!m || typeof m !== 'object') return;
  switch (m.type) {
    case 'state':
      receiveState(m.state, m.replaceText);
      break;
    case 'busy':
      document.body.classList.toggle('busy', m.busy);
      for (const b of refs.buttons) b.toggleAttribute('disabled', m.busy);
      break;
    case 'notice':
      notice(m.level, m.text);
      break;
    case 'richCopy':
      void rich.complete(m.html, m.text, m.requestId).then((ok) => ok && notice('info', L('richCopied')));
      break;
    case 'saved':
      savedText = m.markdown;
      renderEdited();
      break;
    case 'download':
      download(m.name, m.mime, m.base64);
      break;
    case 'select': {
      const source = refs.source;
      if (!source) break;
      source.focus();
      source.setSelectionRange(m.offset, m.offset + m.length);
      break;
    }
  }
});

/** A file for the user's own machine (browser or remote workbench): the browser's download. */
function download(name: string, mime: string, base64: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
  const a = h('a', { href: url, download: name, hidden: true });
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

document.addEventListener('keydown', (e) => {
  if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
    e.preventDefault();
    copy();
  }
});

// Show the saved state at once (hidden/re-shown panel), then ask the host for a fresh snapshot.
const saved = restoredState();
if (saved) {
  state = saved.state;
  text = saved.markdown;
  subject = saved.subject;
  render();
}
post({ type: 'ready' });
