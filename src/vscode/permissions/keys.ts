/** Storage keys, the context key and command ids of the Repository Permissions feature (vscode-free). */

/** Context key: shows the welcome view (false) or the tree (true). */
export const SIGNED_IN_CONTEXT_KEY = 'coscene.huawei.signedIn';
/** SecretStorage key (through Secrets, unprefixed) of the password/token or AK/SK. */
export const CREDENTIALS_SECRET_KEY = 'huawei.credentials.v1';
/** globalState key of the public part of the sign-in; present whenever the user signed in and did not sign out. */
export const SESSION_STATE_KEY = 'coscene.huawei.session.v1';
export const CODEARTS_PROJECT_STATE_KEY = 'coscene.huawei.codeartsProjectId';

export const PERMISSIONS_VIEW_ID = 'coscene.permissions';
export const REFRESH_COMMAND = 'coscene.permissions.refresh';
export const LOAD_MORE_COMMAND = 'coscene.permissions.loadMore';

/** Commands run only by tree items: registered, not contributed in package.json. */
export const PERMISSIONS_INTERNAL_COMMANDS = [LOAD_MORE_COMMAND] as const;

/** Every command the feature contributes in package.json. */
export const PERMISSIONS_COMMANDS = [
  'coscene.huawei.signIn',
  'coscene.huawei.signOut',
  'coscene.huawei.openSettings',
  REFRESH_COMMAND,
  'coscene.permissions.search',
  'coscene.permissions.addRepository',
  'coscene.permissions.removeRepository',
  'coscene.permissions.showMatrix',
] as const;

export type PermissionsCommandId = (typeof PERMISSIONS_COMMANDS)[number] | (typeof PERMISSIONS_INTERNAL_COMMANDS)[number];
