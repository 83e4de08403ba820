import * as vscode from 'vscode';
import { registerCommand } from './commandTable';
import { copyText } from './copyText';
import { userFrom } from './userArgument';

export function registerCopyUserResourceName(): vscode.Disposable {
  return registerCommand('coscene.user.copyResourceName', (arg: unknown) => {
    const user = userFrom(arg);
    return user ? copyText(user.name) : undefined;
  });
}
