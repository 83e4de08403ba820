import * as vscode from 'vscode';
import { refreshUsersViews, UsersViews } from '../../views/usersViews';

export function registerShowGrouped(views: UsersViews): vscode.Disposable {
  return vscode.commands.registerCommand('coscene.users.showGrouped', () => {
    views.state.setFlat(false);
    refreshUsersViews(views);
  });
}
