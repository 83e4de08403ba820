import * as vscode from 'vscode';
import { userId } from '../../../core/format/users';
import type { Command } from '../../shared/commands';
import { roleFrom } from '../roleArgument';
import { userFrom } from '../userArgument';
import type { UsersContext } from '../usersContext';

/** A user item's Copy ID / Email / Resource Name and Show Details, and a role item's Show Details. */

/** Copies and confirms in the status bar. */
async function copyText(ctx: UsersContext, text: string): Promise<void> {
  await ctx.ui.clipboard.writeText(text);
  vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', text), 3000);
}

export const copyUserId: Command<UsersContext> = async (ctx, item) => {
  const user = userFrom(item);
  if (user) await copyText(ctx, userId(user.name));
};

export const copyUserResourceName: Command<UsersContext> = async (ctx, item) => {
  const user = userFrom(item);
  if (user) await copyText(ctx, user.name);
};

export const copyUserEmail: Command<UsersContext> = async (ctx, item) => {
  const user = userFrom(item);
  if (!user) return;
  if (user.email) await copyText(ctx, user.email);
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
