import * as vscode from 'vscode';
import type { BasicCredential } from '../../../core/coscene/model';
import { CredentialFormat, formatCredential } from '../../../core/registry/credentialFormat';
import { RegistryHostInferenceError, resolveRegistryHost } from '../../../core/registry/host';
import type { CredentialDocuments } from '../credentialDocument';
import { withAbortSignal } from '../../shared/commands';
import { scriptedArgs } from '../../shared/testMode';
import { notifyError, notifyInfo, RegistryContext } from '../registryContext';
import { registryHostSetting } from '../settings';

/** Test arguments (test mode only, shared/testMode.ts): skip the quick pick and do this directly. */
export interface CreateCredentialArgs {
  format?: CredentialFormat;
  copy?: 'password' | 'username';
}

/** Never carries the password: command results are visible to other extensions. */
export interface CreatedCredential {
  host?: string;
  username: string;
}

type Action = { kind: 'copy'; what: 'password' | 'username' } | { kind: 'open'; format: CredentialFormat };

/** coscene.registry.createCredential: a new temporary credential; the password is shown only on request. */
export async function createCredential(
  ctx: RegistryContext,
  docs: CredentialDocuments,
  args?: unknown,
): Promise<CreatedCredential | undefined> {
  try {
    const api = await ctx.services.profiles.api();
    const profile = ctx.services.profiles.current();
    if (!profile) return undefined;
    const host = hostIfKnown(profile.endpoint);
    const credential = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Creating a registry credential…'), cancellable: true },
      (_progress, token) =>
        withAbortSignal(token, (signal) =>
          ctx.credentials.create(api, { host: host ?? '', profile: profile.name, endpoint: profile.endpoint }, signal),
        ),
    );
    ctx.services.log.info(`Created registry credential ${credential.username}${host ? ` for ${host}` : ''}`);
    const actions = actionsFromArgs(scriptedArgs(ctx.services.acceptScriptedArgs, args));
    if (actions.length === 0) {
      const picked = await pickAction(credential.username, host);
      if (picked) actions.push(picked);
    }
    for (const action of actions) await perform(ctx, docs, action, credential, profile.endpoint, host);
    return { host, username: credential.username };
  } catch (err) {
    notifyError(ctx, 'Creating a registry credential failed', err, () =>
      vscode.commands.executeCommand('coscene.registry.createCredential'),
    );
    return undefined;
  }
}

/** Menus may pass unrelated objects (e.g. a tree node): only well-formed args count. */
function actionsFromArgs(args: unknown): Action[] {
  if (!args || typeof args !== 'object') return [];
  const { copy, format } = args as Record<string, unknown>;
  const actions: Action[] = [];
  if (copy === 'password' || copy === 'username') actions.push({ kind: 'copy', what: copy });
  if (format === 'json' || format === 'yaml' || format === 'table' || format === 'plain') actions.push({ kind: 'open', format });
  return actions;
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

async function pickAction(username: string, host: string | undefined): Promise<Action | undefined> {
  const shows = vscode.l10n.t('Shows the password in an editor');
  const items: (vscode.QuickPickItem & { action: Action })[] = [
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
  const picked = await vscode.window.showQuickPick(items, {
    title: host
      ? vscode.l10n.t('Registry credential for {0}: username {1}', host, username)
      : vscode.l10n.t('Registry credential: username {0} (registry host unknown)', username),
    placeHolder: vscode.l10n.t('The credential is temporary. Choose what to do with it.'),
    ignoreFocusOut: true,
  });
  return picked?.action;
}

async function perform(
  ctx: RegistryContext,
  docs: CredentialDocuments,
  action: Action,
  cred: BasicCredential,
  endpoint: string,
  host?: string,
): Promise<void> {
  if (action.kind === 'open') {
    if (!(await ctx.confirmShowPassword(cred.username))) return;
    await docs.open(cred.username, action.format, formatCredential(action.format, cred, endpoint, host));
    return;
  }
  if (action.what === 'password') await ctx.clipboard.copy(cred.password);
  else await vscode.env.clipboard.writeText(cred.username);
  void notifyInfo(
    ctx,
    action.what === 'password'
      ? vscode.l10n.t('The password of {0} was copied to the clipboard; it is cleared from there in 60 seconds.', cred.username)
      : vscode.l10n.t('Username {0} was copied to the clipboard.', cred.username),
  );
}
