import * as vscode from 'vscode';
import { registerCommand } from './commandTable';
import { refreshUsersViews, UsersViews } from '../../views/usersViews';

export function registerRefreshUsers(views: UsersViews): vscode.Disposable {
  return registerCommand('coscene.users.refresh', () => refreshUsersViews(views));
}
