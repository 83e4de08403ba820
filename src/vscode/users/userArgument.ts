import type { User } from '../../core/coscene/model';
import { UserItem } from './views/userItems';

/** A user item's menu command gets the tree item; nothing else is accepted. */
export function userFrom(arg: unknown): User | undefined {
  return arg instanceof UserItem ? arg.user : undefined;
}
