import * as vscode from 'vscode';
import { refreshUsersViews, UsersViews } from '../../views/usersViews';

export function registerShowFlat(views: UsersViews): vscode.Disposable {
  return vscode.commands.registerCommand('coscene.users.showFlat', () => {
    views.state.setFlat(true);
    refreshUsersViews(views);
  });
}
