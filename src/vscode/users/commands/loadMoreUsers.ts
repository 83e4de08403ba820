import type { CommandHandler } from '../../shared/commands';
import type { UserList } from '../views/userItems';
import { PROJECT_USERS_VIEW } from '../keys';
import type { UsersViews } from '../views/usersViews';

/** Internal (run by "Load more…" and Retry nodes): the next page of one list. */
export function loadMoreUsers(views: UsersViews): CommandHandler {
  return (viewId: string, list: UserList) => {
    const provider = viewId === PROJECT_USERS_VIEW ? views.projectUsers : views.orgUsers;
    return provider.loadMore(list);
  };
}
