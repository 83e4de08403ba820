import * as vscode from 'vscode';
import { type FeatureCommands, registerFeatureCommands } from '../shared/commands';
import { reportError } from '../shared/errors';
import type { FeatureContext } from '../shared/featureContext';
import { AccessPanel } from './access/accessPanel';
import { AccessRunner } from './access/accessRunner';
import { DiffPanel } from './access/diffPanel';
import { copyUserEmail, copyUserId, copyUserResourceName, showRoleDetails, showUserDetails } from './commands/copyAndShowDetails';
import { compareAccess } from './commands/compareAccess';
import { exportAccessMatrix } from './commands/exportAccessMatrix';
import { exportRoles } from './commands/exportRoles';
import { exportUsers } from './commands/exportUsers';
import { filterByRole } from './commands/filterByRole';
import { filterRoleLevel } from './commands/filterRoleLevel';
import { findByNickname } from './commands/findByNickname';
import { findUser } from './commands/findUser';
import { getUser } from './commands/getUser';
import { copyProjectSlug, exportGroupUsers, exportProjectMatrix, exportProjectMembers, openProjectInWeb } from './commands/projectActions';
import { revealProject, selectProject } from './commands/selectProject';
import { compareUsers, showAccess } from './commands/showAccess';
import { showRoleUsers } from './commands/showRoleUsers';
import { clearFilter, loadMoreUsers, refreshRoles, refreshUsers, setArchivedShown, setFlat } from './commands/viewCommands';
import { DetailsDocuments } from './detailsDocuments';
import {
  ORG_USERS_VIEW,
  PAGE_SIZE_SETTING,
  PROJECT_USERS_VIEW,
  ROLES_VIEW,
  USERS_COMMAND as C,
  USERS_SETTINGS,
  UsersCommandId,
} from './keys';
import { refreshUsersViews, type UsersContext, type UsersTestApi } from './usersContext';
import { KeptRoles } from './views/keptRoles';
import { OrgUsersTree } from './views/orgUsers';
import { ProjectSelection, ProjectUsersTree } from './views/projectUsers';
import { RolesTreeProvider } from './views/roles';

export type { UsersContext, UsersTestApi } from './usersContext';

const org = (ctx: UsersContext) => ctx.orgUsers;
const projects = (ctx: UsersContext) => ctx.projectUsers;

const COMMANDS: FeatureCommands<UsersCommandId, UsersContext> = {
  [C.refresh]: refreshUsers,
  [C.loadMore]: loadMoreUsers,
  [C.orgFilterByRole]: filterByRole(org),
  [C.orgFindByNickname]: findByNickname(org),
  [C.orgClearFilter]: clearFilter(org),
  [C.orgShowFlat]: setFlat(org, true),
  [C.orgShowGrouped]: setFlat(org, false),
  [C.projectFilterByRole]: filterByRole(projects),
  [C.projectFindByNickname]: findByNickname(projects),
  [C.projectClearFilter]: clearFilter(projects),
  [C.projectShowFlat]: setFlat(projects, true),
  [C.projectShowGrouped]: setFlat(projects, false),
  [C.selectProject]: selectProject,
  [C.showArchived]: setArchivedShown(true),
  [C.hideArchived]: setArchivedShown(false),
  [C.getUser]: getUser,
  [C.copyId]: copyUserId,
  [C.copyEmail]: copyUserEmail,
  [C.copyResourceName]: copyUserResourceName,
  [C.showUserDetails]: showUserDetails,
  [C.showAccess]: showAccess,
  [C.refreshRoles]: refreshRoles,
  [C.filterRoleLevel]: filterRoleLevel,
  [C.showRoleDetails]: showRoleDetails,
  [C.showRoleUsers]: showRoleUsers,
  [C.exportUsers]: exportUsers,
  [C.exportRoles]: exportRoles,
  [C.exportAccessMatrix]: exportAccessMatrix,
  [C.findUser]: findUser,
  [C.copyProjectSlug]: copyProjectSlug,
  [C.exportProjectMembers]: exportProjectMembers,
  [C.exportProjectMatrix]: exportProjectMatrix,
  [C.openProjectInWeb]: openProjectInWeb,
  [C.exportGroupUsers]: exportGroupUsers,
  [C.compareUsers]: compareUsers,
  [C.compareAccess]: compareAccess,
};

