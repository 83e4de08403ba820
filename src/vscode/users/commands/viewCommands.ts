import * as vscode from 'vscode';
import type { Command } from '../../shared/commands';
import { PROJECT_ARCHIVED_CONTEXT_KEY } from '../keys';
import { refreshUsersViews, type UsersContext } from '../usersContext';
import type { UsersTree } from '../views/usersTreeBase';

/** The users views' and the Roles view's title buttons, and the trees' own "Load more…" rows. */

type TreeOf = (ctx: UsersContext) => UsersTree;

export const refreshUsers: Command<UsersContext> = async (ctx) => refreshUsersViews(ctx);

export const refreshRoles: Command<UsersContext> = async (ctx) => ctx.roles.refresh();

/** Internal (run by "Load more…" and Retry rows): the next page of the list the row ends; any other argument is ignored. */
export const loadMoreUsers: Command<UsersContext> = async (ctx, list) => {
  const tree = [ctx.orgUsers, ctx.projectUsers].find((t) => t.owns(list));
  if (tree?.owns(list)) await tree.loadMore(list);
};

/** "Clear Filter" of one users view; the other view keeps its filter. */
export const clearFilter =
  (tree: TreeOf): Command<UsersContext> =>
  async (ctx) => {
    tree(ctx).state.setFilter(undefined);
    tree(ctx).refresh();
  };

/** "Show as Flat List" (flat) and "Group by Role" (not flat) of one users view. */
export const setFlat =
  (tree: TreeOf, flat: boolean): Command<UsersContext> =>
  async (ctx) => {
    tree(ctx).state.setFlat(flat);
    tree(ctx).refresh();
  };

/** "Show Archived Projects" / "Hide Archived Projects" in the Project Users view title. */
export const setArchivedShown =
  (shown: boolean): Command<UsersContext> =>
  async (ctx) => {
    ctx.project.includeArchived = shown;
    await vscode.commands.executeCommand('setContext', PROJECT_ARCHIVED_CONTEXT_KEY, shown);
    ctx.projectUsers.refresh();
  };
