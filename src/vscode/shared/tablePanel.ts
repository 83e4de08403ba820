import * as vscode from 'vscode';
import type { Log } from './log';

export type CopyFormat = 'markdown' | 'csv';

/** What a table panel last showed; integration tests read it through the extension API. */
export interface ShownPage {
  html: string;
}

export interface TablePanelSpec<T extends ShownPage> {
  viewType: string;
  /** The text a Copy button puts on the clipboard. */
  exportText(shown: T, format: CopyFormat): string;
  /** The notification after a copy. */
  copied(format: CopyFormat): string;
  /** The log line when a copy fails (English, for the log). */
  copyFailed: string;
}

/**
 * One webview panel with a table and Copy as Markdown / CSV buttons, reused for whatever it shows next. The page
 * posts {type: 'copy', format}; anything else goes to onOtherMessage, which ignores it unless a panel overrides it.
 */
export class TablePanel<T extends ShownPage> implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private current: T | undefined;

  constructor(
    private readonly spec: TablePanelSpec<T>,
    private readonly log: Log,
  ) {}

  get last(): T | undefined {
    return this.current;
  }

  /** Opens (or reveals) the panel and shows what `render` builds with a fresh nonce and the webview's CSP source. */
  protected open(title: string, render: (page: { nonce: string; cspSource: string }) => T): T {
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(this.spec.viewType, title, vscode.ViewColumn.Active, {
        enableScripts: true,
        localResourceRoots: [],
      });
      this.panel.onDidDispose(() => (this.panel = undefined));
      this.panel.webview.onDidReceiveMessage((m: unknown) => void this.onMessage(m));
    } else {
      this.panel.reveal();
    }
    this.panel.title = title;
    const shown = render({ nonce: freshNonce(), cspSource: this.panel.webview.cspSource });
    this.panel.webview.html = shown.html;
    this.current = shown;
    return shown;
  }

  exportText(format: CopyFormat): string | undefined {
    return this.current && this.spec.exportText(this.current, format);
  }

  async copy(format: CopyFormat): Promise<void> {
    const text = this.exportText(format);
    if (text === undefined) return;
    await vscode.env.clipboard.writeText(text);
    void vscode.window.showInformationMessage(this.spec.copied(format));
  }

  dispose(): void {
    this.panel?.dispose();
  }

  /** A message other than copy (a page's own buttons and links); ignored unless a panel knows it. Must validate it. */
  protected onOtherMessage(_message: unknown): void {}

  private async onMessage(message: unknown): Promise<void> {
    const m = message as { type?: unknown; format?: unknown } | undefined;
    if (m?.type !== 'copy') return this.onOtherMessage(message);
    if (m.format !== 'markdown' && m.format !== 'csv') return;
    try {
      await this.copy(m.format);
    } catch (err) {
      this.log.error(this.spec.copyFailed, err);
    }
  }
}

/** 128 random bits, base64 (the global Web Crypto: no node:crypto load on the way). */
function freshNonce(): string {
  return Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(16))).toString('base64');
}
