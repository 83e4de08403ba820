import * as vscode from 'vscode';
import { registerCommand } from './commandTable';
import { refreshUsersViews, UsersViews } from '../../views/usersViews';

export function registerShowGrouped(views: UsersViews): vscode.Disposable {
  return registerCommand('coscene.users.showGrouped', () => {
    views.state.setFlat(false);
    refreshUsersViews(views);
  });
}
