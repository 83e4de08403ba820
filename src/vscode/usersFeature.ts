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
import type { Services } from './services';
import { createOrgUsersTree, ORG_USERS_VIEW } from './views/orgUsers';
import { createProjectUsersTree, PROJECT_USERS_VIEW, ProjectSelection } from './views/projectUsers';
import { ROLES_VIEW, RolesTreeProvider } from './views/roles';
import { UsersViewState } from './views/usersState';
import { refreshUsersViews, UsersViews } from './views/usersViews';

/** Organization Users, Project Users and Roles views, their commands, details documents and exports. */
export function registerUsersFeature(services: Services): UsersViews {
  const { context, profiles, api } = services;
  const state = new UsersViewState();
  const project = new ProjectSelection(services);
  const orgUsers = createOrgUsersTree(services, state);
  const projectUsers = createProjectUsersTree(services, state, project);
  const roles = new RolesTreeProvider(services);
  const details = new DetailsDocuments();
  const orgView = vscode.window.createTreeView(ORG_USERS_VIEW, { treeDataProvider: orgUsers, showCollapseAll: true });
  const projectView = vscode.window.createTreeView(PROJECT_USERS_VIEW, { treeDataProvider: projectUsers, showCollapseAll: true });
  const rolesView = vscode.window.createTreeView(ROLES_VIEW, { treeDataProvider: roles });
  orgUsers.attach(orgView);
  projectUsers.attach(projectView);
  roles.attach(rolesView);
  const views: UsersViews = { services, state, orgUsers, projectUsers, project, roles, details, orgView, projectView, rolesView };

  api.trees.set(ORG_USERS_VIEW, orgUsers);
  api.trees.set(PROJECT_USERS_VIEW, projectUsers);
  api.trees.set(ROLES_VIEW, roles);
  api.features.users = views;
  const profileKey = () => {
    const p = profiles.current();
    return p ? `${p.source}:${p.name}` : '';
  };
  let shownProfile = profileKey();

  context.subscriptions.push(
    state, orgUsers, projectUsers, roles, details, orgView, projectView, rolesView,
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
  return views;
}
