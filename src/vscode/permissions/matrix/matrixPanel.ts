import * as vscode from 'vscode';
import { grantedObjectLabel, operationLabel, operationTooltip, parseGrantedObjectPath, UiLanguage } from '../../../core/huawei/labels';
import { matrixToCsv, matrixToMarkdown, type PermissionMatrix } from '../../../core/huawei/matrix';
import { fileNameSlug } from '../../../core/format/exportName';
import type { Log } from '../../shared/log';
import { TablePanel } from '../../shared/tablePanel';
import type { Ui } from '../../shared/ui';
import { MATRIX_VIEW_TYPE } from '../keys';
import type { RepositoryRef } from '../views/permissionsNodes';
import { MatrixHtmlLabels, renderMatrixHtml } from './matrixHtml';

/** What the panel last showed; read by integration tests through the extension API. */
export interface RenderedMatrix {
  repo: RepositoryRef;
  matrix: PermissionMatrix;
  language: UiLanguage;
  html: string;
}

/** One "Permission Matrix" webview panel, reused for whichever repository is shown, with Copy and Save…. */
export class MatrixPanel extends TablePanel<RenderedMatrix> {
  constructor(log: Log, ui: Ui) {
    super(
      {
        viewType: MATRIX_VIEW_TYPE,
        exportText: ({ matrix, language }, format) =>
          format === 'csv' ? matrixToCsv(matrix, language) : matrixToMarkdown(matrix, language),
        copied: (format) =>
          format === 'csv'
            ? vscode.l10n.t('Copied the permission matrix as CSV.')
            : vscode.l10n.t('Copied the permission matrix as Markdown.'),
        copyFailed: 'Copying the permission matrix failed',
        saveName: ({ repo }) => `permissions-${fileNameSlug(repo.name)}`,
      },
      log,
      ui,
    );
  }

  show(repo: RepositoryRef, matrix: PermissionMatrix, language: UiLanguage): RenderedMatrix {
    return this.open(vscode.l10n.t('Permissions: {0}', repo.name), (page) => ({
      repo,
      matrix,
      language,
      html: renderMatrixHtml({ matrix, labels: htmlLabels(repo, language), ...page }),
    }));
  }
}

function htmlLabels(repo: RepositoryRef, lang: UiLanguage): MatrixHtmlLabels {
  const objects = (paths: readonly string[]): string => paths.map((p) => grantedObjectLabel(parseGrantedObjectPath(p), lang)).join('\n');
  return {
    language: lang === 'zh' ? 'zh-CN' : 'en',
    title: vscode.l10n.t('Permissions of repository {0}', repo.name),
    role: vscode.l10n.t('Role'),
    copyMarkdown: vscode.l10n.t('Copy as Markdown'),
    copyCsv: vscode.l10n.t('Copy as CSV'),
    save: vscode.l10n.t('Save…'),
    empty: vscode.l10n.t('No roles have permissions on this repository.'),
    groups: {
      repository: vscode.l10n.t('Repository management'),
      component: vscode.l10n.t('Components'),
      other: vscode.l10n.t('Other operations'),
    },
    column: (c) => operationLabel(c.keyword, lang),
    columnTitle: (c) => operationTooltip(c.keyword, lang),
    row: (r) => (lang === 'zh' ? r.roleLabelZh : r.roleLabelEn),
    rowTitle: (r) => objects(r.objects),
    granted: (r, c) => vscode.l10n.t('{0}: {1} granted', lang === 'zh' ? r.roleLabelZh : r.roleLabelEn, operationLabel(c.keyword, lang)),
    grantedTitle: (r, c) => objects(r.grantedOn.get(c.keyword) ?? []),
  };
}
