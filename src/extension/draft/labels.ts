/** The page's labels in VS Code's display language (strings in l10n/bundle.l10n.zh-cn.json). */
import * as vscode from 'vscode';
import type { Labels } from '../../shared/protocol';

export function panelLabels(): Labels {
  const t = vscode.l10n.t;
  return {
    lines: t('Lines'),
    linesHint: t('Untick a line to leave it out of the update; hover to see its commits.'),
    source: t('Markdown source'),
    preview: t('Preview'),
    subject: t('Subject'),
    to: t('To:'),
    cc: t('Cc:'),
    status: t('Status'),
    statusAuto: t('Computed'),
    onTrack: t('On track'),
    atRisk: t('At risk'),
    offTrack: t('Off track'),
    audience: t('Audience'),
    audienceClient: t('Client e-mail'),
    audienceInternal: t('Internal report'),
    language: t('Language'),
    languageEn: t('English'),
    languageZh: t('Simplified Chinese'),
    copy: t('Copy'),
    copyAs: t('Copy as'),
    copyText: t('Plain text'),
    copyMarkdown: t('Markdown'),
    copyHtml: t('Rich text (HTML)'),
    openMail: t('Open in mail client'),
    saveEml: t('Save as .eml'),
    saveRecord: t('Save record'),
    saveDocument: t('Save'),
    dropLine: t('Leave out'),
    restoreLine: t('Put back'),
    commits: t('Commits'),
    noCommits: t('From clients.md (no commit)'),
    carriedOver: t('carried over'),
    regenerated: t('The draft was regenerated and your edits to the text were replaced.'),
    restoreText: t('Restore my text'),
    dismiss: t('Dismiss'),
    working: t('Working…'),
    richCopied: t('Copied as rich text.'),
    period: t('Period:'),
    readOnly: t('Restricted mode: saving is off.'),
    shortcutHint: t('{0}+Enter copies'),
  };
}
