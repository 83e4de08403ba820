import * as vscode from 'vscode';
import type { CredentialFormat } from '../../core/registry/credentialFormat';
import { CREDENTIAL_DOCUMENT_SCHEME as SCHEME } from './keys';

const EXTENSIONS: Record<CredentialFormat, string> = { json: 'json', yaml: 'yaml', table: 'txt', plain: 'txt' };
const LANGUAGES: Record<CredentialFormat, string> = { json: 'json', yaml: 'yaml', table: 'plaintext', plain: 'plaintext' };

/**
 * Read-only documents showing a credential. The text lives only in memory and is dropped when the
 * document closes, so nothing is written to disk and closing never asks to save.
 */
export class CredentialDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly contents = new Map<string, string>();
  private readonly disposables: vscode.Disposable[];
  private counter = 0;

  constructor() {
    this.disposables = [
      vscode.workspace.registerTextDocumentContentProvider(SCHEME, this),
      vscode.workspace.onDidCloseTextDocument((doc) => this.contents.delete(doc.uri.toString())),
    ];
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '';
  }

  async open(username: string, format: CredentialFormat, text: string): Promise<vscode.TextEditor> {
    const safeName = username.replace(/[^\w.-]/g, '_');
    const uri = vscode.Uri.from({ scheme: SCHEME, path: `/${safeName}-${++this.counter}.${EXTENSIONS[format]}` });
    this.contents.set(uri.toString(), text);
    const doc = await vscode.languages.setTextDocumentLanguage(await vscode.workspace.openTextDocument(uri), LANGUAGES[format]);
    return vscode.window.showTextDocument(doc, { preview: false });
  }

  dispose(): void {
    this.contents.clear();
    for (const d of this.disposables) d.dispose();
  }
}
