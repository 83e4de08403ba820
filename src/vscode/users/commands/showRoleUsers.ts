import * as vscode from 'vscode';
import type { CommandHandler } from '../../shared/commands';
import type { UsersViews } from '../views/usersViews';
import { roleFrom } from '../roleArgument';

/** "Show Users with This Role": reveals and expands the role's group in the org or project users view. */
export function showRoleUsers(views: UsersViews): CommandHandler {
  return async (arg: unknown) => {
    const role = roleFrom(arg);
    if (!role) return undefined;
    const provider = role.level === 'project' ? views.projectUsers : views.orgUsers;
    const group = await provider.revealGroup(role.code);
    if (!group) void vscode.window.showInformationMessage(vscode.l10n.t('No group for role {0} in {1}.', role.code, provider.scope.level === 'project' ? vscode.l10n.t('Project Users') : vscode.l10n.t('Organization Users')));
    return group;
  };
}
