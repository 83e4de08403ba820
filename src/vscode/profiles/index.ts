import * as vscode from 'vscode';
import { CommandTable, registerCommands } from '../shared/commands';
import type { Log } from '../shared/log';
import { Secrets } from '../shared/secrets';
import { AUTH_PROVIDER_ID, AUTH_PROVIDER_LABEL, CosceneAuthProvider } from './authProvider';
import { addProfile } from './commands/addProfile';
import { openConfig } from './commands/openConfig';
import { removeProfile } from './commands/removeProfile';
import { setToken } from './commands/setToken';
import { switchProfile } from './commands/switchProfile';
import type { ProfilesCommandId } from './keys';
import { ProfileService } from './profileService';

/**
 * Profiles from cocli (~/.cocli.yaml, COS_*) and from VS Code, the status bar item, the profile commands,
 * Show Logs and the Accounts menu (authentication provider `coscene`). The service and the provider are also exposed to tests as `api.features.profiles` and `api.features.accounts`.
 */
export function registerProfilesFeature(
  context: vscode.ExtensionContext,
  log: Log,
  acceptScriptedArgs: boolean,
): { profiles: ProfileService; accounts: CosceneAuthProvider } {
  const profiles = new ProfileService(context, new Secrets(context.secrets), log);
  const commands: CommandTable<ProfilesCommandId> = {
    'coscene.profile.add': addProfile(profiles, log, acceptScriptedArgs),
    'coscene.profile.remove': removeProfile(profiles, log, acceptScriptedArgs),
    'coscene.profile.switch': switchProfile(profiles, log),
    'coscene.profile.setToken': setToken(profiles, log, acceptScriptedArgs),
    'coscene.profile.openConfig': openConfig(profiles, log),
    'coscene.showLogs': () => log.show(),
  };
  const accounts = new CosceneAuthProvider(
    profiles,
    { addProfile: commands['coscene.profile.add'], setToken: commands['coscene.profile.setToken'] },
    log,
  );
  context.subscriptions.push(
    profiles,
    ...registerCommands(log, commands, acceptScriptedArgs),
    accounts,
    vscode.authentication.registerAuthenticationProvider(AUTH_PROVIDER_ID, AUTH_PROVIDER_LABEL, accounts, {
      supportsMultipleAccounts: true,
    }),
  );
  return { profiles, accounts };
}
