import * as vscode from 'vscode';
import { CommandTable, registerCommands } from '../shared/commands';
import type { Services } from '../shared/services';
import { AddedRepositories } from './addedRepositories';
import { addRepository } from './commands/addRepository';
import { loadMore } from './commands/loadMore';
import { openSettings } from './commands/openSettings';
import { refresh } from './commands/refresh';
import { removeRepository } from './commands/removeRepository';
import { search } from './commands/search';
import { showMatrix } from './commands/showMatrix';
import { signIn, signInCommand } from './commands/signIn';
import { signOut } from './commands/signOut';
import { CredentialStore } from './credentialStore';
import { offerDemoSignIn } from './demoSignIn';
import type { PermissionsDeps } from './deps';
import { HuaweiSession } from './huaweiSession';
import { PERMISSIONS_VIEW_ID, PermissionsCommandId } from './keys';
import { MatrixPanel } from './matrix/matrixPanel';
import { PermissionsTreeProvider } from './views/permissionsTree';

/** Objects integration tests reach through `api.features.permissions`. */
export interface PermissionsFeature {
  session: HuaweiSession;
  tree: PermissionsTreeProvider;
  matrix: MatrixPanel;
  /** Resolves once the stored credentials have been read. */
  ready: Promise<void>;
  viewDescription(): string | undefined;
  /** Everything in globalState (tests check that no secret ends up there). */
  globalStateSnapshot(): Record<string, unknown>;
}

/** Repository Permissions view (Huawei Cloud CodeArts Artifact): sign-in, tree, matrix webview. */
export function registerPermissionsFeature(services: Services): PermissionsFeature {
  const { context, log } = services;
  const session = new HuaweiSession(new CredentialStore(context), log);
  const added = new AddedRepositories(context.globalState);
  const tree = new PermissionsTreeProvider(session, added, log);
  const matrix = new MatrixPanel(log);
  const view = vscode.window.createTreeView(PERMISSIONS_VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  const deps: PermissionsDeps = { services, session, added, tree, matrix };

  const describeView = (): void => {
    view.description = tree.searchQuery ? vscode.l10n.t('Search: {0}', tree.searchQuery) : session.describe();
  };
  // Reads the stored sign-in (and sets the context key that shows the welcome view or the tree).
  const ready = session.reload();

  /* eslint-disable @typescript-eslint/no-explicit-any -- command arguments are whatever the caller passed */
  const commands: CommandTable<PermissionsCommandId> = {
    'coscene.huawei.signIn': (args?: any) => signInCommand(deps, args),
    'coscene.huawei.signOut': () => signOut(deps),
    'coscene.huawei.openSettings': () => openSettings(),
    'coscene.permissions.refresh': (node?: any) => refresh(deps, node),
    'coscene.permissions.loadMore': (parent?: any) => loadMore(deps, parent),
    'coscene.permissions.search': (query?: any) => search(deps, query),
    'coscene.permissions.addRepository': (args?: any) => addRepository(deps, args),
    'coscene.permissions.removeRepository': (target?: any) => removeRepository(deps, target),
    'coscene.permissions.showMatrix': (target?: any) => showMatrix(deps, target),
  };
  /* eslint-enable @typescript-eslint/no-explicit-any */

  context.subscriptions.push(
    session,
    tree,
    matrix,
    view,
    // Sign-in, sign-out (also from another window) and endpoint settings: reload the tree.
    session.onDidChange(() => tree.refresh()),
    session.onDidChange(describeView),
    tree.onDidChangeTreeData(describeView),
    ...registerCommands(log, commands, services.acceptScriptedArgs),
  );

  const feature: PermissionsFeature = {
    session,
    tree,
    matrix,
    ready,
    viewDescription: () => view.description,
    globalStateSnapshot: () => Object.fromEntries(context.globalState.keys().map((k) => [k, context.globalState.get(k)])),
  };
  services.api.trees.set(PERMISSIONS_VIEW_ID, tree);
  services.api.features.permissions = feature;
  void ready
    .then(() =>
      offerDemoSignIn(
        context,
        () => session.isSignedIn(),
        (demo) => signIn(deps, demo),
      ),
    )
    .catch((err) => log.warn(`Demo sign-in offer failed: ${String(err)}`));
  return feature;
}
