import type * as vscode from 'vscode';
import { registerAddProfileCommand } from './commands/profiles/addProfile';
import { registerOpenConfigCommand } from './commands/profiles/openConfig';
import { registerRemoveProfileCommand } from './commands/profiles/removeProfile';
import { registerSetTokenCommand } from './commands/profiles/setToken';
import { registerSwitchProfileCommand } from './commands/profiles/switchProfile';
import type { Log } from './log';
import { ProfileService } from './profiles/profileService';
import { Secrets } from './secrets';

/**
 * Profiles from cocli (~/.cocli.yaml, COS_*) and from VS Code, the status bar item and the profile commands.
 * The returned service is also exposed to tests as `api.features.profiles`.
 */
export function registerProfilesFeature(context: vscode.ExtensionContext, log: Log): ProfileService {
  const profiles = new ProfileService(context, new Secrets(context.secrets), log);
  context.subscriptions.push(
    profiles,
    registerAddProfileCommand(profiles, log),
    registerSwitchProfileCommand(profiles, log),
    registerRemoveProfileCommand(profiles, log),
    registerSetTokenCommand(profiles, log),
    registerOpenConfigCommand(profiles, log),
  );
  return profiles;
}
