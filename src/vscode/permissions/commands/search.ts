import * as vscode from 'vscode';
import type { PermissionsContext } from '../context';

/** coscene.permissions.search: filters the repository list by name (qname); an empty text clears the filter. */
export async function search(ctx: PermissionsContext): Promise<void> {
  const text = await ctx.ui.showInputBox({
    title: vscode.l10n.t('Search CodeArts Repositories'),
    prompt: vscode.l10n.t('Part of a repository name; leave empty to show all repositories.'),
    value: ctx.tree.searchQuery,
  });
  if (text === undefined) return;
  ctx.tree.setSearchQuery(text);
}
