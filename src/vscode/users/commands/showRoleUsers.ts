import * as vscode from 'vscode';
import { escapeNotificationLinks } from '../../../core/text/serverText';
import type { CommandHandler } from '../../shared/commands';
import type { UsersViews } from '../views/usersViews';
import { roleFrom } from '../roleArgument';

/** "Show Users with This Role": reveals and expands the role's group in the org or project users view. */
export function showRoleUsers(views: UsersViews): CommandHandler {
  return async (arg: unknown) => {
    const role = roleFrom(arg);
    if (!role) return undefined;
    const provider = role.level === 'project' ? views.projectUsers : views.orgUsers;
    // Project roles: under the selected (else the profile's) project of the Project Users view.
    const under = role.level === 'project' && views.project.slug ? await views.projectUsers.projectItem(views.project.slug) : undefined;
    const group = await provider.revealGroup(role.code, under);
    if (!group)
      void vscode.window.showInformationMessage(
        escapeNotificationLinks(vscode.l10n.t('No group for role {0} in {1}.', role.code, provider.scope.title())),
      );
    return group;
  };
}
