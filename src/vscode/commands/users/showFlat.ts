import * as vscode from 'vscode';
import { registerCommand } from './commandTable';
import { refreshUsersViews, UsersViews } from '../../views/usersViews';

export function registerShowFlat(views: UsersViews): vscode.Disposable {
  return registerCommand('coscene.users.showFlat', () => {
    views.state.setFlat(true);
    refreshUsersViews(views);
  });
}
