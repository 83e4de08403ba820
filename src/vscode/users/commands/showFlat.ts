import type { CommandHandler } from '../../shared/commands';
import { refreshUsersViews, UsersViews } from '../views/usersViews';

export function showFlat(views: UsersViews): CommandHandler {
  return () => {
    views.state.setFlat(true);
    refreshUsersViews(views);
  };
}
