import * as vscode from 'vscode';
import { registerCommand } from '../users/commandTable';
import type { UsersViews } from '../../views/usersViews';

export function registerRefreshRoles(views: UsersViews): vscode.Disposable {
  return registerCommand('coscene.roles.refresh', () => views.roles.refresh());
}
