import * as vscode from 'vscode';
import type { CommandHandler } from '../../shared/commands';
import type { Role } from '../../../core/coscene/model';
import { levelFilter } from '../../../core/format/filter';
import { collectAll } from '../../../core/paging';
import { sortRoles } from '../../../core/format/roles';
import { reportError } from '../../shared/errors';
import type { UsersTreeProvider } from '../views/usersTree';
import type { UsersViews } from '../views/usersViews';

/** "Filter … Users by Role…" of one users view: a quick pick of the view's role codes; `code` skips the pick. */
export function filterByRole(views: UsersViews, tree: UsersTreeProvider): CommandHandler {
  return async (code?: string) => {
    const picked = typeof code === 'string' && code ? code : await pickRoleCode(views, tree);
    if (!picked) return undefined;
    tree.state.setFilter({ kind: 'role', code: picked });
    tree.refresh();
    return picked;
  };
}

/** The codes of the view's level (organization or project roles), in cocli's order. */
async function pickRoleCode(views: UsersViews, tree: UsersTreeProvider): Promise<string | undefined> {
  const { log, profiles } = views.services;
  let roles: Role[];
  try {
    const api = await profiles.api();
    const filter = levelFilter(tree.scope.level);
    roles = sortRoles(
      (await collectAll((pageToken, s) => api.listRoles({ pageSize: 100, pageToken: pageToken || undefined, filter }, s))).items,
    );
  } catch (err) {
    reportError(log, 'Filter by role: listing roles failed', err);
    return undefined;
  }
  const items = roles.map((r) => ({ label: r.code, description: r.displayName }));
  const pick = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Filter {0} by Role Code', tree.scope.title()),
    placeHolder: vscode.l10n.t('Role code'),
  });
  return pick?.label;
}
