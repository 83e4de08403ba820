import * as vscode from 'vscode';
import type { UserAccess } from '../../../core/access/matrix';
import { parseUserQuery, searchByNickname } from '../../../core/access/userQuery';
import { CosceneApiError } from '../../../core/coscene/apiErrors';
import type { CommandHandler } from '../../shared/commands';
import { reportError } from '../../shared/errors';
import type { AccessPanel } from '../access/accessPanel';
import type { AccessRunner } from '../access/accessRunner';
import { offerAnother } from '../offerAnother';
import { userFrom } from '../userArgument';
import type { UsersViews } from '../views/usersViews';

export interface ShowAccessArgs {
  /** A user id, `users/<id>`, a nickname to search, or '' for yourself. */
  user?: string;
  includeArchived?: boolean;
}

/**
 * "coScene: Show Access for User…" and the user item's "Show Access": the organization role plus the role in every
 * project the profile can see, in a webview with Copy as Markdown / CSV. A nickname is searched (the organization
 * listing, else the members already read) and picked from a list.
 */
export function showAccess(views: UsersViews, runner: AccessRunner, panel: AccessPanel): CommandHandler {
  const run = async (arg?: unknown): Promise<UserAccess | undefined> => {
    const { log, profiles } = views.services;
    const fromTree = userFrom(arg);
    const args: ShowAccessArgs = fromTree
      ? { user: fromTree.name }
      : typeof arg === 'string'
        ? { user: arg }
        : ((arg as ShowAccessArgs | undefined) ?? {});
    const input =
      args.user ??
      (await vscode.window.showInputBox({
        title: vscode.l10n.t('Show Access for User'),
        prompt: vscode.l10n.t('A user ID, users/<id> or a nickname to search; leave empty for yourself.'),
        placeHolder: 'users/0b6f4c1e-2d7a-4c39-9f3e-5a1d2b3c4d5e',
      }));
    if (input === undefined) return undefined;
    const includeArchived = args.includeArchived ?? views.project.includeArchived;
    try {
      const api = await profiles.api();
      const query = parseUserQuery(input);
      let name: string;
      if (query.kind === 'nickname') {
        const known = runner.session.cachedScan(runner.profileKey(), includeArchived)?.users.values() ?? [];
        const found = await searchByNickname(api, query.text, known);
        if (found.users.length === 0) {
          offerAnother(vscode.l10n.t('No user whose nickname contains "{0}".', query.text), vscode.l10n.t('Try Another'), () => run());
          return undefined;
        }
        // Given as an argument, a single exact (else single) match needs no question.
        const exact = found.users.filter((u) => u.nickname === query.text);
        const picked =
          args.user !== undefined && (exact.length === 1 || found.users.length === 1)
            ? (exact[0] ?? found.users[0])
            : (
                await vscode.window.showQuickPick(
                  found.users.map((u) => ({ label: u.nickname || u.name, description: u.email, detail: u.name, user: u })),
                  {
                    title: vscode.l10n.t('Users whose nickname contains "{0}"', query.text),
                    matchOnDescription: true,
                    matchOnDetail: true,
                  },
                )
              )?.user;
        if (!picked) return undefined;
        name = picked.name;
      } else {
        name = query.kind === 'current' ? 'users/current' : query.name;
      }
      const access = await runner.userAccess(name, includeArchived);
      panel.show(access);
      return access;
    } catch (err) {
      if (err instanceof Error && err.name === 'AbortError') return undefined;
      if (err instanceof CosceneApiError && err.code === 'not_found') {
        offerAnother(vscode.l10n.t('User not found: {0}', input), vscode.l10n.t('Try Another ID'), () => run());
        return undefined;
      }
      reportError(log, 'Show access failed', err, () => run(arg));
      return undefined;
    }
  };
  return run;
}
