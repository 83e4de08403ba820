import * as vscode from 'vscode';
import type { ProfileInfo } from '../../../core/profiles/profile';
import type { Command } from '../../shared/commands';
import type { ProfilesContext } from '../context';
import { ADD_PROFILE } from '../keys';
import type { ListedProfile } from '../profileService';
import { shortSourceLabel } from '../sourceLabels';

/**
 * "coScene: Set Token for Profile…": replaces the active profile's token (rejected, or expired); without an active
 * profile, the one picked. For a cocli or env profile the new token is kept in SecretStorage and used instead of the
 * file's token; the cocli file is never written.
 */
export const setToken: Command<ProfilesContext> = async (ctx) => {
  await ctx.profiles.ready;
  const target = await chooseProfile(ctx);
  if (target) await setTokenOf(ctx, target);
};

/** Asks for the new token of `target` and keeps it (also the Accounts menu's sign-in to a profile without a token). */
export async function setTokenOf(ctx: ProfilesContext, target: ProfileInfo): Promise<void> {
  const token = await askToken(ctx, target);
  if (!token?.trim()) return;
  await ctx.profiles.setToken(target.source, target.name, token.trim());
  ctx.log.info(`Replaced the token of coScene profile "${target.name}" (${target.source}).`);
}

async function chooseProfile({ profiles, ui }: ProfilesContext): Promise<ListedProfile | undefined> {
  const all = profiles.list();
  const active = all.find((p) => p.active);
  if (active) return active;
  if (!all.length) {
    void vscode.commands.executeCommand(ADD_PROFILE);
    return undefined;
  }
  const picked = await ui.showQuickPick(
    all.map((p) => ({ label: p.name, description: shortSourceLabel(p.source), detail: `${p.endpoint} · ${p.project}`, profile: p })),
    { title: vscode.l10n.t('Set Token for Profile'), placeHolder: vscode.l10n.t('Select the profile') },
  );
  return picked?.profile;
}

function askToken({ profiles, ui }: ProfilesContext, target: ProfileInfo): Promise<string | undefined> {
  const prompt =
    target.source === 'extension'
      ? vscode.l10n.t('New access token for "{0}". It is kept in VS Code\'s secret storage.', target.name)
      : vscode.l10n.t(
          'New access token for "{0}". It is kept in VS Code\'s secret storage and used instead of the token in {1}; that file is not changed.',
          target.name,
          profiles.configPath(),
        );
  return ui.showInputBox({
    title: vscode.l10n.t('Set Token for Profile'),
    prompt,
    password: true,
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('Enter the access token.')),
  });
}
