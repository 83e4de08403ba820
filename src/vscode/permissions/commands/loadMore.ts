import type { UsersNode } from '../views/permissionsNodes';
import type { PermissionsDeps } from '../deps';

/** coscene.permissions.loadMore (internal, run by "Load more…"): the next page of the root list or of a Users node. */
export function loadMore(deps: PermissionsDeps, parent?: UsersNode): Promise<void> {
  return deps.tree.loadMore(parent);
}
