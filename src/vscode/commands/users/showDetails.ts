import * as vscode from 'vscode';
import { registerCommand } from './commandTable';
import type { DetailsDocuments } from '../../details/detailsDocuments';
import { userFrom } from './userArgument';

export function registerShowUserDetails(details: DetailsDocuments): vscode.Disposable {
  return registerCommand('coscene.user.showDetails', (arg: unknown) => {
    const user = userFrom(arg);
    return user ? details.showUser(user) : undefined;
  });
}
