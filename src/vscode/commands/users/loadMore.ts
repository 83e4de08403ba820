import * as vscode from 'vscode';
import { registerCommand } from './commandTable';
import type { UserList } from '../../views/userItems';
import { PROJECT_USERS_VIEW } from '../../views/projectUsers';
import { LOAD_MORE_USERS } from '../../views/usersTree';
import type { UsersViews } from '../../views/usersViews';

/** Internal (run by "Load more…" and Retry nodes): the next page of one list. */
export function registerLoadMoreUsers(views: UsersViews): vscode.Disposable {
  return registerCommand(LOAD_MORE_USERS, (viewId: string, list: UserList) => {
    const provider = viewId === PROJECT_USERS_VIEW ? views.projectUsers : views.orgUsers;
    return provider.loadMore(list);
  });
}