/**
 * Organization Users, Project Users and Roles views, their commands, details documents, Show Access and the exports.
 * Returns what the integration tests may inspect (test API field `users`).
 */
export function registerUsersFeature(base: FeatureContext): UsersTestApi {
  const { extension, profiles } = base;
  const project = new ProjectSelection(profiles);
  const treeDeps = { log: base.log, profiles, keptRoles: new KeptRoles(extension.globalState) };
  const orgUsers = new OrgUsersTree(treeDeps);
  const projectUsers = new ProjectUsersTree(treeDeps, project);
  const roles = new RolesTreeProvider(base);
  // No Collapse All here: its groups are one level deep, and a fifth title button would cut "Organization Users".
  const orgView = vscode.window.createTreeView(ORG_USERS_VIEW, { treeDataProvider: orgUsers });
  const projectView = vscode.window.createTreeView(PROJECT_USERS_VIEW, { treeDataProvider: projectUsers, showCollapseAll: true });
  const rolesView = vscode.window.createTreeView(ROLES_VIEW, { treeDataProvider: roles });
  orgUsers.attach(orgView);
  projectUsers.attach(projectView);
  roles.attach(rolesView);
  const ctx: UsersContext = {
    extension: base.extension,
    log: base.log,
    ui: base.ui,
    profiles,
    orgUsers,
    projectUsers,
    project,
    roles,
    details: new DetailsDocuments(),
    orgView,
    projectView,
    rolesView,
    access: new AccessRunner(profiles),
    accessPanel: new AccessPanel(base.log, base.ui, {
      // A project link of the panel: like Select Project (its failures reported like a command's).
      revealProject: (slug) => revealProject(ctx, slug).catch((err: unknown) => void reportError(ctx, 'Revealing a project failed', err)),
      compare: async () => void (await vscode.commands.executeCommand(C.compareUsers)),
    }),
    lastMatrix: undefined,
    diffPanel: new DiffPanel(base.log, base.ui),
    lastDiff: undefined,
  };

  const profileKey = () => {
    const p = profiles.current();
    return p ? `${p.source}:${p.name}` : '';
  };
  let shownProfile = profileKey();

  extension.subscriptions.push(
    orgUsers,
    projectUsers,
    roles,
    ctx.details,
    orgView,
    projectView,
    rolesView,
    ctx.accessPanel,
    ctx.diffPanel,
    profiles.onDidChange(() => {
      // A new token keeps the selected project; another profile (maybe another org) does not.
      const key = profileKey();
      if (key !== shownProfile) project.reset();
      shownProfile = key;
      refreshUsersViews(ctx);
      roles.refresh();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(`${USERS_SETTINGS}.${PAGE_SIZE_SETTING}`)) refreshUsersViews(ctx);
    }),
    ...registerFeatureCommands(ctx, COMMANDS),
  );

  return {
    orgUsers,
    projectUsers,
    roles,
    orgView,
    projectView,
    rolesView,
    lastAccess: () => ctx.accessPanel.last,
    postToAccessPanel: (message) => ctx.accessPanel.receive(message),
    accessText: (format) => ctx.accessPanel.exportText(format),
    lastMatrix: () => ctx.lastMatrix,
    lastDiff: () => ctx.lastDiff,
    lastDiffHtml: () => ctx.diffPanel.last?.html,
    diffText: (format) => ctx.diffPanel.exportText(format),
    saveDiff: () => ctx.diffPanel.save(),
  };
}
