import * as vscode from 'vscode';
import type { ProfileSource } from '../../../core/profiles/profile';
import type { CommandHandler } from '../../shared/commands';
import { reportError } from '../../shared/errors';
import type { Log } from '../../shared/log';
import type { ListedProfile, ProfileService } from '../profileService';
import { shortSourceLabel } from '../sourceLabels';

export interface SwitchProfileArgs {
  name: string;
  /** Needed only when several sources have a profile of that name. */
  source?: ProfileSource;
}

/** "coScene: Switch Profile…" (also the status bar click). Resolves true when a profile was selected. */
export function switchProfile(profiles: ProfileService, log: Log): CommandHandler {
  return async (args?: SwitchProfileArgs) => {
    try {
      await profiles.ready;
      const target = args?.name ? findProfile(profiles.list(), args) : await pickProfile(profiles);
      if (!target) {
        if (args?.name) void vscode.window.showWarningMessage(vscode.l10n.t('There is no profile named "{0}".', args.name));
        return false;
      }
      await profiles.select(target.source, target.name);
      return true;
    } catch (err) {
      reportError(log, 'Switching the coScene profile failed', err);
      return false;
    }
  };
}

function findProfile(all: ListedProfile[], args: SwitchProfileArgs): ListedProfile | undefined {
  return all.find((p) => p.name === args.name && (!args.source || p.source === args.source));
}

type Item = vscode.QuickPickItem & { profile?: ListedProfile };

async function pickProfile(profiles: ProfileService): Promise<ListedProfile | undefined> {
  const items: Item[] = profiles.list().map((p) => ({
    label: p.active ? `$(check) ${p.name}` : p.name,
    description: shortSourceLabel(p.source),
    detail: `${p.endpoint} · ${p.project}`,
    profile: p,
  }));
  const add: Item = { label: `$(add) ${vscode.l10n.t('Add Profile…')}`, alwaysShow: true };
  if (items.length) items.push({ label: '', kind: vscode.QuickPickItemKind.Separator });
  items.push(add);
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Switch coScene Profile'),
    placeHolder: vscode.l10n.t('Select the profile to use'),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (picked === add) await vscode.commands.executeCommand('coscene.profile.add');
  return picked?.profile;
}
