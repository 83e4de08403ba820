import * as vscode from 'vscode';
import type { UsersViews } from '../../views/usersViews';

export function registerRefreshRoles(views: UsersViews): vscode.Disposable {
  return vscode.commands.registerCommand('coscene.roles.refresh', () => views.roles.refresh());
}
