import type { CommandHandler } from '../../shared/commands';
import type { UsersTreeProvider } from '../views/usersTree';

/** "Show as Flat List" (flat) and "Group by Role" (not flat) of one users view. */
export function setFlat(tree: UsersTreeProvider, flat: boolean): CommandHandler {
  return () => {
    tree.state.setFlat(flat);
    tree.refresh();
  };
}
