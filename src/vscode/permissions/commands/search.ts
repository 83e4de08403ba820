import * as vscode from 'vscode';
import type { PermissionsDeps } from '../deps';

/** coscene.permissions.search: filters the repository list by name (qname); an empty text clears the filter. */
export async function search(deps: PermissionsDeps, query?: string | { query: string }): Promise<void> {
  let text = typeof query === 'string' ? query : query?.query;
  text ??= await vscode.window.showInputBox({
    title: vscode.l10n.t('Search Repositories'),
    prompt: vscode.l10n.t('Part of a repository name; leave empty to show all repositories.'),
    value: deps.tree.searchQuery,
  });
  if (text === undefined) return;
  deps.tree.setSearchQuery(text);
}
