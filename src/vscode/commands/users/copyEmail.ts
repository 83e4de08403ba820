import * as vscode from 'vscode';
import { registerCommand } from './commandTable';
import { copyText } from './copyText';
import { userFrom } from './userArgument';

export function registerCopyUserEmail(): vscode.Disposable {
  return registerCommand('coscene.user.copyEmail', async (arg: unknown) => {
    const user = userFrom(arg);
    if (!user) return undefined;
    if (!user.email) {
      void vscode.window.showInformationMessage(vscode.l10n.t('This user has no email address.'));
      return undefined;
    }
    return copyText(user.email);
  });
}
