import type { CommandHandler } from '../../shared/commands';
import type { UsersViews } from '../views/usersViews';

export function refreshRoles(views: UsersViews): CommandHandler {
  return () => views.roles.refresh();
}
