import * as vscode from 'vscode';
import type { CommandHandler } from '../../shared/commands';
import { copyText } from '../copyText';
import { userFrom } from '../userArgument';

export function copyUserEmail(): CommandHandler {
  return async (arg: unknown) => {
    const user = userFrom(arg);
    if (!user) return undefined;
    if (!user.email) {
      void vscode.window.showInformationMessage(vscode.l10n.t('This user has no email address.'));
      return undefined;
    }
    return copyText(user.email);
  };
}
