import * as vscode from 'vscode';
import { levelFilter } from '../../../core/format/filter';
import { sortRoles } from '../../../core/format/roles';
import { collectAll } from '../../../core/paging';
import type { Command } from '../../shared/commands';
import type { UsersContext } from '../usersContext';
import type { UsersTree } from '../views/usersTreeBase';

/** "Filter … Users by Role…" of one users view: a quick pick of the view's role codes (organization or project roles, in cocli's order). */
export const filterByRole =
  (treeOf: (ctx: UsersContext) => UsersTree): Command<UsersContext> =>
  async (ctx) => {
    const tree = treeOf(ctx);
    const api = await ctx.profiles.api();
    const filter = levelFilter(tree.scope.level);
    const roles = sortRoles(
      (await collectAll((pageToken, s) => api.listRoles({ pageSize: 100, pageToken: pageToken || undefined, filter }, s))).items,
    );
    const pick = await ctx.ui.showQuickPick(
      roles.map((r) => ({ label: r.code, description: r.displayName })),
      { title: vscode.l10n.t('Filter {0} by Role Code', tree.title()), placeHolder: vscode.l10n.t('Role code') },
    );
    if (!pick) return;
    tree.state.setFilter({ kind: 'role', code: pick.label, name: pick.description });
    tree.refresh();
  };
