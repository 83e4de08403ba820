import * as vscode from 'vscode';
import { registerCommand } from './commandTable';
import { userId } from '../../../core/format/users';
import { copyText } from './copyText';
import { userFrom } from './userArgument';

export function registerCopyUserId(): vscode.Disposable {
  return registerCommand('coscene.user.copyId', (arg: unknown) => {
    const user = userFrom(arg);
    return user ? copyText(userId(user.name)) : undefined;
  });
}
