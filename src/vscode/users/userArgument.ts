import type { User } from '../../core/coscene/model';
import { UserItem } from './views/userItems';

/** Context-menu commands get the tree item; tests and other callers may pass the User itself. */
export function userFrom(arg: unknown): User | undefined {
  if (arg instanceof UserItem) return arg.user;
  if (arg && typeof arg === 'object' && typeof (arg as User).name === 'string' && (arg as User).name.startsWith('users/'))
    return arg as User;
  return undefined;
}
