/** Command ids of the profiles feature (vscode-free: the unit tests read them). */

/** Every command the feature contributes in package.json (Show Logs included: it belongs to no other feature). */
export const PROFILES_COMMANDS = [
  'coscene.profile.add',
  'coscene.profile.remove',
  'coscene.profile.switch',
  'coscene.profile.setToken',
  'coscene.profile.openConfig',
  'coscene.showLogs',
] as const;

export type ProfilesCommandId = (typeof PROFILES_COMMANDS)[number];
