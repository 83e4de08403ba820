import * as vscode from 'vscode';
import type { AccessDiff } from '../../../core/access/compare';
import { changeKindTitle, formatAccessDiff } from '../../../core/format/accessDiff';
import { fileNameSlug, fileNameStamp } from '../../../core/format/exportName';
import { isoTime } from '../../../core/format/markdownTable';
import { localize } from '../../shared/errors';
import type { Log } from '../../shared/log';
import { type CopyFormat, TablePanel } from '../../shared/tablePanel';
import type { Ui } from '../../shared/ui';
import { ACCESS_DIFF_VIEW_TYPE } from '../keys';
import { type DiffHtmlLabels, renderDiffHtml } from './diffHtml';

/** What the Compare Access panel last showed (read by the integration tests through `users.lastDiff()`). */
export interface RenderedDiff {
  diff: AccessDiff;
  html: string;
}

/** One "Access Changes" webview panel, with Copy as Markdown / CSV and Save… as Markdown, CSV or JSON. */
export class DiffPanel extends TablePanel<RenderedDiff> {
  constructor(log: Log, ui: Ui) {
    super(
      {
        viewType: ACCESS_DIFF_VIEW_TYPE,
        exportText: ({ diff }, format) => formatAccessDiff(diff, format, localize),
        copied,
        copyFailed: 'Copying the access changes failed',
        saveFormats: ['markdown', 'csv', 'json'],
        saveName: ({ diff }) => {
          const org = diff.after.organization ?? diff.before.organization ?? '';
          return `access-changes-${fileNameSlug(org)}-${fileNameStamp(new Date(diff.after.readAt ?? Date.now()))}`;
        },
      },
      log,
      ui,
    );
  }

  show(diff: AccessDiff): RenderedDiff {
    const title = vscode.l10n.t('Access Changes');
    return this.open(title, (page) => ({ diff, html: renderDiffHtml({ diff, labels: diffLabels(diff, title), ...page }) }));
  }
}

function copied(format: CopyFormat): string {
  return format === 'csv' ? vscode.l10n.t('Copied the access changes as CSV.') : vscode.l10n.t('Copied the access changes as Markdown.');
}

function sideText(side: AccessDiff['before']): string {
  const org = side.organization ?? vscode.l10n.t('organization not recorded');
  return `${org} · ${side.readAt !== undefined ? isoTime(side.readAt) : vscode.l10n.t('time not recorded')}`;
}

function diffLabels(diff: AccessDiff, title: string): DiffHtmlLabels {
  const total = diff.changes.length;
  return {
    language: vscode.env.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en',
    title,
    subtitle: vscode.l10n.t('Before: {0}', sideText(diff.before)) + '  →  ' + vscode.l10n.t('After: {0}', sideText(diff.after)),
    summary: vscode.l10n.t('Summary ({0} changes)', total),
    change: vscode.l10n.t('Change'),
    count: vscode.l10n.t('Count'),
    changes: vscode.l10n.t('Changes'),
    user: vscode.l10n.t('User'),
    nickname: vscode.l10n.t('Nickname'),
    project: vscode.l10n.t('Project'),
    before: vscode.l10n.t('Before'),
    after: vscode.l10n.t('After'),
    noChanges: vscode.l10n.t('No changes.'),
    kind: (kind) => localize(changeKindTitle(kind)),
    copyMarkdown: vscode.l10n.t('Copy as Markdown'),
    copyCsv: vscode.l10n.t('Copy as CSV'),
    save: vscode.l10n.t('Save…'),
    notes: diff.notes.map(localize),
  };
}
