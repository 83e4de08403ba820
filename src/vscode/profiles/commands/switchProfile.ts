import * as vscode from 'vscode';
import type { Command } from '../../shared/commands';
import type { ProfilesContext } from '../context';
import { ADD_PROFILE } from '../keys';
import type { ListedProfile } from '../profileService';
import { shortSourceLabel } from '../sourceLabels';

type Item = vscode.QuickPickItem & { profile?: ListedProfile };

/** "coScene: Switch Profile…" (also the status bar click): every profile, and Add Profile… at the end. */
export const switchProfile: Command<ProfilesContext> = async ({ profiles, ui }) => {
  await profiles.ready;
  const items: Item[] = profiles.list().map((p) => ({
    label: p.active ? `$(check) ${p.name}` : p.name,
    description: shortSourceLabel(p.source),
    detail: `${p.endpoint} · ${p.project}`,
    profile: p,
  }));
  const add: Item = { label: `$(add) ${vscode.l10n.t('Add Profile…')}`, alwaysShow: true };
  if (items.length) items.push({ label: '', kind: vscode.QuickPickItemKind.Separator });
  items.push(add);
  const picked = await ui.showQuickPick(items, {
    title: vscode.l10n.t('Switch coScene Profile'),
    placeHolder: vscode.l10n.t('Select the profile to use'),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (picked === add) await vscode.commands.executeCommand(ADD_PROFILE);
  else if (picked?.profile) await profiles.select(picked.profile.source, picked.profile.name);
};
