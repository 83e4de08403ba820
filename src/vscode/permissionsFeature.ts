import * as vscode from 'vscode';
import { addRepository } from './commands/permissions/addRepository';
import type { PermissionsDeps } from './commands/permissions/deps';
import { loadMore } from './commands/permissions/loadMore';
import { refresh } from './commands/permissions/refresh';
import { removeRepository } from './commands/permissions/removeRepository';
import { search } from './commands/permissions/search';
import { showMatrix } from './commands/permissions/showMatrix';
import { signIn } from './commands/huawei/signIn';
import { signOut } from './commands/huawei/signOut';
import { AddedRepositories } from './huawei/addedRepositories';
import { CredentialStore } from './huawei/credentialStore';
import { HuaweiSession } from './huawei/huaweiSession';
import type { Services } from './services';
import { LOAD_MORE_COMMAND, PermissionsTreeProvider, REFRESH_COMMAND } from './views/permissionsTree';
import { MatrixPanel } from './webview/matrixPanel';

/** Objects integration tests reach through `api.features.permissions`. */
export interface PermissionsFeature {
  session: HuaweiSession;
  tree: PermissionsTreeProvider;
  matrix: MatrixPanel;
  /** Resolves once the stored credentials have been read at activation. */
  ready: Promise<void>;
  viewDescription(): string | undefined;
  /** Everything in globalState (tests check that no secret ends up there). */
  globalStateSnapshot(): Record<string, unknown>;
}

/** Repository Permissions view (Huawei Cloud CodeArts Artifact): sign-in, tree, matrix webview. */
export function registerPermissionsFeature(services: Services): void {
  const { context, log } = services;
  const session = new HuaweiSession(new CredentialStore(context), log);
  const added = new AddedRepositories(context.globalState);
  const tree = new PermissionsTreeProvider(session, added, log);
  const matrix = new MatrixPanel(log);
  const deps: PermissionsDeps = { services, session, added, tree, matrix };

  const view = vscode.window.createTreeView('coscene.permissions', { treeDataProvider: tree, showCollapseAll: true });
  const describeView = (): void => {
    view.description = tree.searchQuery ? vscode.l10n.t('Search: {0}', tree.searchQuery) : session.describe();
  };
  const ready = session.reload();

  context.subscriptions.push(
    session,
    tree,
    matrix,
    view,
    // Sign-in, sign-out (also from another window) and endpoint settings: reload the tree.
    session.onDidChange(() => tree.refresh()),
    session.onDidChange(describeView),
    tree.onDidChangeTreeData(describeView),
    vscode.commands.registerCommand('coscene.huawei.signIn', (args?) => signIn(deps, args)),
    vscode.commands.registerCommand('coscene.huawei.signOut', () => signOut(deps)),
    vscode.commands.registerCommand(REFRESH_COMMAND, (node?) => refresh(deps, node)),
    vscode.commands.registerCommand(LOAD_MORE_COMMAND, (parent?) => loadMore(deps, parent)),
    vscode.commands.registerCommand('coscene.permissions.search', (query?) => search(deps, query)),
    vscode.commands.registerCommand('coscene.permissions.addRepository', (args?) => addRepository(deps, args)),
    vscode.commands.registerCommand('coscene.permissions.removeRepository', (target?) => removeRepository(deps, target)),
    vscode.commands.registerCommand('coscene.permissions.showMatrix', (target?) => showMatrix(deps, target)),
  );

  services.api.trees.set('coscene.permissions', tree as vscode.TreeDataProvider<unknown>);
  const feature: PermissionsFeature = {
    session,
    tree,
    matrix,
    ready,
    viewDescription: () => view.description,
    globalStateSnapshot: () => Object.fromEntries(context.globalState.keys().map((k) => [k, context.globalState.get(k)])),
  };
  services.api.features.permissions = feature;
}
