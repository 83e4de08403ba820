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
import type { PermissionsCommandId } from './permissionsKeys';
import type { Services } from './services';
import { PermissionsTreeProvider } from './views/permissionsTree';
import { MatrixPanel } from './webview/matrixPanel';

/**
 * Entry of dist/permissions.js: the Repository Permissions implementation (Huawei Cloud clients, tree, matrix webview),
 * required on first use by src/vscode/lazyPermissions.ts. Everything it imports from outside the feature's own
 * folders comes from dist/extension.js at run time (esbuild.mjs, permissionsChunk plugin).
 */

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

export interface ActivatedPermissions {
  feature: PermissionsFeature;
  tree: PermissionsTreeProvider;
  commands: Record<PermissionsCommandId, (...args: unknown[]) => unknown>;
}

/**
 * Builds the feature. `view` was created at activation (its provider delegates to `tree` from now on); commands are
 * registered at activation too and forward to `commands`. Disposables go to `services.context.subscriptions`.
 */
export function activatePermissions(services: Services, view: vscode.TreeView<unknown>): ActivatedPermissions {
  const { context, log } = services;
  const session = new HuaweiSession(new CredentialStore(context), log);
  const added = new AddedRepositories(context.globalState);
  const tree = new PermissionsTreeProvider(session, added, log);
  const matrix = new MatrixPanel(log);
  const deps: PermissionsDeps = { services, session, added, tree, matrix };

  const describeView = (): void => {
    view.description = tree.searchQuery ? vscode.l10n.t('Search: {0}', tree.searchQuery) : session.describe();
  };
  const ready = session.reload();

  context.subscriptions.push(
    session,
    tree,
    matrix,
    // Sign-in, sign-out (also from another window) and endpoint settings: reload the tree.
    session.onDidChange(() => tree.refresh()),
    session.onDidChange(describeView),
    tree.onDidChangeTreeData(describeView),
  );

  /* eslint-disable @typescript-eslint/no-explicit-any -- command arguments are whatever the caller passed */
  const commands: ActivatedPermissions['commands'] = {
    'coscene.huawei.signIn': (args?: any) => signIn(deps, args),
    'coscene.huawei.signOut': () => signOut(deps),
    'coscene.permissions.refresh': (node?: any) => refresh(deps, node),
    'coscene.permissions.loadMore': (parent?: any) => loadMore(deps, parent),
    'coscene.permissions.search': (query?: any) => search(deps, query),
    'coscene.permissions.addRepository': (args?: any) => addRepository(deps, args),
    'coscene.permissions.removeRepository': (target?: any) => removeRepository(deps, target),
    'coscene.permissions.showMatrix': (target?: any) => showMatrix(deps, target),
  };
  /* eslint-enable @typescript-eslint/no-explicit-any */

  const feature: PermissionsFeature = {
    session,
    tree,
    matrix,
    ready,
    viewDescription: () => view.description,
    globalStateSnapshot: () => Object.fromEntries(context.globalState.keys().map((k) => [k, context.globalState.get(k)])),
  };
  return { feature, tree, commands };
}
