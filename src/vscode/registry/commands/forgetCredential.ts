import * as vscode from 'vscode';
import { notifyInfo, type RegistryContext } from '../registryContext';

/** coscene.registry.forgetCredential: removes the stored temporary credential; the next login creates one. */
export async function forgetCredential(ctx: RegistryContext): Promise<void> {
  const had = await ctx.credentials.forget();
  notifyInfo(
    ctx,
    had
      ? vscode.l10n.t('The stored registry credential was removed. The next login creates a new one.')
      : vscode.l10n.t('No registry credential is stored.'),
  );
}
