import * as vscode from 'vscode';
import { escapeNotificationLinks } from '../../../core/text/serverText';
import type { Command } from '../../shared/commands';
import { roleFrom } from '../roleArgument';
import type { UsersContext } from '../usersContext';

/** "Show Users with This Role": reveals and expands the role's group in the org or project users view. */
export const showRoleUsers: Command<UsersContext> = async (ctx, item) => {
  const role = roleFrom(item);
  if (!role) return;
  const tree = role.level === 'project' ? ctx.projectUsers : ctx.orgUsers;
  // Project roles: under the selected (else the profile's) project of the Project Users view.
  const under = role.level === 'project' && ctx.project.slug ? await ctx.projectUsers.projectItem(ctx.project.slug) : undefined;
  const group = await tree.revealGroup(role.code, under);
  if (!group)
    void ctx.ui.showInformationMessage(escapeNotificationLinks(vscode.l10n.t('No group for role {0} in {1}.', role.code, tree.title())));
};
