import { crypto } from '../../../core/lazyNode';
import * as vscode from 'vscode';
import { grantedObjectLabel, operationLabel, operationTooltip, parseGrantedObjectPath, UiLanguage } from '../../../core/huawei/labels';
import { matrixToCsv, matrixToMarkdown, type PermissionMatrix } from '../../../core/huawei/matrix';
import type { Log } from '../../shared/log';
import type { RepositoryRef } from '../views/permissionsNodes';
import { MatrixHtmlLabels, renderMatrixHtml } from './matrixHtml';

export type CopyFormat = 'markdown' | 'csv';

/** What the panel last showed; read by integration tests through the extension API. */
export interface RenderedMatrix {
  repo: RepositoryRef;
  matrix: PermissionMatrix;
  language: UiLanguage;
  html: string;
}

/** One "Permission Matrix" webview panel, reused for whichever repository is shown. */
export class MatrixPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private current: RenderedMatrix | undefined;

  constructor(private readonly log: Log) {}

  get last(): RenderedMatrix | undefined {
    return this.current;
  }

  show(repo: RepositoryRef, matrix: PermissionMatrix, language: UiLanguage): RenderedMatrix {
    const title = vscode.l10n.t('Permissions: {0}', repo.name);
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel('coscene.permissionMatrix', title, vscode.ViewColumn.Active, {
        enableScripts: true,
        localResourceRoots: [],
      });
      this.panel.onDidDispose(() => (this.panel = undefined));
      this.panel.webview.onDidReceiveMessage((m: unknown) => void this.onMessage(m));
    } else {
      this.panel.reveal();
    }
    this.panel.title = title;
    const html = renderMatrixHtml({
      matrix,
      labels: htmlLabels(repo, language),
      nonce: crypto().randomBytes(16).toString('base64'),
      cspSource: this.panel.webview.cspSource,
    });
    this.panel.webview.html = html;
    this.current = { repo, matrix, language, html };
    return this.current;
  }

  /** The text a Copy button puts on the clipboard. */
  exportText(format: CopyFormat): string | undefined {
    if (!this.current) return undefined;
    const { matrix, language } = this.current;
    return format === 'csv' ? matrixToCsv(matrix, language) : matrixToMarkdown(matrix, language);
  }

  async copy(format: CopyFormat): Promise<void> {
    const text = this.exportText(format);
    if (text === undefined) return;
    await vscode.env.clipboard.writeText(text);
    void vscode.window.showInformationMessage(
      format === 'csv' ? vscode.l10n.t('Copied the permission matrix as CSV.') : vscode.l10n.t('Copied the permission matrix as Markdown.'),
    );
  }

  dispose(): void {
    this.panel?.dispose();
  }

  private async onMessage(message: unknown): Promise<void> {
    const m = message as { type?: unknown; format?: unknown } | undefined;
    if (m?.type !== 'copy' || (m.format !== 'markdown' && m.format !== 'csv')) return;
    try {
      await this.copy(m.format);
    } catch (err) {
      this.log.error('Copying the permission matrix failed', err);
    }
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
