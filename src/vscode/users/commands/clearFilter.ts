import type { CommandHandler } from '../../shared/commands';
import { refreshUsersViews, UsersViews } from '../views/usersViews';

export function clearFilter(views: UsersViews): CommandHandler {
  return () => {
    views.state.setFilter(undefined);
    refreshUsersViews(views);
  };
}
