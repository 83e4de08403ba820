import * as vscode from 'vscode';
import { type FeatureCommands, registerFeatureCommands } from '../shared/commands';
import type { Log } from '../shared/log';
import { Secrets } from '../shared/secrets';
import type { Ui } from '../shared/ui';
import { AUTH_PROVIDER_LABEL, CosceneAuthProvider } from './authProvider';
import { addProfile } from './commands/addProfile';
import { copyError } from './commands/copyError';
import { openConfig } from './commands/openConfig';
import { removeProfile } from './commands/removeProfile';
import { setToken } from './commands/setToken';
import { switchProfile } from './commands/switchProfile';
import type { ProfilesContext } from './context';
import {
  ADD_PROFILE,
  AUTH_PROVIDER_ID,
  COPY_ERROR,
  OPEN_CONFIG,
  type ProfilesCommandId,
  REMOVE_PROFILE,
  SET_TOKEN,
  SHOW_LOGS,
  SWITCH_PROFILE,
} from './keys';
import { ProfileService } from './profileService';
import { ProfileStatusBar } from './profileStatusBar';

export type { ProfilesContext } from './context';

/** How long after activation the HTTP stack and the active profile's token are loaded (ProfileService.warm). */
const WARM_AFTER_MS = 250;

const COMMANDS: FeatureCommands<ProfilesCommandId, ProfilesContext> = {
  [ADD_PROFILE]: addProfile,
  [REMOVE_PROFILE]: removeProfile,
  [SWITCH_PROFILE]: switchProfile,
  [SET_TOKEN]: setToken,
  [OPEN_CONFIG]: openConfig,
  [SHOW_LOGS]: async ({ log }) => log.show(),
  [COPY_ERROR]: copyError,
};

/** What the profiles feature hands to activate(): the context's active profile, and what the tests inspect. */
export interface ProfilesFeature {
  readonly ctx: ProfilesContext;
  readonly accounts: CosceneAuthProvider;
  readonly statusBar: vscode.StatusBarItem;
}

/**
 * Profiles from cocli (~/.cocli.yaml, COS_*) and from VS Code, the status bar item, the profile commands, Show Logs
 * and the Accounts menu (authentication provider `coscene`). The profile service is built first: every feature's
 * context carries it as the active profile.
 */
export function registerProfilesFeature(extension: vscode.ExtensionContext, log: Log, ui: Ui): ProfilesFeature {
  const profiles = new ProfileService(extension.globalState, new Secrets(extension.secrets), { log, ui });
  const ctx: ProfilesContext = { extension, log, ui, profiles };
  const accounts = new CosceneAuthProvider(ctx);
  const statusBar = new ProfileStatusBar(profiles);
  // Once the window has settled after activation, so that the first click in a view only sends its requests.
  const warming = setTimeout(() => void profiles.warm(), WARM_AFTER_MS);
  extension.subscriptions.push(
    { dispose: () => clearTimeout(warming) },
    profiles,
    statusBar,
    ...registerFeatureCommands(ctx, COMMANDS),
    accounts,
    vscode.authentication.registerAuthenticationProvider(AUTH_PROVIDER_ID, AUTH_PROVIDER_LABEL, accounts, {
      supportsMultipleAccounts: true,
    }),
  );
  return { ctx, accounts, statusBar: statusBar.item };
}
