import * as vscode from 'vscode';
import { refreshUsersViews, UsersViews } from '../../views/usersViews';

export function registerRefreshUsers(views: UsersViews): vscode.Disposable {
  return vscode.commands.registerCommand('coscene.users.refresh', () => refreshUsersViews(views));
}
