import * as vscode from 'vscode';
import { loadPermissionsChunk } from './lazyPermissions';
import type { ActivatedPermissions } from './permissionsChunk';
import { CREDENTIALS_SECRET_KEY, PERMISSIONS_COMMANDS, PERMISSIONS_VIEW_ID, SESSION_STATE_KEY, SIGNED_IN_CONTEXT_KEY } from './permissionsKeys';
import { Secrets } from './secrets';
import type { Services } from './services';

export type { PermissionsFeature } from './permissionsChunk';

/**
 * Repository Permissions view (Huawei Cloud CodeArts Artifact): sign-in, tree, matrix webview.
 * Only this shell is in dist/extension.js: the implementation (src/vscode/permissionsChunk.ts, dist/permissions.js)
 * is loaded when the view first asks for its items, a command runs, `api.features.permissions` is read, or when a
 * sign-in is stored (this window at startup, or another window).
 */
export function registerPermissionsFeature(services: Services): void {
  const { context } = services;
  let activated: ActivatedPermissions | undefined;
  const changed = new vscode.EventEmitter<unknown>();
  const disposables: vscode.Disposable[] = [];

  const provider: vscode.TreeDataProvider<unknown> = {
    onDidChangeTreeData: changed.event,
    getTreeItem: (element) => load().tree.getTreeItem(element as vscode.TreeItem),
    getChildren: (element) => load().tree.getChildren(element as vscode.TreeItem | undefined),
  };
  const view = vscode.window.createTreeView(PERMISSIONS_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });

  const load = (): ActivatedPermissions => {
    if (!activated) {
      activated = loadPermissionsChunk().activatePermissions(services, view);
      for (const d of disposables.splice(0)) d.dispose();
      // The session's first read of the credentials refreshes the tree, through here.
      context.subscriptions.push(activated.tree.onDidChangeTreeData((e) => changed.fire(e)));
    }
    return activated;
  };

  const loadInBackground = (): void => {
    try {
      load();
    } catch (err) {
      services.log.error('Loading the Repository Permissions view failed', err);
    }
  };

  if (context.globalState.get(SESSION_STATE_KEY) === undefined) {
    // Not signed in: the welcome view, without loading anything.
    void vscode.commands.executeCommand('setContext', SIGNED_IN_CONTEXT_KEY, false);
  } else {
    // Signed in (if the secret is still there): the session reads the credentials and sets the context key; after
    // activation, so activation itself stays cheap.
    const timer = setTimeout(loadInBackground, 0);
    disposables.push({ dispose: () => clearTimeout(timer) });
  }
  // Another window signed in (or out): the loaded session follows SecretStorage itself.
  disposables.push(
    new Secrets(context.secrets).onDidChange((key) => {
      if (key === CREDENTIALS_SECRET_KEY) loadInBackground();
    }),
  );

  context.subscriptions.push(
    changed,
    view,
    { dispose: () => disposables.splice(0).forEach((d) => d.dispose()) },
    ...PERMISSIONS_COMMANDS.map((id) => vscode.commands.registerCommand(id, (...args: unknown[]) => load().commands[id](...args))),
  );

  services.api.trees.set(PERMISSIONS_VIEW_ID, provider);
  Object.defineProperty(services.api.features, 'permissions', { enumerable: true, configurable: true, get: () => load().feature });
}
