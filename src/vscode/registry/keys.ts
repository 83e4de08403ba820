/** Storage key and command ids of the container registry feature (vscode-free). */

/** globalState key of the last login (no secret in it): while set, the status bar shows the registry. */
export const LAST_LOGIN_STATE_KEY = 'coscene.registry.lastLogin';

/** Every command the feature contributes in package.json. */
export const REGISTRY_COMMANDS = [
  'coscene.registry.login',
  'coscene.registry.logout',
  'coscene.registry.createCredential',
  'coscene.registry.forgetCredential',
] as const;

export type RegistryCommandId = (typeof REGISTRY_COMMANDS)[number];
