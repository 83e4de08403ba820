import * as vscode from 'vscode';
import { NICKNAME_SEARCH_LIMIT } from '../../../core/access/userQuery';
import type { CosceneApi, User } from '../../../core/coscene/model';
import { nicknameFilter } from '../../../core/format/filter';
import { escapeNotificationLinks } from '../../../core/text/serverText';
import type { Command } from '../../shared/commands';
import type { PickItem } from '../../shared/ui';
import { ORG_USERS_VIEW, USERS_COMMAND } from '../keys';
import type { UsersContext } from '../usersContext';
import { UserItem, userLabel } from '../views/userItems';

type UserPick = PickItem & { user: User };

/**
 * "coScene: Find User…": nicknames searched on the server as the user types (ListUsers with the nickname filter;
 * each keystroke cancels the search before it). The user chosen is shown in Organization Users — the view filtered
 * by that nickname, the row selected — and a notification offers Show Access and Copy ID.
 */
export const findUser: Command<UsersContext> = async (ctx) => {
  const api = await ctx.profiles.api();
  const picked = await ctx.ui.showSearchQuickPick((text, signal) => searchUsers(api, text, signal), {
    title: vscode.l10n.t('Find User'),
    placeHolder: vscode.l10n.t('Type part of a nickname'),
  });
  if (!picked) return;
  const row = await ctx.orgUsers.showFound(picked.user);
  if (row) await ctx.orgView.reveal(row, { select: true, focus: true });
  const showAccess = vscode.l10n.t('Show Access');
  const copyId = vscode.l10n.t('Copy ID');
  const message = row
    ? vscode.l10n.t('{0} is selected in Organization Users.', userLabel(picked.user))
    : vscode.l10n.t('{0} is not among the first rows of Organization Users.', userLabel(picked.user));
  void ctx.ui.showInformationMessage(escapeNotificationLinks(message), showAccess, copyId).then(async (action) => {
    // Show Access takes a user row: the one revealed, else one made for the user found.
    const item = row ?? new UserItem(picked.user, undefined, `${ORG_USERS_VIEW}/found/${picked.user.name}`);
    if (action === showAccess) await vscode.commands.executeCommand(USERS_COMMAND.showAccess, item);
    else if (action === copyId) await vscode.commands.executeCommand(USERS_COMMAND.copyId, item);
  });
};

/** One page of users whose nickname contains `text` (the server's substring match), exact matches first. */
async function searchUsers(api: CosceneApi, text: string, signal: AbortSignal): Promise<UserPick[]> {
  const page = await api.listUsers({ pageSize: NICKNAME_SEARCH_LIMIT, filter: nicknameFilter(text) }, signal);
  const needle = text.toLowerCase();
  const exact = (u: User) => Number((u.nickname ?? '').toLowerCase() === needle);
  return [...page.items]
    .sort((a, b) => exact(b) - exact(a))
    .map((user) => ({
      label: userLabel(user),
      description: user.email,
      detail: user.role ? `${user.role.displayName || user.role.code} · ${user.role.code}` : vscode.l10n.t('No organization role'),
      user,
    }));
}
