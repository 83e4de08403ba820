import * as vscode from 'vscode';
import type { ProfileSource } from '../../../core/profiles/profile';
import type { CommandHandler } from '../../shared/commands';
import { reportError } from '../../shared/errors';
import type { Log } from '../../shared/log';
import { scriptedArgs } from '../../shared/testMode';
import type { ListedProfile, ProfileService } from '../profileService';
import { shortSourceLabel } from '../sourceLabels';

export interface SetTokenArgs {
  /** Default: the active profile. */
  name?: string;
  source?: ProfileSource;
  token?: string;
}

/**
 * "coScene: Set Token for Profile…": replaces a rejected token. For a cocli or env profile the new token is kept in
 * SecretStorage and used instead of the file's token; the cocli file is never written. Resolves true once saved.
 * A `token` argument is taken only in test mode (shared/testMode.ts): elsewhere another extension could swap in a
 * token of its own; `name`/`source` only choose the profile, the user still types the token.
 */
export function setToken(profiles: ProfileService, log: Log, acceptScriptedArgs: boolean): CommandHandler {
  return async (args?: SetTokenArgs) => {
    try {
      await profiles.ready;
      const target = await chooseProfile(profiles, args);
      if (!target) return false;
      const token = scriptedArgs(acceptScriptedArgs, args)?.token ?? (await askToken(profiles, target));
      if (!token?.trim()) return false;
      await profiles.setToken(target.source, target.name, token.trim());
      log.info(`Replaced the token of coScene profile "${target.name}" (${target.source}).`);
      return true;
    } catch (err) {
      reportError(log, 'Setting the token failed', err);
      return false;
    }
  };
}

async function chooseProfile(profiles: ProfileService, args: SetTokenArgs | undefined): Promise<ListedProfile | undefined> {
  const all = profiles.list();
  if (args?.name) {
    const found = all.find((p) => p.name === args.name && (!args.source || p.source === args.source));
    if (!found) void vscode.window.showWarningMessage(vscode.l10n.t('There is no profile named "{0}".', args.name));
    return found;
  }
  const active = all.find((p) => p.active);
  if (active) return active;
  if (!all.length) {
    void vscode.commands.executeCommand('coscene.profile.add');
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    all.map((p) => ({ label: p.name, description: shortSourceLabel(p.source), detail: `${p.endpoint} · ${p.project}`, profile: p })),
    { title: vscode.l10n.t('Set Token for Profile'), placeHolder: vscode.l10n.t('Select the profile') },
  );
  return picked?.profile;
}

function askToken(profiles: ProfileService, target: ListedProfile): Thenable<string | undefined> {
  const prompt =
    target.source === 'extension'
      ? vscode.l10n.t('New access token for "{0}". It is kept in VS Code\'s secret storage.', target.name)
      : vscode.l10n.t(
          'New access token for "{0}". It is kept in VS Code\'s secret storage and used instead of the token in {1}; that file is not changed.',
          target.name,
          profiles.configPath(),
        );
  return vscode.window.showInputBox({
    title: vscode.l10n.t('Set Token for Profile'),
    prompt,
    password: true,
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('Enter the access token.')),
  });
}
