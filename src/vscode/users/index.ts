import * as vscode from 'vscode';
import { CommandTable, registerCommands } from '../shared/commands';
import type { Services } from '../shared/services';
import { clearFilter } from './commands/clearFilter';
import { copyUserEmail } from './commands/copyEmail';
import { copyUserId } from './commands/copyId';
import { copyUserResourceName } from './commands/copyResourceName';
import { exportRoles } from './commands/exportRoles';
import { exportUsers } from './commands/exportUsers';
import { filterByRole } from './commands/filterByRole';
import { filterRoleLevel } from './commands/filterRoleLevel';
import { findByNickname } from './commands/findByNickname';
import { getUser } from './commands/getUser';
import { loadMoreUsers } from './commands/loadMoreUsers';
import { refreshRoles } from './commands/refreshRoles';
import { refreshUsers } from './commands/refreshUsers';
import { selectProject } from './commands/selectProject';
import { showRoleDetails } from './commands/showRoleDetails';
import { showRoleUsers } from './commands/showRoleUsers';
import { showUserDetails } from './commands/showUserDetails';
import { AccessPanel } from './access/accessPanel';
import { AccessRunner } from './access/accessRunner';
import { exportAccessMatrix } from './commands/exportAccessMatrix';
import { showAccess } from './commands/showAccess';
import { setArchivedShown } from './commands/toggleArchived';
import { setFlat } from './commands/toggleFlat';
import { DetailsDocuments } from './detailsDocuments';
import { LOAD_MORE_USERS, ORG_USERS_VIEW, PROJECT_USERS_VIEW, ROLES_VIEW, UsersCommandId } from './keys';
import { createOrgUsersTree } from './views/orgUsers';
import { createProjectUsersTree, ProjectSelection } from './views/projectUsers';
import { RolesTreeProvider } from './views/roles';
import { refreshUsersViews, UsersViews } from './views/usersViews';

/** Organization Users, Project Users and Roles views, their commands, details documents and exports. */
export function registerUsersFeature(services: Services): UsersViews {
  const { context, profiles } = services;
  const project = new ProjectSelection(services);
  const orgUsers = createOrgUsersTree(services);
  const projectUsers = createProjectUsersTree(services, project);
  const roles = new RolesTreeProvider(services);
  const details = new DetailsDocuments();
  const orgView = vscode.window.createTreeView(ORG_USERS_VIEW, { treeDataProvider: orgUsers, showCollapseAll: true });
  const projectView = vscode.window.createTreeView(PROJECT_USERS_VIEW, { treeDataProvider: projectUsers, showCollapseAll: true });
  const rolesView = vscode.window.createTreeView(ROLES_VIEW, { treeDataProvider: roles });
  orgUsers.attach(orgView);
  projectUsers.attach(projectView);
  roles.attach(rolesView);
  const access = new AccessRunner(services);
  const accessPanel = new AccessPanel(services.log);
  const views: UsersViews = {
    services,
    orgUsers,
    projectUsers,
    project,
    roles,
    details,
    orgView,
    projectView,
    rolesView,
    access,
    accessPanel,
  };

  const profileKey = () => {
    const p = profiles.current();
    return p ? `${p.source}:${p.name}` : '';
  };
  let shownProfile = profileKey();

  const commands: CommandTable<UsersCommandId> = {
    'coscene.users.refresh': refreshUsers(views),
    [LOAD_MORE_USERS]: loadMoreUsers(views),
    'coscene.orgUsers.filterByRole': filterByRole(views, orgUsers),
    'coscene.orgUsers.findByNickname': findByNickname(orgUsers),
    'coscene.orgUsers.clearFilter': clearFilter(orgUsers),
    'coscene.orgUsers.showFlat': setFlat(orgUsers, true),
    'coscene.orgUsers.showGrouped': setFlat(orgUsers, false),
    'coscene.projectUsers.filterByRole': filterByRole(views, projectUsers),
    'coscene.projectUsers.findByNickname': findByNickname(projectUsers),
    'coscene.projectUsers.clearFilter': clearFilter(projectUsers),
    'coscene.projectUsers.showFlat': setFlat(projectUsers, true),
    'coscene.projectUsers.showGrouped': setFlat(projectUsers, false),
    'coscene.projectUsers.selectProject': selectProject(views),
    'coscene.user.get': getUser(views),
    'coscene.user.copyId': copyUserId(),
    'coscene.user.copyEmail': copyUserEmail(),
    'coscene.user.copyResourceName': copyUserResourceName(),
    'coscene.user.showDetails': showUserDetails(details),
    'coscene.roles.refresh': refreshRoles(views),
    'coscene.roles.filterLevel': filterRoleLevel(views),
    'coscene.role.showDetails': showRoleDetails(details),
    'coscene.role.showUsers': showRoleUsers(views),
    'coscene.export.users': exportUsers(views),
    'coscene.export.roles': exportRoles(views),
    'coscene.user.showAccess': showAccess(views, access, accessPanel),
    'coscene.access.exportMatrix': exportAccessMatrix(views, access),
    'coscene.projectUsers.showArchived': setArchivedShown(views, true),
    'coscene.projectUsers.hideArchived': setArchivedShown(views, false),
  };

  context.subscriptions.push(
    orgUsers,
    projectUsers,
    roles,
    details,
    orgView,
    projectView,
    rolesView,
    accessPanel,
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
    ...registerCommands(services.log, commands, services.acceptScriptedArgs),
  );

  services.api.trees.set(ORG_USERS_VIEW, orgUsers);
  services.api.trees.set(PROJECT_USERS_VIEW, projectUsers);
  services.api.trees.set(ROLES_VIEW, roles);
  services.api.features.users = views;
  return views;
}
