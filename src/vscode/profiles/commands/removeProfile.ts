import * as vscode from 'vscode';
import type { Command } from '../../shared/commands';
import type { ProfilesContext } from '../context';

/**
 * "coScene: Remove Profile…": removes a profile added in VS Code with its token, after a modal confirmation. Profiles
 * from the cocli file or the env are not ours to remove: they are not offered.
 */
export const removeProfile: Command<ProfilesContext> = async (ctx) => {
  await ctx.profiles.ready;
  const name = await pickAndConfirm(ctx);
  if (name === undefined) return;
  await ctx.profiles.removeProfile(name);
  ctx.log.info(`Removed coScene profile "${name}".`);
};

async function pickAndConfirm({ profiles, ui }: ProfilesContext): Promise<string | undefined> {
  const own = profiles.list().filter((p) => p.source === 'extension');
  if (!own.length) {
    void ui.showInformationMessage(
      vscode.l10n.t('Only profiles added in VS Code can be removed here. Profiles from the cocli config are managed by cocli.'),
    );
    return undefined;
  }
  const picked = await ui.showQuickPick(
    own.map((p) => ({
      label: p.name,
      description: p.active ? vscode.l10n.t('active') : undefined,
      detail: `${p.endpoint} · ${p.project}`,
    })),
    { title: vscode.l10n.t('Remove coScene Profile'), placeHolder: vscode.l10n.t('Select the profile to remove') },
  );
  if (!picked) return undefined;
  const remove = vscode.l10n.t('Remove');
  const answer = await ui.confirm(vscode.l10n.t('Remove the profile "{0}" and its token from VS Code?', picked.label), undefined, remove);
  return answer === remove ? picked.label : undefined;
}
