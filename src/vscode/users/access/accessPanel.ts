import * as vscode from 'vscode';
import type { UserAccess } from '../../../core/access/matrix';
import { formatUserAccess, userAccessNotes, userAccessTitle } from '../../../core/format/access';
import { localize } from '../../shared/errors';
import type { Log } from '../../shared/log';
import { fileNameSlug } from '../../../core/format/exportName';
import { type CopyFormat, TablePanel } from '../../shared/tablePanel';
import type { Ui } from '../../shared/ui';
import { ACCESS_PANEL_VIEW_TYPE } from '../keys';
import { type AccessHtmlLabels, renderAccessHtml } from './accessHtml';

/** What the panel last showed (read by the integration tests through the test API's `users.lastAccess()`). */
export interface RenderedAccess {
  access: UserAccess;
  html: string;
}

/** One "Access" webview panel, reused for whichever user is shown, with Copy as Markdown / CSV and Save…. */
export class AccessPanel extends TablePanel<RenderedAccess> {
  constructor(log: Log, ui: Ui) {
    super(
      {
        viewType: ACCESS_PANEL_VIEW_TYPE,
        exportText: ({ access }, format) => formatUserAccess(access, format, localize),
        copied,
        copyFailed: 'Copying the access failed',
        saveName: ({ access }) => `access-${fileNameSlug(access.user.name.replace(/^users\//, ''))}`,
      },
      log,
      ui,
    );
  }

  show(access: UserAccess): RenderedAccess {
    const title = userAccessTitle(access, localize);
    return this.open(title, (page) => ({
      access,
      html: renderAccessHtml({ access, labels: accessLabels(access, title), ...page }),
    }));
  }
}

function copied(format: CopyFormat): string {
  return format === 'csv' ? vscode.l10n.t('Copied the access as CSV.') : vscode.l10n.t('Copied the access as Markdown.');
}

function accessLabels(access: UserAccess, title: string): AccessHtmlLabels {
  return {
    language: vscode.env.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en',
    title,
    subtitle: [access.user.name, access.user.email].filter(Boolean).join(' · '),
    scope: vscode.l10n.t('Scope'),
    project: vscode.l10n.t('Project'),
    slug: vscode.l10n.t('Slug'),
    role: vscode.l10n.t('Role'),
    organization: vscode.l10n.t('Organization'),
    projectScope: vscode.l10n.t('Project'),
    unreadable: vscode.l10n.t('The members of this project could not be read'),
    copyMarkdown: vscode.l10n.t('Copy as Markdown'),
    copyCsv: vscode.l10n.t('Copy as CSV'),
    save: vscode.l10n.t('Save…'),
    notes: userAccessNotes(access, localize),
  };
}
