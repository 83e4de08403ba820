import type { PermissionsContext } from '../context';
import { RepositoryNode, UsersNode } from '../views/permissionsNodes';

/** coscene.permissions.refresh: everything, or only below a repository or its Users node (error "Retry"). */
export async function refresh(ctx: PermissionsContext, node?: unknown): Promise<void> {
  ctx.tree.refresh(node instanceof RepositoryNode || node instanceof UsersNode ? node : undefined);
}

/** coscene.permissions.loadMore (internal, run by "Load more…"): the next page of the root list or of a Users node. */
export async function loadMore(ctx: PermissionsContext, parent?: unknown): Promise<void> {
  await ctx.tree.loadMore(parent instanceof UsersNode ? parent : undefined);
}
