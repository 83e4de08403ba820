import * as vscode from 'vscode';
import { userId } from '../../../core/format/users';
import type { Command } from '../../shared/commands';
import { copyText } from '../../shared/copyText';
import { roleFrom } from '../roleArgument';
import { userFrom } from '../userArgument';
import type { UsersContext } from '../usersContext';

/** A user item's Copy ID / Email / Resource Name and Show Details, and a role item's Show Details. */

export const copyUserId: Command<UsersContext> = async (ctx, item) => {
  const user = userFrom(item);
  if (user) await copyText(ctx.ui, userId(user.name));
};

export const copyUserResourceName: Command<UsersContext> = async (ctx, item) => {
  const user = userFrom(item);
  if (user) await copyText(ctx.ui, user.name);
};

export const copyUserEmail: Command<UsersContext> = async (ctx, item) => {
  const user = userFrom(item);
  if (!user) return;
  if (user.email) await copyText(ctx.ui, user.email);
  else void ctx.ui.showInformationMessage(vscode.l10n.t('This user has no email address.'));
};

export const showUserDetails: Command<UsersContext> = async (ctx, item) => {
  const user = userFrom(item);
  if (user) await ctx.details.showUser(user);
};

export const showRoleDetails: Command<UsersContext> = async (ctx, item) => {
  const role = roleFrom(item);
  if (role) await ctx.details.showRole(role);
};
