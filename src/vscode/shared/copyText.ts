import * as vscode from 'vscode';
import type { Ui } from './ui';

/** Copies `text` to the clipboard and confirms it in the status bar for 3 s ("Copied <text>", or `confirmation`). */
export async function copyText(ui: Ui, text: string, confirmation = vscode.l10n.t('Copied {0}', text)): Promise<void> {
  await ui.clipboard.writeText(text);
  vscode.window.setStatusBarMessage(confirmation, 3000);
}
