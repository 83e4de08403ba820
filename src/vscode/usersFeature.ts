import * as vscode from 'vscode';
import { loadUsersChunk } from './lazyUsers';
import type { ActivatedUsers } from './usersChunk';
import type { Services } from './services';
import { ORG_USERS_VIEW, PROJECT_USERS_VIEW, ROLES_VIEW, USERS_COMMANDS, USERS_FILTERED_CONTEXT_KEY, USERS_FLAT_CONTEXT_KEY } from './usersKeys';

type ProviderKey = keyof ActivatedUsers['providers'];

/**
 * Organization Users, Project Users and Roles views, their commands, details documents and exports.
 * Only this shell is in dist/extension.js: the views (with forwarding providers), the commands (forwarding to the
 * chunk) and the context keys' defaults. The implementation (src/vscode/usersChunk.ts, dist/users.js) is loaded when a
 * view first asks for its items, a command runs or `api.features.users` is read.
 */
export function registerUsersFeature(services: Services): void {
  const { context } = services;
  let activated: ActivatedUsers | undefined;

  const forwarding = (key: ProviderKey) => {
    const changed = new vscode.EventEmitter<vscode.TreeItem | undefined | void>();
    const provider: vscode.TreeDataProvider<vscode.TreeItem> = {
      onDidChangeTreeData: changed.event,
      getTreeItem: (element) => load().providers[key].getTreeItem(element),
      getChildren: (element) => load().providers[key].getChildren(element),
      // TreeView.reveal (Show Users with This Role) walks up through getParent.
      getParent: (element) => load().providers[key].getParent(element),
    };
    return { changed, provider };
  };
  const org = forwarding('orgUsers');
  const project = forwarding('projectUsers');
  const roles = forwarding('roles');
  const orgView = vscode.window.createTreeView(ORG_USERS_VIEW, { treeDataProvider: org.provider, showCollapseAll: true });
  const projectView = vscode.window.createTreeView(PROJECT_USERS_VIEW, { treeDataProvider: project.provider, showCollapseAll: true });
  const rolesView = vscode.window.createTreeView(ROLES_VIEW, { treeDataProvider: roles.provider });

  const load = (): ActivatedUsers => {
    if (!activated) {
      activated = loadUsersChunk().activateUsers(services, { orgView, projectView, rolesView });
      const { providers } = activated;
      context.subscriptions.push(
        providers.orgUsers.onDidChangeTreeData((e) => org.changed.fire(e)),
        providers.projectUsers.onDidChangeTreeData((e) => project.changed.fire(e)),
        providers.roles.onDidChangeTreeData((e) => roles.changed.fire(e)),
      );
      const missing = USERS_COMMANDS.filter((id) => !activated?.commands.has(id));
      const extra = [...activated.commands.keys()].filter((id) => !(USERS_COMMANDS as readonly string[]).includes(id));
      if (missing.length || extra.length) services.log.error(`users: command lists differ (not implemented: ${missing.join(', ')}; not registered: ${extra.join(', ')})`);
    }
    return activated;
  };

  // What UsersViewState publishes once loaded: grouped, unfiltered.
  void vscode.commands.executeCommand('setContext', USERS_FLAT_CONTEXT_KEY, false);
  void vscode.commands.executeCommand('setContext', USERS_FILTERED_CONTEXT_KEY, false);

  context.subscriptions.push(
    org.changed,
    project.changed,
    roles.changed,
    orgView,
    projectView,
    rolesView,
    ...USERS_COMMANDS.map((id) =>
      vscode.commands.registerCommand(id, (...args: unknown[]) => {
        const handler = load().commands.get(id);
        if (!handler) throw new Error(`command ${id} is not implemented`);
        return handler(...args);
      }),
    ),
  );

  services.api.trees.set(ORG_USERS_VIEW, org.provider);
  services.api.trees.set(PROJECT_USERS_VIEW, project.provider);
  services.api.trees.set(ROLES_VIEW, roles.provider);
  Object.defineProperty(services.api.features, 'users', { enumerable: true, configurable: true, get: () => load().views });
}
