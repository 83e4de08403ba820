/** Ids of the profiles feature: commands, status bar, context and state keys, settings (vscode-free: the unit tests read them). */

export const ADD_PROFILE = 'coscene.profile.add';
export const REMOVE_PROFILE = 'coscene.profile.remove';
export const SWITCH_PROFILE = 'coscene.profile.switch';
export const SET_TOKEN = 'coscene.profile.setToken';
export const OPEN_CONFIG = 'coscene.profile.openConfig';
export const SHOW_LOGS = 'coscene.showLogs';
/** An error row's context menu (every tree's): copies its message and request ids. */
export const COPY_ERROR = 'coscene.copyError';

/** Every command the feature contributes in package.json (Show Logs included: it belongs to no other feature). */
export const PROFILES_COMMANDS = [ADD_PROFILE, REMOVE_PROFILE, SWITCH_PROFILE, SET_TOKEN, OPEN_CONFIG, SHOW_LOGS, COPY_ERROR] as const;

export type ProfilesCommandId = (typeof PROFILES_COMMANDS)[number];

/** The status bar item (`$(cloud) coScene: name · org`). */
export const PROFILE_STATUS_BAR = 'coscene.profile';

/** Context key: set while there is an active profile (views' welcome content). */
export const HAS_PROFILE_CONTEXT_KEY = 'coscene.hasProfile';

/** globalState: the profile the user chose (`source:name`). */
export const ACTIVE_PROFILE_KEY = 'coscene.activeProfile.v1';
/** globalState: the cocli file's current-profile when last read (a different value means `cocli login switch` ran). */
export const LAST_COCLI_CURRENT_KEY = 'coscene.lastCocliCurrent.v1';
/** globalState: the profiles added in VS Code, without their tokens. */
export const EXTENSION_PROFILES_KEY = 'coscene.profiles.v1';

/** Settings: the section and the key of the cocli config path. */
export const SETTINGS_SECTION = 'coscene';
export const COCLI_CONFIG_PATH_SETTING = 'cocliConfigPath';
export const COCLI_CONFIG_PATH = `${SETTINGS_SECTION}.${COCLI_CONFIG_PATH_SETTING}`;

/** The id in contributes.authentication; other extensions ask `vscode.authentication.getSession('coscene', [])`. */
export const AUTH_PROVIDER_ID = 'coscene';
