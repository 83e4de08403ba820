import * as vscode from 'vscode';
import { buildPermissionMatrix } from '../../../core/huawei/matrix';
import { reportError } from '../../shared/errors';
import { uiLanguage } from '../language';
import { RepositoryNode, type RepositoryRef } from '../views/permissionsNodes';
import type { RenderedMatrix } from '../matrix/matrixPanel';
import type { PermissionsDeps } from '../deps';

/** coscene.permissions.showMatrix: roles × operations of one repository in a webview. */
export async function showMatrix(deps: PermissionsDeps, target?: RepositoryNode | RepositoryRef): Promise<RenderedMatrix | undefined> {
  const repo = target instanceof RepositoryNode ? target.repo : target;
  if (!repo) return undefined;
  try {
    const privileges = await vscode.window.withProgress(
      { location: { viewId: 'coscene.permissions' }, title: vscode.l10n.t('Reading the permissions of {0}…', repo.name) },
      async () => {
        const { api } = await deps.session.artifact();
        return api.getRepositoryPrivileges(repo.projectId, repo.repoId);
      },
    );
    return deps.matrix.show(repo, buildPermissionMatrix(privileges), uiLanguage());
  } catch (err) {
    reportError(deps.services.log, `Reading the permissions of repository ${repo.repoId} failed`, err, () => showMatrix(deps, repo));
    return undefined;
  }
}
