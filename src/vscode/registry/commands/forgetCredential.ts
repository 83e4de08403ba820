import * as vscode from 'vscode';
import { notifyError, notifyInfo, RegistryContext } from '../registryContext';

/** coscene.registry.forgetCredential: removes the stored temporary credential; the next login creates one. */
export async function forgetCredential(ctx: RegistryContext): Promise<boolean> {
  try {
    const had = await ctx.credentials.forget();
    void notifyInfo(
      ctx,
      had
        ? vscode.l10n.t('The stored registry credential was removed. The next login creates a new one.')
        : vscode.l10n.t('No registry credential is stored.'),
    );
    return had;
  } catch (err) {
    notifyError(ctx, 'Forgetting the registry credential failed', err);
    return false;
  }
}
