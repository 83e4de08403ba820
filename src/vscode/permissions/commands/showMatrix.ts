import * as vscode from 'vscode';
import { buildPermissionMatrix } from '../../../core/huawei/matrix';
import type { PermissionsContext } from '../context';
import { PERMISSIONS_VIEW_ID } from '../keys';
import { uiLanguage } from '../language';
import { RepositoryNode } from '../views/permissionsNodes';

/** coscene.permissions.showMatrix: roles × operations of one repository (its tree item) in a webview. */
export async function showMatrix(ctx: PermissionsContext, node?: unknown): Promise<void> {
  if (!(node instanceof RepositoryNode)) return;
  const { repo } = node;
  const privileges = await vscode.window.withProgress(
    { location: { viewId: PERMISSIONS_VIEW_ID }, title: vscode.l10n.t('Reading the permissions of {0}…', repo.name) },
    async () => {
      const { api } = await ctx.session.artifact();
      return api.getRepositoryPrivileges(repo.projectId, repo.repoId);
    },
  );
  ctx.matrix.show(repo, buildPermissionMatrix(privileges), uiLanguage());
}
