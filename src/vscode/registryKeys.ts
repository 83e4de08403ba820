/**
 * Storage key and command ids of the container registry feature. They live here, not in the lazily loaded
 * dist/registry.js, because src/vscode/registryFeature.ts needs them at activation.
 */

/** globalState key of the last login (no secret in it): while set, the status bar shows the registry. */
export const LAST_LOGIN_STATE_KEY = 'coscene.registry.lastLogin';

/** Every command the feature contributes; registered at activation, implemented in the chunk. */
export const REGISTRY_COMMANDS = [
  'coscene.registry.login',
  'coscene.registry.logout',
  'coscene.registry.createCredential',
  'coscene.registry.forgetCredential',
] as const;

export type RegistryCommandId = (typeof REGISTRY_COMMANDS)[number];
