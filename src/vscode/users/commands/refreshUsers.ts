import type { CommandHandler } from '../../shared/commands';
import { refreshUsersViews, UsersViews } from '../views/usersViews';

export function refreshUsers(views: UsersViews): CommandHandler {
  return () => refreshUsersViews(views);
}
