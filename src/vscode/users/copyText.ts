import * as vscode from 'vscode';

/** Copies and confirms in the status bar; returns the text (for tests). */
export async function copyText(text: string): Promise<string> {
  await vscode.env.clipboard.writeText(text);
  vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', text), 3000);
  return text;
}
