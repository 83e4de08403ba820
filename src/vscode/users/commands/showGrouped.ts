import type { CommandHandler } from '../../shared/commands';
import { refreshUsersViews, UsersViews } from '../views/usersViews';

export function showGrouped(views: UsersViews): CommandHandler {
  return () => {
    views.state.setFlat(false);
    refreshUsersViews(views);
  };
}
