import * as vscode from 'vscode';
import { registerExportRoles } from './commands/export/exportRoles';
import { registerExportUsers } from './commands/export/exportUsers';
import { registerFilterRoleLevel } from './commands/roles/filterLevel';
import { registerRefreshRoles } from './commands/roles/refresh';
import { registerShowRoleDetails } from './commands/roles/showDetails';
import { registerShowRoleUsers } from './commands/roles/showUsers';
import { registerClearFilter } from './commands/users/clearFilter';
import { registerCopyUserEmail } from './commands/users/copyEmail';
import { registerCopyUserId } from './commands/users/copyId';
import { registerCopyUserResourceName } from './commands/users/copyResourceName';
import { registerFilterByRole } from './commands/users/filterByRole';
import { registerFindByNickname } from './commands/users/findByNickname';
import { registerGetUser } from './commands/users/getUser';
import { registerLoadMoreUsers } from './commands/users/loadMore';
import { registerRefreshUsers } from './commands/users/refresh';
import { registerSelectProject } from './commands/users/selectProject';
import { registerShowFlat } from './commands/users/showFlat';
import { registerShowGrouped } from './commands/users/showGrouped';
import { registerShowUserDetails } from './commands/users/showDetails';
import { DetailsDocuments } from './details/detailsDocuments';
import { CommandHandler, usersCommandHandlers } from './commands/users/commandTable';
import type { Services } from './services';
import { createOrgUsersTree } from './views/orgUsers';
import { createProjectUsersTree, ProjectSelection } from './views/projectUsers';
import { RolesTreeProvider } from './views/roles';
import type { UsersTreeProvider } from './views/usersTree';
import { UsersViewState } from './views/usersState';
import { refreshUsersViews, UsersViews } from './views/usersViews';

/**
 * Entry of dist/users.js: Organization Users, Project Users and Roles views, their commands, details documents and
 * exports, required on first use by src/vscode/lazyUsers.ts. Everything it imports from outside the feature's own
 * folders comes from dist/extension.js at run time (esbuild.mjs, LAZY_CHUNKS).
 */

/** The views, created at activation by src/vscode/usersFeature.ts (their providers forward to the chunk's). */
export interface UsersTreeViews {
  readonly orgView: vscode.TreeView<vscode.TreeItem>;
  readonly projectView: vscode.TreeView<vscode.TreeItem>;
  readonly rolesView: vscode.TreeView<vscode.TreeItem>;
}

export interface ActivatedUsers {
  views: UsersViews;
  providers: { orgUsers: UsersTreeProvider; projectUsers: UsersTreeProvider; roles: RolesTreeProvider };
  /** Command handlers by id; the commands are registered at activation and forward here. */
  commands: ReadonlyMap<string, CommandHandler>;
}

/** Builds the feature on the views created at activation. Disposables go to `services.context.subscriptions`. */
export function activateUsers(services: Services, treeViews: UsersTreeViews): ActivatedUsers {
  const { context, profiles } = services;
  const { orgView, projectView, rolesView } = treeViews;
  const state = new UsersViewState();
  const project = new ProjectSelection(services);
  const orgUsers = createOrgUsersTree(services, state);
  const projectUsers = createProjectUsersTree(services, state, project);
  const roles = new RolesTreeProvider(services);
  const details = new DetailsDocuments();
  orgUsers.attach(orgView);
  projectUsers.attach(projectView);
  roles.attach(rolesView);
  const views: UsersViews = { services, state, orgUsers, projectUsers, project, roles, details, orgView, projectView, rolesView };

  const profileKey = () => {
    const p = profiles.current();
    return p ? `${p.source}:${p.name}` : '';
  };
  let shownProfile = profileKey();

  context.subscriptions.push(
    state, orgUsers, projectUsers, roles, details,
    profiles.onDidChange(() => {
      // A new token keeps the selected project; another profile (maybe another org) does not.
      const key = profileKey();
      if (key !== shownProfile) project.reset();
      shownProfile = key;
      refreshUsersViews(views);
      roles.refresh();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('coscene.users.pageSize')) refreshUsersViews(views);
    }),
    registerRefreshUsers(views),
    registerLoadMoreUsers(views),
    registerFilterByRole(views),
    registerFindByNickname(views),
    registerClearFilter(views),
    registerShowFlat(views),
    registerShowGrouped(views),
    registerSelectProject(views),
    registerGetUser(views),
    registerCopyUserId(),
    registerCopyUserEmail(),
    registerCopyUserResourceName(),
    registerShowUserDetails(details),
    registerRefreshRoles(views),
    registerFilterRoleLevel(views),
    registerShowRoleDetails(details),
    registerShowRoleUsers(views),
    registerExportUsers(views),
    registerExportRoles(views),
  );
  return { views, providers: { orgUsers, projectUsers, roles }, commands: usersCommandHandlers };
}
