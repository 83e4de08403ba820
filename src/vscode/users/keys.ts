/** View ids, context keys and command ids of the users & roles feature (vscode-free: the unit tests read them). */

export const ORG_USERS_VIEW = 'coscene.orgUsers';
export const PROJECT_USERS_VIEW = 'coscene.projectUsers';
export const ROLES_VIEW = 'coscene.roles';

/** Context keys of the users views' title buttons (views/usersState.ts). */
export const USERS_FLAT_CONTEXT_KEY = 'coscene.users.flat';
export const USERS_FILTERED_CONTEXT_KEY = 'coscene.users.filtered';

export const LOAD_MORE_USERS = 'coscene.users.loadMore';

/** Commands run only by tree items: registered, not contributed in package.json. */
export const USERS_INTERNAL_COMMANDS = [LOAD_MORE_USERS] as const;

/** Every command the feature contributes in package.json. */
export const USERS_COMMANDS = [
  'coscene.users.refresh',
  'coscene.users.filterByRole',
  'coscene.users.findByNickname',
  'coscene.users.clearFilter',
  'coscene.users.showFlat',
  'coscene.users.showGrouped',
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
] as const;

export type UsersCommandId = (typeof USERS_COMMANDS)[number] | (typeof USERS_INTERNAL_COMMANDS)[number];
