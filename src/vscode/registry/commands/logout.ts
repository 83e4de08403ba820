import * as vscode from 'vscode';
import { logoutArgv } from '../../../core/registry/argv';
import { chooseRegistryHost } from '../chooseHost';
import { notifyInfo, type RegistryContext } from '../registryContext';
import { runClient } from '../runClient';

/** coscene.registry.logout: `<client> logout <host>` in the registry terminal. */
export async function logOut(ctx: RegistryContext): Promise<void> {
  const host = await chooseRegistryHost(ctx.ui, ctx.profiles.current()?.endpoint, ctx.state.current()?.host);
  if (!host) return;
  await logOutOf(ctx, host);
}

/** `<client> logout <host>`, then the status bar forgets the login. */
export async function logOutOf(ctx: RegistryContext, host: string): Promise<void> {
  await runClient(ctx, { args: logoutArgv(host) });
  await ctx.state.loggedOut(host);
  notifyInfo(ctx, vscode.l10n.t('Logged out of {0}', host));
}
