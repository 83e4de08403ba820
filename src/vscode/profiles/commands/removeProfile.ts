import * as vscode from 'vscode';
import type { CommandHandler } from '../../shared/commands';
import { reportError } from '../../shared/errors';
import type { Log } from '../../shared/log';
import { scriptedArgs } from '../../shared/testMode';
import type { ProfileService } from '../profileService';

export interface RemoveProfileArgs {
  name: string;
}

/**
 * "coScene: Remove Profile…": removes a profile added in VS Code with its token. Profiles from the cocli file or the
 * env are not ours to remove. A `name` argument skips the pick and the confirmation only in test mode
 * (shared/testMode.ts): elsewhere another extension could delete a profile and its token unasked. Resolves true when removed.
 */
export function removeProfile(profiles: ProfileService, log: Log, acceptScriptedArgs: boolean): CommandHandler {
  return async (args?: RemoveProfileArgs) => {
    try {
      await profiles.ready;
      const name = scriptedArgs(acceptScriptedArgs, args)?.name ?? (await pickAndConfirm(profiles));
      if (name === undefined) return false;
      const matches = profiles.list().filter((p) => p.name === name);
      if (!matches.some((p) => p.source === 'extension')) {
        if (matches.length) {
          void vscode.window.showInformationMessage(
            vscode.l10n.t(
              'The profile "{0}" is managed by cocli ({1}); remove it with "cocli login delete {0}".',
              name,
              profiles.configPath(),
            ),
          );
        } else {
          void vscode.window.showWarningMessage(vscode.l10n.t('There is no profile named "{0}".', name));
        }
        return false;
      }
      await profiles.removeProfile(name);
      log.info(`Removed coScene profile "${name}".`);
      return true;
    } catch (err) {
      reportError(log, 'Removing the coScene profile failed', err);
      return false;
    }
  };
}

async function pickAndConfirm(profiles: ProfileService): Promise<string | undefined> {
  const own = profiles.list().filter((p) => p.source === 'extension');
  if (!own.length) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Only profiles added in VS Code can be removed here. Profiles from the cocli config are managed by cocli.'),
    );
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    own.map((p) => ({
      label: p.name,
      description: p.active ? vscode.l10n.t('active') : undefined,
      detail: `${p.endpoint} · ${p.project}`,
    })),
    { title: vscode.l10n.t('Remove coScene Profile'), placeHolder: vscode.l10n.t('Select the profile to remove') },
  );
  if (!picked) return undefined;
  const remove = vscode.l10n.t('Remove');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('Remove the profile "{0}" and its token from VS Code?', picked.label),
    { modal: true },
    remove,
  );
  return answer === remove ? picked.label : undefined;
}
