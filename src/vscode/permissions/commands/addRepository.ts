import * as vscode from 'vscode';
import { CODEARTS_PROJECT_ID } from '../addedRepositories';
import type { PermissionsContext } from '../context';
import { askCodeartsProjectId, invalidProjectIdMessage } from './signIn';

/** coscene.permissions.addRepository: asks for a CodeArts project ID (checked before anything is sent) and a repository ID. */
export async function addRepository(ctx: PermissionsContext): Promise<void> {
  const projectId = await askCodeartsProjectId(ctx);
  if (projectId === undefined) return;
  if (!CODEARTS_PROJECT_ID.test(projectId.trim())) {
    void ctx.ui.showErrorMessage(invalidProjectIdMessage());
    return;
  }
  const repoId = await ctx.ui.showInputBox({
    title: vscode.l10n.t('Repository ID (General page of the repository)'),
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('A value is required.')),
  });
  if (!repoId?.trim()) return;
  await ctx.added.add({ projectId: projectId.trim(), repoId: repoId.trim() });
  ctx.tree.refresh();
}
