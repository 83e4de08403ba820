import * as vscode from 'vscode';
import { copyText } from './copyText';
import { userFrom } from './userArgument';

export function registerCopyUserResourceName(): vscode.Disposable {
  return vscode.commands.registerCommand('coscene.user.copyResourceName', (arg: unknown) => {
    const user = userFrom(arg);
    return user ? copyText(user.name) : undefined;
  });
}
