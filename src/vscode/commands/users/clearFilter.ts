import * as vscode from 'vscode';
import { registerCommand } from './commandTable';
import { refreshUsersViews, UsersViews } from '../../views/usersViews';

export function registerClearFilter(views: UsersViews): vscode.Disposable {
  return registerCommand('coscene.users.clearFilter', () => {
    views.state.setFilter(undefined);
    refreshUsersViews(views);
  });
}
