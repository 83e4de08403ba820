import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Log } from './log';
import type { Ui } from './ui';

export type CopyFormat = 'markdown' | 'csv';
/** What a panel's Save… writes: the Copy formats, and JSON where the panel offers it. */
export type PanelFormat = CopyFormat | 'json';

/** What a table panel last showed; integration tests read it through the extension API. */
export interface ShownPage {
  html: string;
}

export interface TablePanelSpec<T extends ShownPage> {
  viewType: string;
  /** The text a Copy button puts on the clipboard, and Save… writes. */
  exportText(shown: T, format: PanelFormat): string;
  /** The notification after a copy. */
  copied(format: CopyFormat): string;
  /** The log line when a copy fails (English, for the log). */
  copyFailed: string;
  /** Save…: the formats offered (the first is the default) and the file name offered, without extension. */
  saveFormats?: readonly PanelFormat[];
  saveName(shown: T): string;
}

const EXTENSIONS: Record<PanelFormat, string> = { markdown: 'md', csv: 'csv', json: 'json' };
const FILTER_NAMES: Record<PanelFormat, string> = { markdown: 'Markdown', csv: 'CSV', json: 'JSON' };

/**
 * One webview panel with a table, Copy as Markdown / CSV and Save… buttons, reused for whatever it shows next. The
 * page posts {type: 'copy', format} and {type: 'save'}; anything else goes to onOtherMessage, which ignores it unless
 * a panel overrides it.
 */
export class TablePanel<T extends ShownPage> implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private current: T | undefined;

  constructor(
    private readonly spec: TablePanelSpec<T>,
    protected readonly log: Log,
    protected readonly ui: Ui,
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

  exportText(format: PanelFormat): string | undefined {
    return this.current && this.spec.exportText(this.current, format);
  }

  /** Copy as Markdown / CSV: to the clipboard, with a notification. */
  async copy(format: CopyFormat): Promise<void> {
    const text = this.exportText(format);
    if (text === undefined) return;
    await this.ui.clipboard.writeText(text);
    void this.ui.showInformationMessage(this.spec.copied(format));
  }

  /**
   * Save…: a save dialog offering the panel's formats; the file's extension picks the format (the first one when it
   * names none of them). Returns the file written, undefined when cancelled or nothing is shown.
   */
  async save(): Promise<vscode.Uri | undefined> {
    const shown = this.current;
    if (!shown) return undefined;
    const formats = this.spec.saveFormats ?? ['markdown', 'csv'];
    const filters: Record<string, string[]> = {};
    for (const f of formats) filters[FILTER_NAMES[f]] = [EXTENSIONS[f]];
    const uri = await this.ui.showSaveDialog({
      defaultUri: defaultSaveUri(`${this.spec.saveName(shown)}.${EXTENSIONS[formats[0]]}`),
      filters,
      saveLabel: vscode.l10n.t('Save'),
    });
    if (!uri) return undefined;
    const ext = path.posix.extname(uri.path).slice(1).toLowerCase();
    const format = formats.find((f) => EXTENSIONS[f] === ext || (f === 'markdown' && ext === 'markdown')) ?? formats[0];
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(this.spec.exportText(shown, format)));
    void this.ui.showInformationMessage(vscode.l10n.t('Saved {0}.', path.posix.basename(uri.path)));
    return uri;
  }

  dispose(): void {
    this.panel?.dispose();
  }

  /** A message other than copy (a page's own buttons and links); ignored unless a panel knows it. Must validate it. */
  protected onOtherMessage(_message: unknown): void {}

  private async onMessage(message: unknown): Promise<void> {
    const m = message as { type?: unknown; format?: unknown } | undefined;
    if (m?.type === 'save') {
      try {
        await this.save();
      } catch (err) {
        this.log.error('Saving the table failed', err);
        void this.ui.showErrorMessage(vscode.l10n.t('Could not save the file: {0}', err instanceof Error ? err.message : String(err)));
      }
      return;
    }
    if (m?.type !== 'copy') return this.onOtherMessage(message);
    if (m.format !== 'markdown' && m.format !== 'csv') return;
    try {
      await this.copy(m.format);
    } catch (err) {
      this.log.error(this.spec.copyFailed, err);
    }
  }
}

/** `name` in the first workspace folder, else in the home folder. */
export function defaultSaveUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return folder ? vscode.Uri.joinPath(folder, name) : vscode.Uri.file(path.join(os.homedir(), name));
}

/** 128 random bits, base64 (the global Web Crypto: no node:crypto load on the way). */
function freshNonce(): string {
  return Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(16))).toString('base64');
}
