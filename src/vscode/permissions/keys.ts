/** Ids of the Repository Permissions feature: view, commands, context values, storage keys (vscode-free). */

/** Context key: shows the welcome view (false) or the tree (true). */
export const SIGNED_IN_CONTEXT_KEY = 'coscene.huawei.signedIn';
/** SecretStorage key (through Secrets, unprefixed) of the password/token or AK/SK. */
export const CREDENTIALS_SECRET_KEY = 'huawei.credentials.v1';
/** globalState key of the public part of the sign-in; present whenever the user signed in and did not sign out. */
export const SESSION_STATE_KEY = 'coscene.huawei.session.v1';
export const CODEARTS_PROJECT_STATE_KEY = 'coscene.huawei.codeartsProjectId';
/** globalState key of the repositories added by ID (ids only). */
export const ADDED_REPOSITORIES_STATE_KEY = 'coscene.permissions.addedRepositories';
/** globalState key: the demo's sign-in offer was shown. */
export const DEMO_SIGN_IN_OFFERED_STATE_KEY = 'coscene.demo.signInOffered';

/** The settings section of the region and the IAM and CodeArts Artifact endpoints. */
export const HUAWEI_SETTINGS_SECTION = 'coscene.huawei';

export const PERMISSIONS_VIEW_ID = 'coscene.permissions';
export const MATRIX_VIEW_TYPE = 'coscene.permissionMatrix';

export const SIGN_IN_COMMAND = 'coscene.huawei.signIn';
export const SIGN_OUT_COMMAND = 'coscene.huawei.signOut';
export const OPEN_SETTINGS_COMMAND = 'coscene.huawei.openSettings';
export const REFRESH_COMMAND = 'coscene.permissions.refresh';
export const LOAD_MORE_COMMAND = 'coscene.permissions.loadMore';
export const SEARCH_COMMAND = 'coscene.permissions.search';
export const ADD_REPOSITORY_COMMAND = 'coscene.permissions.addRepository';
export const REMOVE_REPOSITORY_COMMAND = 'coscene.permissions.removeRepository';
export const SHOW_MATRIX_COMMAND = 'coscene.permissions.showMatrix';
/** A Huawei user row's Copy ID. */
export const COPY_USER_ID_COMMAND = 'coscene.permissions.copyUserId';

/** Commands run only by tree items: registered, not contributed in package.json. */
export const PERMISSIONS_INTERNAL_COMMANDS = [LOAD_MORE_COMMAND] as const;

/** Every command the feature contributes in package.json. */
export const PERMISSIONS_COMMANDS = [
  SIGN_IN_COMMAND,
  SIGN_OUT_COMMAND,
  OPEN_SETTINGS_COMMAND,
  REFRESH_COMMAND,
  SEARCH_COMMAND,
  ADD_REPOSITORY_COMMAND,
  REMOVE_REPOSITORY_COMMAND,
  SHOW_MATRIX_COMMAND,
  COPY_USER_ID_COMMAND,
] as const;

export type PermissionsCommandId = (typeof PERMISSIONS_COMMANDS)[number] | (typeof PERMISSIONS_INTERNAL_COMMANDS)[number];

/** Context values of the tree's items (package.json menus match on them). */
export const REPOSITORY_CONTEXT = 'coscene.repository';
export const ADDED_REPOSITORY_CONTEXT = 'coscene.repository.added';
export const HUAWEI_ROLE_CONTEXT = 'coscene.huaweiRole';
/** Followed by the kind of the granted object: component, repo or other. */
export const GRANTED_OBJECT_CONTEXT_PREFIX = 'coscene.grantedObject.';
export const OPERATION_CONTEXT = 'coscene.operation';
export const NO_PERMISSIONS_CONTEXT = 'coscene.noPermissions';
export const HUAWEI_USERS_CONTEXT = 'coscene.huaweiUsers';
export const HUAWEI_USER_CONTEXT = 'coscene.huaweiUser';
