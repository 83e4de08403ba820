import * as vscode from 'vscode';
import { parseUserQuery, searchByNickname } from '../../../core/access/userQuery';
import { CosceneApiError } from '../../../core/coscene/apiErrors';
import type { UserAccess } from '../../../core/access/matrix';
import type { Command } from '../../shared/commands';
import { USERS_COMMAND } from '../keys';
import { offerAnother } from '../offerAnother';
import { userFrom } from '../userArgument';
import type { UsersContext } from '../usersContext';

/**
 * "coScene: Show Access for User…" and the user item's "Show Access": the organization role plus the role in every
 * project the profile can see, in a webview with Copy as Markdown / CSV. A nickname is searched (the organization
 * listing, else the members already read) and picked from a list.
 */
export const showAccess: Command<UsersContext> = async (ctx, item) => {
  const name = userFrom(item)?.name ?? (await askUser(ctx, vscode.l10n.t('Show Access for User'), USERS_COMMAND.showAccess));
  const access = name && (await accessOf(ctx, name, USERS_COMMAND.showAccess));
  if (access) ctx.accessPanel.show(access);
};

/** The access panel's "Compare with Another User…": the user asked like Show Access does, both in one table. */
export const compareUsers: Command<UsersContext> = async (ctx) => {
  const first = ctx.accessPanel.last?.access;
  if (!first) return;
  const name = await askUser(ctx, vscode.l10n.t('Compare with Another User'), USERS_COMMAND.compareUsers);
  if (!name) return;
  const includeArchived = ctx.project.includeArchived;
  // The first user again with the same archived choice: the scan is kept, so this costs at most a GetUser.
  const left = first.includeArchived === includeArchived ? first : await ctx.access.userAccess(first.user.name, includeArchived);
  const right = await accessOf(ctx, name, USERS_COMMAND.compareUsers);
  if (right) ctx.accessPanel.show(left, right);
};

/** The user's access; undefined (with a warning offering `again`) when the user does not exist. */
async function accessOf(ctx: UsersContext, name: string, again: string): Promise<UserAccess | undefined> {
  try {
    return await ctx.access.userAccess(name, ctx.project.includeArchived);
  } catch (err) {
    if (!(err instanceof CosceneApiError && err.code === 'not_found')) throw err;
    const tryAnother = () => vscode.commands.executeCommand(again);
    offerAnother(ctx.ui, vscode.l10n.t('User not found: {0}', name), vscode.l10n.t('Try Another ID'), tryAnother);
    return undefined;
  }
}

/**
 * A user's resource name: an ID, users/<id>, nothing for yourself, or a nickname searched (the organization listing,
 * else the members already read) and picked. Undefined when cancelled, or when nobody matched or the user does not
 * exist (a warning then offers `again`).
 */
async function askUser(ctx: UsersContext, title: string, again: string): Promise<string | undefined> {
  const input = await ctx.ui.showInputBox({
    title,
    prompt: vscode.l10n.t('A user ID, users/<id> or a nickname to search; leave empty for yourself.'),
    placeHolder: 'users/0b6f4c1e-2d7a-4c39-9f3e-5a1d2b3c4d5e',
  });
  if (input === undefined) return undefined;
  const query = parseUserQuery(input);
  if (query.kind === 'current') return 'users/current';
  if (query.kind === 'name') return query.name;
  const includeArchived = ctx.project.includeArchived;
  const tryAnother = () => vscode.commands.executeCommand(again);
  const api = await ctx.profiles.api();
  const known = ctx.access.session.cachedScan(ctx.access.profileKey(), includeArchived)?.users.values() ?? [];
  const found = await searchByNickname(api, query.text, known);
  if (found.users.length === 0) {
    offerAnother(ctx.ui, vscode.l10n.t('No user whose nickname contains "{0}".', query.text), vscode.l10n.t('Try Another'), tryAnother);
    return undefined;
  }
  const picked = await ctx.ui.showQuickPick(
    found.users.map((u) => ({ label: u.nickname || u.name, description: u.email, detail: u.name, user: u })),
    { title: vscode.l10n.t('Users whose nickname contains "{0}"', query.text), matchOnDescription: true, matchOnDetail: true },
  );
  return picked?.user.name;
}
