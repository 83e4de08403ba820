import { crypto } from '../../../core/lazyNode';
import * as vscode from 'vscode';
import type { UserAccess } from '../../../core/access/matrix';
import { formatUserAccess, userAccessNotes, userAccessTitle } from '../../../core/format/access';
import { localize } from '../../shared/errors';
import type { Log } from '../../shared/log';
import { renderAccessHtml } from './accessHtml';

export type CopyFormat = 'markdown' | 'csv';

/** What the panel last showed; read by integration tests through the extension API. */
export interface RenderedAccess {
  access: UserAccess;
  html: string;
}

/** One "Access" webview panel, reused for whichever user is shown, with Copy as Markdown / CSV. */
export class AccessPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private current: RenderedAccess | undefined;

  constructor(private readonly log: Log) {}

  get last(): RenderedAccess | undefined {
    return this.current;
  }

  show(access: UserAccess): RenderedAccess {
    const title = userAccessTitle(access, localize);
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel('coscene.userAccess', title, vscode.ViewColumn.Active, {
        enableScripts: true,
        localResourceRoots: [],
      });
      this.panel.onDidDispose(() => (this.panel = undefined));
      this.panel.webview.onDidReceiveMessage((m: unknown) => void this.onMessage(m));
    } else {
      this.panel.reveal();
    }
    this.panel.title = title;
    const html = renderAccessHtml({
      access,
      nonce: crypto().randomBytes(16).toString('base64'),
      cspSource: this.panel.webview.cspSource,
      labels: {
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
        notes: userAccessNotes(access, localize),
      },
    });
    this.panel.webview.html = html;
    this.current = { access, html };
    return this.current;
  }

  exportText(format: CopyFormat): string | undefined {
    return this.current && formatUserAccess(this.current.access, format, localize);
  }

  async copy(format: CopyFormat): Promise<void> {
    const text = this.exportText(format);
    if (text === undefined) return;
    await vscode.env.clipboard.writeText(text);
    void vscode.window.showInformationMessage(
      format === 'csv' ? vscode.l10n.t('Copied the access as CSV.') : vscode.l10n.t('Copied the access as Markdown.'),
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
      this.log.error('Copying the access failed', err);
    }
  }
}
