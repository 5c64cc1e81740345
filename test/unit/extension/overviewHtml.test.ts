/** The overview page: script-free, escaped, a locked-down CSP, and each client's name a link to its draft. */
import * as assert from 'node:assert/strict';
import { commandUri, overviewHtml, type OverviewLabels } from '../../../src/extension/overview/html';
import type { OverviewRow } from '../../../src/core/overview/compute';

const labels: OverviewLabels = {
  title: 'Clients overview', client: 'Client', status: 'Status', open: 'Still open', overdue: 'Overdue', dueThisWeek: 'Due this week', asks: 'Asks waiting',
  lastSent: 'Last sent', nextDue: 'Next due', trend: 'Trend', refresh: 'Refresh',
  statusWord: { 'on-track': 'on track', 'at-risk': 'at risk', 'off-track': 'off track' },
  asksWaiting: (n, d) => `${n} (oldest ${d} d)`, late: (date, d) => `${date} (${d} d late)`, openDraft: (c) => `Draft the update for ${c}`,
  noHistory: 'Git history was not read.', never: 'never', empty: 'No client.',
};

const row: OverviewRow = {
  client: 'Acme <script>alert(1)</script>', status: 'off-track', reason: '“Beta” is 9 days past its due date & more', reasons: [], period: { since: '2026-11-14', until: '2026-11-20' },
  commitments: { open: 3, overdue: 1, dueThisWeek: 1 }, asks: { unanswered: 2, oldestDays: 14, oldestAskedOn: '2026-11-06' },
  lastSent: '2026-11-13', nextDue: '2026-11-18', nextOverdueDays: 2, history: ['on-track', 'at-risk', 'off-track'], repositories: 2, repoProblems: [],
};

describe('extension: the overview page', () => {
  const html = overviewHtml({ rows: [row], today: '2026-11-20', historyRead: false, warnings: ['../gone <missing>'], nonce: 'N0nce', cspSource: 'vscode-resource:', language: 'en', draftCommand: 'clientPulse.draftUpdate', refreshCommand: 'clientPulse.clientsOverview' }, labels);

  it('has no script and a default-src none CSP with the style nonce', () => {
    assert.doesNotMatch(html, /<script/iu);
    assert.match(html, /content="default-src &#39;none&#39;; style-src &#39;nonce-N0nce&#39;/u);
    assert.match(html, /<style nonce="N0nce">/u);
  });

  it('escapes everything written by people', () => {
    assert.match(html, /Acme &lt;script&gt;alert\(1\)&lt;\/script&gt;/u);
    assert.match(html, /past its due date &amp; more/u);
    assert.match(html, /<li>\.\.\/gone &lt;missing&gt;<\/li>/u);
  });

  it('links the name to the draft for the period of the status', () => {
    const href = /<th scope="row"><a href="([^"]+)"/u.exec(html)?.[1] ?? '';
    assert.equal(href.replace(/&amp;/gu, '&'), commandUri('clientPulse.draftUpdate', [{ client: row.client, period: row.period }]));
    const args = JSON.parse(decodeURIComponent(href.slice('command:clientPulse.draftUpdate?'.length))) as unknown;
    assert.deepEqual(args, [{ client: row.client, period: row.period }]);
  });

  it('shows counts, the late next update, the trend bars and the Restricted Mode note', () => {
    assert.match(html, /2026-11-18 \(2 d late\)/u);
    assert.equal(html.match(/class="bar /gu)?.length, 3);
    assert.match(html, /aria-label="on track, at risk, off track"/u);
    assert.match(html, /Git history was not read\./u);
  });
});
