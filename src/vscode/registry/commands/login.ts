import * as vscode from 'vscode';
import { loginArgv } from '../../../core/registry/argv';
import { withAbortSignal } from '../../shared/commands';
import { chooseRegistryHost } from '../chooseHost';
import { notifyInfo, type RegistryContext } from '../registryContext';
import { runClient } from '../runClient';
import { credentialLifetimeMinutes } from '../settings';

/** coscene.registry.login: a temporary credential, then `<client> login <host> --username <u> --password-stdin`. */
export async function logIn(ctx: RegistryContext): Promise<void> {
  let reused = false;
  try {
    const api = await ctx.profiles.api();
    const profile = ctx.profiles.current();
    if (!profile) return; // api() rejects first when there is no profile
    const host = await chooseRegistryHost(ctx.ui, profile.endpoint);
    if (!host) return;
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Logging in to {0}…', host), cancellable: true },
      (_progress, token) =>
        withAbortSignal(token, async (signal) => {
          const scope = { host, profile: profile.name, endpoint: profile.endpoint };
          const obtained = await ctx.credentials.obtain(api, scope, credentialLifetimeMinutes(), signal);
          reused = obtained.reused;
          const { username, password } = obtained.credential;
          ctx.log.info(`Registry login to ${host} as ${username} (${reused ? 'reused' : 'new'} credential)`);
          const { executable } = await runClient(ctx, {
            args: loginArgv(host, username),
            stdin: `${password}\n`,
            secrets: [password],
            signal,
          });
          // The outcome is shown when docker exits; what is kept for later is written after.
          notifyInfo(ctx, vscode.l10n.t('Logged in to {0} as {1}', host, username));
          await ctx.state.loggedIn({ host, username, client: executable, at: Date.now() });
          const saveError = await obtained.saved;
          if (saveError) ctx.log.warn(`The registry credential could not be kept for reuse: ${String(saveError)}`);
        }),
    );
  } catch (err) {
    // A reused credential may have expired on the server: the retry gets a fresh one.
    if (reused) await ctx.credentials.forget().catch(() => undefined);
    throw err;
  }
}
