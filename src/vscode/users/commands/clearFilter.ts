import type { CommandHandler } from '../../shared/commands';
import type { UsersTreeProvider } from '../views/usersTree';

/** "Clear Filter" of one users view; the other view keeps its filter. */
export function clearFilter(tree: UsersTreeProvider): CommandHandler {
  return () => {
    tree.state.setFilter(undefined);
    tree.refresh();
  };
}
