import * as vscode from 'vscode';
import { CODEARTS_PROJECT_ID, type AddedRepository } from '../addedRepositories';
import { askCodeartsProjectId, invalidProjectIdMessage } from './signIn';
import type { PermissionsDeps } from '../deps';

/** coscene.permissions.addRepository → true when added. The project id is checked before anything is sent. */
export async function addRepository(deps: PermissionsDeps, args?: Partial<AddedRepository>): Promise<boolean> {
  const projectId = args?.projectId ?? (await askCodeartsProjectId(deps));
  if (projectId === undefined) return false;
  if (!CODEARTS_PROJECT_ID.test(projectId.trim())) {
    void vscode.window.showErrorMessage(invalidProjectIdMessage());
    return false;
  }
  const repoId =
    args?.repoId ??
    (await vscode.window.showInputBox({
      title: vscode.l10n.t('Repository ID (General page of the repository)'),
      ignoreFocusOut: true,
      validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('A value is required.')),
    }));
  if (!repoId?.trim()) return false;
  await deps.added.add({ projectId: projectId.trim(), repoId: repoId.trim() });
  deps.tree.refresh();
  return true;
}
