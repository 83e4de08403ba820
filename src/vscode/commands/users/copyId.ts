import * as vscode from 'vscode';
import { userId } from '../../../core/format/users';
import { copyText } from './copyText';
import { userFrom } from './userArgument';

export function registerCopyUserId(): vscode.Disposable {
  return vscode.commands.registerCommand('coscene.user.copyId', (arg: unknown) => {
    const user = userFrom(arg);
    return user ? copyText(userId(user.name)) : undefined;
  });
}
