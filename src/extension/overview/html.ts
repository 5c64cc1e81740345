/**
 * The overview page: a static, script-free HTML table (nothing runs in the page). A client's name
 * is a `command:` link that opens its draft for the period its status was computed for; the only
 * commands the page may run are listed in the panel's `enableCommandUris`. Every text is escaped;
 * the style sheet is inline with a per-render nonce under a `default-src 'none'` CSP.
 */
import { sparkline, type OverviewRow } from '../../core/overview/compute';
import type { Status } from '../../core/model';

export interface OverviewLabels {
  title: string;
  client: string;
  status: string;
  open: string;
  overdue: string;
  dueThisWeek: string;
  asks: string;
  lastSent: string;
  nextDue: string;
  trend: string;
  refresh: string;
  statusWord: Record<Status, string>;
  /** `{0}` unanswered, `{1}` days the oldest waited. */
  asksWaiting: (count: number, days: number | undefined) => string;
  late: (date: string, days: number) => string;
  openDraft: (client: string) => string;
  noHistory: string;
  never: string;
  empty: string;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/gu, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** `command:ID?ARGS` with the JSON argument list URI-encoded. */
export function commandUri(id: string, args: unknown[]): string {
  return `command:${id}?${encodeURIComponent(JSON.stringify(args))}`;
}

export interface OverviewPage {
  rows: readonly OverviewRow[];
  today: string;
  historyRead: boolean;
  warnings: readonly string[];
  nonce: string;
  cspSource: string;
  language: string;
  draftCommand: string;
  refreshCommand: string;
}

function trend(history: readonly Status[], labels: OverviewLabels): string {
  if (!history.length) return '<span class="none">—</span>';
  const words = history.map((s) => labels.statusWord[s]).join(', ');
  const bars = history.map((s) => `<span class="bar ${s}"></span>`).join('');
  return `<span class="spark" role="img" aria-label="${escapeHtml(words)}" title="${escapeHtml(`${sparkline(history)} ${words}`)}">${bars}</span>`;
}

export function overviewHtml(page: OverviewPage, labels: OverviewLabels): string {
  const e = escapeHtml;
  const rows = page.rows
    .map((r) => {
      const open = commandUri(page.draftCommand, [{ client: r.client, period: r.period }]);
      const asks = r.asks.unanswered === 0 ? '0' : labels.asksWaiting(r.asks.unanswered, r.asks.oldestDays);
      const next = r.nextDue === undefined ? '—' : r.nextOverdueDays > 0 ? labels.late(r.nextDue, r.nextOverdueDays) : r.nextDue;
      return `<tr class="${r.status}" data-client="${e(r.client)}">
<th scope="row"><a href="${e(open)}" title="${e(labels.openDraft(r.client))}">${e(r.client)}</a></th>
<td><span class="status ${r.status}">${e(labels.statusWord[r.status])}</span>${r.reason ? `<div class="reason">${e(r.reason)}</div>` : ''}</td>
<td class="n">${r.commitments.open}</td><td class="n${r.commitments.overdue ? ' bad' : ''}">${r.commitments.overdue}</td><td class="n">${r.commitments.dueThisWeek}</td>
<td class="nw">${e(asks)}</td><td class="nw">${e(r.lastSent ?? labels.never)}</td><td class="nw${r.nextOverdueDays > 0 ? ' bad' : ''}">${e(next)}</td><td>${trend(r.history, labels)}</td>
</tr>`;
    })
    .join('\n');
  const notes = [...(page.historyRead ? [] : [labels.noHistory]), ...page.warnings].map((w) => `<li>${e(w)}</li>`).join('');
  const csp = `default-src 'none'; style-src 'nonce-${page.nonce}'; img-src ${page.cspSource};`;
  return `<!DOCTYPE html>
<html lang="${e(page.language)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${e(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(labels.title)}</title>
<style nonce="${page.nonce}">
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 12px 20px; }
header { display: flex; align-items: baseline; gap: 16px; }
h1 { font-size: 1.3em; font-weight: 600; margin: 0 0 12px; }
header a { color: var(--vscode-textLink-foreground); }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid var(--vscode-editorWidget-border, rgba(128,128,128,.35)); vertical-align: top; }
thead th { font-weight: 600; color: var(--vscode-descriptionForeground); white-space: nowrap; }
tbody th a { color: var(--vscode-textLink-foreground); text-decoration: none; font-weight: 600; }
tbody th a:hover, tbody th a:focus { text-decoration: underline; }
td.nw { white-space: nowrap; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.bad { color: var(--vscode-errorForeground); font-weight: 600; }
.status { display: inline-block; padding: 0 6px; border-radius: 3px; font-weight: 600; white-space: nowrap; }
.status.on-track { background: var(--vscode-testing-iconPassed, #388a34); color: var(--vscode-editor-background); }
.status.at-risk { background: var(--vscode-editorWarning-foreground, #bf8803); color: var(--vscode-editor-background); }
.status.off-track { background: var(--vscode-editorError-foreground, #e51400); color: var(--vscode-editor-background); }
.reason { color: var(--vscode-descriptionForeground); margin-top: 2px; max-width: 36em; }
.spark { display: inline-flex; align-items: flex-end; gap: 2px; height: 14px; }
.bar { display: inline-block; width: 5px; border-radius: 1px; }
.bar.on-track { height: 4px; background: var(--vscode-testing-iconPassed, #388a34); }
.bar.at-risk { height: 9px; background: var(--vscode-editorWarning-foreground, #bf8803); }
.bar.off-track { height: 14px; background: var(--vscode-editorError-foreground, #e51400); }
.none { color: var(--vscode-descriptionForeground); }
ul.notes { color: var(--vscode-descriptionForeground); padding-left: 18px; }
</style>
</head>
<body>
<header><h1>${e(labels.title)}</h1><span class="none">${e(page.today)}</span><a href="${e(commandUri(page.refreshCommand, []))}">${e(labels.refresh)}</a></header>
${page.rows.length === 0 ? `<p>${e(labels.empty)}</p>` : `<table>
<thead><tr><th scope="col">${e(labels.client)}</th><th scope="col">${e(labels.status)}</th><th scope="col">${e(labels.open)}</th><th scope="col">${e(labels.overdue)}</th><th scope="col">${e(labels.dueThisWeek)}</th><th scope="col">${e(labels.asks)}</th><th scope="col">${e(labels.lastSent)}</th><th scope="col">${e(labels.nextDue)}</th><th scope="col">${e(labels.trend)}</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`}
${notes ? `<ul class="notes">${notes}</ul>` : ''}
</body>
</html>`;
}
