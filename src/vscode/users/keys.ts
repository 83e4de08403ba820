/** View ids, context keys and command ids of the users & roles feature (vscode-free: the unit tests read them). */

export const ORG_USERS_VIEW = 'coscene.orgUsers';
export const PROJECT_USERS_VIEW = 'coscene.projectUsers';
export const ROLES_VIEW = 'coscene.roles';

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

export const LOAD_MORE_USERS = 'coscene.users.loadMore';

/** Commands run only by tree items: registered, not contributed in package.json. */
export const USERS_INTERNAL_COMMANDS = [LOAD_MORE_USERS] as const;

/** Every command the feature contributes in package.json. */
export const USERS_COMMANDS = [
  'coscene.users.refresh',
  // View-title commands get no arguments from VS Code, so each users view has its own.
  'coscene.orgUsers.filterByRole',
  'coscene.orgUsers.findByNickname',
  'coscene.orgUsers.clearFilter',
  'coscene.orgUsers.showFlat',
  'coscene.orgUsers.showGrouped',
  'coscene.projectUsers.filterByRole',
  'coscene.projectUsers.findByNickname',
  'coscene.projectUsers.clearFilter',
  'coscene.projectUsers.showFlat',
  'coscene.projectUsers.showGrouped',
  'coscene.projectUsers.selectProject',
  'coscene.user.get',
  'coscene.user.copyId',
  'coscene.user.copyEmail',
  'coscene.user.copyResourceName',
  'coscene.user.showDetails',
  'coscene.roles.refresh',
  'coscene.roles.filterLevel',
  'coscene.role.showDetails',
  'coscene.role.showUsers',
  'coscene.export.users',
  'coscene.export.roles',
  'coscene.user.showAccess',
  'coscene.access.exportMatrix',
  'coscene.projectUsers.showArchived',
  'coscene.projectUsers.hideArchived',
] as const;

export type UsersCommandId = (typeof USERS_COMMANDS)[number] | (typeof USERS_INTERNAL_COMMANDS)[number];
