import * as vscode from 'vscode';
import { logoutArgv } from '../../../core/registry/argv';
import { chooseRegistryHost } from '../chooseHost';
import { notifyError, notifyInfo, RegistryContext } from '../registryContext';
import { runClient } from '../runClient';

/** coscene.registry.logout: `<client> logout <host>` in the registry terminal. */
export async function logOut(ctx: RegistryContext): Promise<{ ok: boolean; host?: string }> {
  try {
    const host = await chooseRegistryHost(ctx.services.profiles.current()?.endpoint, ctx.state.current()?.host);
    if (!host) return { ok: false };
    await runClient(ctx, { args: logoutArgv(host) });
    await ctx.state.loggedOut(host);
    void notifyInfo(ctx, vscode.l10n.t('Logged out of {0}', host));
    return { ok: true, host };
  } catch (err) {
    notifyError(ctx, 'Registry logout failed', err, () => vscode.commands.executeCommand('coscene.registry.logout'));
    return { ok: false };
  }
}
