import * as vscode from 'vscode';
import { refreshUsersViews, UsersViews } from '../../views/usersViews';

export function registerClearFilter(views: UsersViews): vscode.Disposable {
  return vscode.commands.registerCommand('coscene.users.clearFilter', () => {
    views.state.setFilter(undefined);
    refreshUsersViews(views);
  });
}
