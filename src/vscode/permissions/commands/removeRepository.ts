import type { AddedRepository } from '../addedRepositories';
import { RepositoryNode } from '../views/permissionsNodes';
import type { PermissionsDeps } from '../deps';

/** coscene.permissions.removeRepository: forgets a repository added by ID (context menu of such a node). */
export async function removeRepository(deps: PermissionsDeps, target?: RepositoryNode | AddedRepository): Promise<void> {
  const repo = target instanceof RepositoryNode ? target.repo : target;
  if (!repo) return;
  await deps.added.remove({ projectId: repo.projectId, repoId: repo.repoId });
  deps.tree.refresh();
}
