import * as vscode from 'vscode';
import { parseUserQuery, searchByNickname } from '../../../core/access/userQuery';
import { CosceneApiError } from '../../../core/coscene/apiErrors';
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
  const fromTree = userFrom(item);
  const input =
    fromTree?.name ??
    (await ctx.ui.showInputBox({
      title: vscode.l10n.t('Show Access for User'),
      prompt: vscode.l10n.t('A user ID, users/<id> or a nickname to search; leave empty for yourself.'),
      placeHolder: 'users/0b6f4c1e-2d7a-4c39-9f3e-5a1d2b3c4d5e',
    }));
  if (input === undefined) return;
  const includeArchived = ctx.project.includeArchived;
  const tryAnother = () => vscode.commands.executeCommand(USERS_COMMAND.showAccess);
  try {
    const api = await ctx.profiles.api();
    const query = parseUserQuery(input);
    let name: string;
    if (query.kind === 'nickname') {
      const known = ctx.access.session.cachedScan(ctx.access.profileKey(), includeArchived)?.users.values() ?? [];
      const found = await searchByNickname(api, query.text, known);
      if (found.users.length === 0) {
        offerAnother(ctx.ui, vscode.l10n.t('No user whose nickname contains "{0}".', query.text), vscode.l10n.t('Try Another'), tryAnother);
        return;
      }
      const picked = await ctx.ui.showQuickPick(
        found.users.map((u) => ({ label: u.nickname || u.name, description: u.email, detail: u.name, user: u })),
        { title: vscode.l10n.t('Users whose nickname contains "{0}"', query.text), matchOnDescription: true, matchOnDetail: true },
      );
      if (!picked) return;
      name = picked.user.name;
    } else {
      name = query.kind === 'current' ? 'users/current' : query.name;
    }
    ctx.accessPanel.show(await ctx.access.userAccess(name, includeArchived));
  } catch (err) {
    if (!(err instanceof CosceneApiError && err.code === 'not_found')) throw err;
    offerAnother(ctx.ui, vscode.l10n.t('User not found: {0}', input), vscode.l10n.t('Try Another ID'), tryAnother);
  }
};
