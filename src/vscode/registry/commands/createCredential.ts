import * as vscode from 'vscode';
import type { BasicCredential } from '../../../core/coscene/model';
import { CredentialFormat, formatCredential } from '../../../core/registry/credentialFormat';
import { RegistryHostInferenceError, resolveRegistryHost } from '../../../core/registry/host';
import { withAbortSignal } from '../../shared/commands';
import type { PickItem } from '../../shared/ui';
import { askShowPassword, notifyInfo, type RegistryContext } from '../registryContext';
import { registryHostSetting } from '../settings';

type Action = { kind: 'copy'; what: 'password' | 'username' } | { kind: 'open'; format: CredentialFormat };

/** coscene.registry.createCredential: a new temporary credential; the password is shown only on request. */
export async function createCredential(ctx: RegistryContext): Promise<void> {
  const api = await ctx.profiles.api();
  const profile = ctx.profiles.current();
  if (!profile) return;
  const host = hostIfKnown(profile.endpoint);
  const credential = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Creating a registry credential…'), cancellable: true },
    (_progress, token) =>
      withAbortSignal(token, (signal) =>
        ctx.credentials.create(api, { host: host ?? '', profile: profile.name, endpoint: profile.endpoint }, signal),
      ),
  );
  ctx.log.info(`Created registry credential ${credential.username}${host ? ` for ${host}` : ''}`);
  const action = await pickAction(ctx, credential.username, host);
  if (action) await perform(ctx, action, credential, profile.endpoint, host);
}

/** Like cocli: the host line appears only when it is known; an invalid setting is still an error. */
function hostIfKnown(endpoint: string): string | undefined {
  try {
    return resolveRegistryHost({ setting: registryHostSetting(), endpoint }).host;
  } catch (err) {
    if (err instanceof RegistryHostInferenceError) return undefined;
    throw err;
  }
}

async function pickAction(ctx: RegistryContext, username: string, host: string | undefined): Promise<Action | undefined> {
  const shows = vscode.l10n.t('Shows the password in an editor');
  const items: (PickItem & { action: Action })[] = [
    {
      label: `$(copy) ${vscode.l10n.t('Copy Password')}`,
      detail: vscode.l10n.t('The password goes to the clipboard without being shown.'),
      action: { kind: 'copy', what: 'password' },
    },
    { label: `$(copy) ${vscode.l10n.t('Copy Username')}`, action: { kind: 'copy', what: 'username' } },
    { label: `$(json) ${vscode.l10n.t('Open as JSON')}`, detail: shows, action: { kind: 'open', format: 'json' } },
    { label: `$(file-code) ${vscode.l10n.t('Open as YAML')}`, detail: shows, action: { kind: 'open', format: 'yaml' } },
    { label: `$(table) ${vscode.l10n.t('Open as Table')}`, detail: shows, action: { kind: 'open', format: 'table' } },
    { label: `$(note) ${vscode.l10n.t('Open as Text')}`, detail: shows, action: { kind: 'open', format: 'plain' } },
  ];
  const picked = await ctx.ui.showQuickPick(items, {
    title: host
      ? vscode.l10n.t('Registry credential for {0}: username {1}', host, username)
      : vscode.l10n.t('Registry credential: username {0} (registry host unknown)', username),
    placeHolder: vscode.l10n.t('The credential is temporary. Choose what to do with it.'),
    ignoreFocusOut: true,
  });
  return picked?.action;
}

async function perform(ctx: RegistryContext, action: Action, cred: BasicCredential, endpoint: string, host?: string): Promise<void> {
  if (action.kind === 'open') {
    if (!(await askShowPassword(ctx, cred.username))) return;
    await ctx.documents.open(cred.username, action.format, formatCredential(action.format, cred, endpoint, host));
    return;
  }
  if (action.what === 'password') await ctx.clipboard.copy(cred.password);
  else await ctx.ui.clipboard.writeText(cred.username);
  notifyInfo(
    ctx,
    action.what === 'password'
      ? vscode.l10n.t('The password of {0} was copied to the clipboard; it is cleared from there in 60 seconds.', cred.username)
      : vscode.l10n.t('Username {0} was copied to the clipboard.', cred.username),
  );
}
