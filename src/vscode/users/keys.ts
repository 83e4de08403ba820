/** View ids, context keys, context values, settings and command ids of the users & roles feature (vscode-free: the unit tests read them). */

export const ORG_USERS_VIEW = 'coscene.orgUsers';
export const PROJECT_USERS_VIEW = 'coscene.projectUsers';
export const ROLES_VIEW = 'coscene.roles';
/** The Show Access webview panel. */
export const ACCESS_PANEL_VIEW_TYPE = 'coscene.userAccess';
/** The Compare Access webview panel (the changes between two access-matrix exports). */
export const ACCESS_DIFF_VIEW_TYPE = 'coscene.accessDiff';

/** globalState key of the role lists kept between sessions (views/keptRoles.ts): roles only, no users. */
export const KEPT_ROLES_STATE_KEY = 'coscene.users.keptRoles.v1';

/** Context keys of one users view's title buttons (views/usersState.ts): each view has its own. */
export interface UsersViewContextKeys {
  readonly flat: string;
  readonly filtered: string;
}
export const ORG_USERS_CONTEXT_KEYS: UsersViewContextKeys = { flat: 'coscene.orgUsers.flat', filtered: 'coscene.orgUsers.filtered' };
export const PROJECT_USERS_CONTEXT_KEYS: UsersViewContextKeys = {
  flat: 'coscene.projectUsers.flat',
  filtered: 'coscene.projectUsers.filtered',
};

/** Set while the Project Users view lists archived projects too. */
export const PROJECT_ARCHIVED_CONTEXT_KEY = 'coscene.projectUsers.archived';

/** Tree items' context values (package.json menus name them). */
export const USER_CONTEXT_VALUE = 'coscene.user';
export const GROUP_CONTEXT_VALUE = 'coscene.userGroup';
export const OTHER_GROUP_CONTEXT_VALUE = 'coscene.userGroup.other';
export const PROJECT_CONTEXT_VALUE = 'coscene.project';
export const PROJECT_ARCHIVED_CONTEXT_VALUE = 'coscene.project.archived';
export const ROLE_CONTEXT_VALUE = 'coscene.role';
/** The row a filter that matches nothing shows ("No users with role …"), with Clear Filter. */
export const EMPTY_FILTER_CONTEXT_VALUE = 'coscene.users.emptyFilter';

/** Settings the feature reads (sections and keys). */
export const USERS_SETTINGS = 'coscene.users';
export const PAGE_SIZE_SETTING = 'pageSize';
export const DETAILS_SETTINGS = 'coscene.details';
export const ACCESS_SETTINGS = 'coscene.access';

/** Every command id of the feature. */
export const USERS_COMMAND = {
  refresh: 'coscene.users.refresh',
  loadMore: 'coscene.users.loadMore',
  orgFilterByRole: 'coscene.orgUsers.filterByRole',
  orgFindByNickname: 'coscene.orgUsers.findByNickname',
  orgClearFilter: 'coscene.orgUsers.clearFilter',
  orgShowFlat: 'coscene.orgUsers.showFlat',
  orgShowGrouped: 'coscene.orgUsers.showGrouped',
  projectFilterByRole: 'coscene.projectUsers.filterByRole',
  projectFindByNickname: 'coscene.projectUsers.findByNickname',
  projectClearFilter: 'coscene.projectUsers.clearFilter',
  projectShowFlat: 'coscene.projectUsers.showFlat',
  projectShowGrouped: 'coscene.projectUsers.showGrouped',
  selectProject: 'coscene.projectUsers.selectProject',
  showArchived: 'coscene.projectUsers.showArchived',
  hideArchived: 'coscene.projectUsers.hideArchived',
  getUser: 'coscene.user.get',
  copyId: 'coscene.user.copyId',
  copyEmail: 'coscene.user.copyEmail',
  copyResourceName: 'coscene.user.copyResourceName',
  showUserDetails: 'coscene.user.showDetails',
  showAccess: 'coscene.user.showAccess',
  refreshRoles: 'coscene.roles.refresh',
  filterRoleLevel: 'coscene.roles.filterLevel',
  showRoleDetails: 'coscene.role.showDetails',
  showRoleUsers: 'coscene.role.showUsers',
  exportUsers: 'coscene.export.users',
  exportRoles: 'coscene.export.roles',
  exportAccessMatrix: 'coscene.access.exportMatrix',
  findUser: 'coscene.user.find',
  copyProjectSlug: 'coscene.project.copySlug',
  exportProjectMembers: 'coscene.project.exportMembers',
  exportProjectMatrix: 'coscene.project.exportAccessMatrix',
  openProjectInWeb: 'coscene.project.openInCoScene',
  exportGroupUsers: 'coscene.userGroup.exportUsers',
  /** The Show Access panel's "Compare with Another User…" button (not contributed). */
  compareUsers: 'coscene.user.compareWith',
  compareAccess: 'coscene.access.compare',
} as const;

export const LOAD_MORE_USERS = USERS_COMMAND.loadMore;

/** Commands run only by tree items: registered, not contributed in package.json. */
export const USERS_INTERNAL_COMMANDS = [LOAD_MORE_USERS, USERS_COMMAND.compareUsers] as const;

/** Every command the feature contributes in package.json. */
export const USERS_COMMANDS = [
  USERS_COMMAND.refresh,
  // View-title commands get no arguments from VS Code, so each users view has its own.
  USERS_COMMAND.orgFilterByRole,
  USERS_COMMAND.orgFindByNickname,
  USERS_COMMAND.orgClearFilter,
  USERS_COMMAND.orgShowFlat,
  USERS_COMMAND.orgShowGrouped,
  USERS_COMMAND.projectFilterByRole,
  USERS_COMMAND.projectFindByNickname,
  USERS_COMMAND.projectClearFilter,
  USERS_COMMAND.projectShowFlat,
  USERS_COMMAND.projectShowGrouped,
  USERS_COMMAND.selectProject,
  USERS_COMMAND.getUser,
  USERS_COMMAND.copyId,
  USERS_COMMAND.copyEmail,
  USERS_COMMAND.copyResourceName,
  USERS_COMMAND.showUserDetails,
  USERS_COMMAND.refreshRoles,
  USERS_COMMAND.filterRoleLevel,
  USERS_COMMAND.showRoleDetails,
  USERS_COMMAND.showRoleUsers,
  USERS_COMMAND.exportUsers,
  USERS_COMMAND.exportRoles,
  USERS_COMMAND.showAccess,
  USERS_COMMAND.exportAccessMatrix,
  USERS_COMMAND.compareAccess,
  USERS_COMMAND.showArchived,
  USERS_COMMAND.hideArchived,
  USERS_COMMAND.findUser,
  USERS_COMMAND.copyProjectSlug,
  USERS_COMMAND.exportProjectMembers,
  USERS_COMMAND.exportProjectMatrix,
  USERS_COMMAND.openProjectInWeb,
  USERS_COMMAND.exportGroupUsers,
] as const;

export type UsersCommandId = (typeof USERS_COMMANDS)[number] | (typeof USERS_INTERNAL_COMMANDS)[number];
