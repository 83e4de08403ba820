/** Storage keys, ids and command ids of the container registry feature (vscode-free: the unit tests read them). */

export const REGISTRY_LOGIN = 'coscene.registry.login';
export const REGISTRY_LOGOUT = 'coscene.registry.logout';
export const REGISTRY_CREATE_CREDENTIAL = 'coscene.registry.createCredential';
export const REGISTRY_FORGET_CREDENTIAL = 'coscene.registry.forgetCredential';
/** The status bar item's click: a quick pick of Log Out, Log In Again and Show Terminal. */
export const REGISTRY_SHOW_ACTIONS = 'coscene.registry.showActions';

/** Every command the feature contributes in package.json. */
export const REGISTRY_COMMANDS = [
  REGISTRY_LOGIN,
  REGISTRY_LOGOUT,
  REGISTRY_CREATE_CREDENTIAL,
  REGISTRY_FORGET_CREDENTIAL,
  REGISTRY_SHOW_ACTIONS,
] as const;

export type RegistryCommandId = (typeof REGISTRY_COMMANDS)[number];

/** The feature's settings section (`coscene.registry.host`, `.client`, `.credentialLifetimeMinutes`). */
export const REGISTRY_SETTINGS_SECTION = 'coscene.registry';

/** globalState key of the last login (no secret in it): while set, the status bar shows the registry. */
export const LAST_LOGIN_STATE_KEY = 'coscene.registry.lastLogin';

/** globalState key of the stored credential's host, username and scope (its password is in SecretStorage). */
export const CREDENTIAL_STATE_KEY = 'coscene.registry.credential';

/** SecretStorage key of the stored credential's password. */
export const CREDENTIAL_SECRET_KEY = 'registry.credential';

/** True while the status bar shows a registry login of this extension. */
export const REGISTRY_LOGGED_IN_CONTEXT_KEY = 'coscene.registry.loggedIn';

/** Id of the status bar item showing the registry logged in to. */
export const REGISTRY_STATUS_BAR_ID = 'coscene.registry';

/** URI scheme of the read-only, in-memory documents showing a credential. */
export const CREDENTIAL_DOCUMENT_SCHEME = 'coscene-registry-credential';
