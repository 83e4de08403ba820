import type { PermissionsContext } from '../context';
import { RepositoryNode } from '../views/permissionsNodes';

/** coscene.permissions.removeRepository: forgets a repository added by ID (context menu of such a node). */
export async function removeRepository(ctx: PermissionsContext, node?: unknown): Promise<void> {
  if (!(node instanceof RepositoryNode)) return;
  await ctx.added.remove({ projectId: node.repo.projectId, repoId: node.repo.repoId });
  ctx.tree.refresh();
}
