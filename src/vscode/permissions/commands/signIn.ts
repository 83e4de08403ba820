import * as vscode from 'vscode';
import { HUAWEI_REGIONS } from '../../../core/huawei/regions';
import { withAbortSignal } from '../../shared/commands';
import { reportError } from '../../shared/errors';
import { scriptedArgs } from '../../shared/testMode';
import { CODEARTS_PROJECT_ID } from '../addedRepositories';
import { configuredRegion } from '../huaweiSession';
import type { PermissionsDeps } from '../deps';

/** Arguments that bypass the UI (integration tests; the demo calls signIn() itself). */
export type SignInArgs =
  | {
      method: 'password';
      userName: string;
      password: string;
      domainName: string;
      region?: string;
      codeartsProjectId: string;
      keepPassword?: boolean;
    }
  | { method: 'aksk'; ak: string; sk: string; securityToken?: string; region?: string; domainId: string; codeartsProjectId: string };

/**
 * coscene.huawei.signIn → true when signed in. Arguments skip the questions only in test mode (shared/testMode.ts):
 * elsewhere another extension could sign the user in with credentials of its choosing.
 */
export function signInCommand(deps: PermissionsDeps, args?: SignInArgs): Promise<boolean> {
  return signIn(deps, scriptedArgs(deps.services.acceptScriptedArgs, args));
}

/** Signs in with `given`, or asks for everything when it is absent; true when signed in. */
export async function signIn(deps: PermissionsDeps, given?: SignInArgs): Promise<boolean> {
  const input = given ?? (await askSignIn(deps));
  if (!input) return false;
  const region = input.region?.trim() || configuredRegion();
  const projectId = input.codeartsProjectId.trim();
  if (!CODEARTS_PROJECT_ID.test(projectId)) {
    void vscode.window.showErrorMessage(invalidProjectIdMessage());
    return false;
  }
  try {
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Signing in to Huawei Cloud…'), cancellable: true },
      (_progress, token) =>
        withAbortSignal(token, async (signal) => {
          if (input.method === 'password') {
            await deps.session.signInWithPassword(
              {
                userName: input.userName.trim(),
                password: input.password,
                domainName: input.domainName.trim(),
                region,
                keepPassword: input.keepPassword !== false,
              },
              projectId,
              signal,
            );
          } else {
            await deps.session.signInWithAkSk(
              {
                ak: input.ak.trim(),
                sk: input.sk.trim(),
                securityToken: input.securityToken?.trim() || undefined,
                region,
                domainId: input.domainId.trim(),
              },
              projectId,
              signal,
            );
          }
        }),
    );
  } catch (err) {
    reportError(deps.services.log, 'Huawei Cloud sign-in failed', err);
    return false;
  }
  return true;
}

export function invalidProjectIdMessage(): string {
  return vscode.l10n.t('A CodeArts project ID is 32 lowercase letters and digits.');
}

async function askSignIn(deps: PermissionsDeps): Promise<SignInArgs | undefined> {
  const password = {
    label: vscode.l10n.t('IAM user and password'),
    detail: vscode.l10n.t('Gets an IAM token (valid 24 h); you choose next whether the password is kept to renew it.'),
    method: 'password' as const,
  };
  const aksk = {
    label: vscode.l10n.t('Access key (AK/SK)'),
    detail: vscode.l10n.t('Signs every request with the access key pair.'),
    method: 'aksk' as const,
  };
  const picked = await vscode.window.showQuickPick([password, aksk], {
    title: vscode.l10n.t('Sign in to Huawei Cloud'),
    ignoreFocusOut: true,
  });
  if (!picked) return undefined;
  if (picked.method === 'password') {
    const userName = await ask(vscode.l10n.t('IAM user name'));
    const pwd = userName && (await ask(vscode.l10n.t('Password of IAM user {0}', userName), { password: true }));
    const domainName = pwd && (await ask(vscode.l10n.t('Account name (the Huawei Cloud account the IAM user belongs to)')));
    const region = domainName && (await askRegion());
    const keepPassword = region ? await askKeepPassword() : undefined;
    const codeartsProjectId = keepPassword !== undefined ? await askCodeartsProjectId(deps) : undefined;
    return codeartsProjectId
      ? { method: 'password', userName: userName!, password: pwd!, domainName: domainName!, region, codeartsProjectId, keepPassword }
      : undefined;
  }
  const ak = await ask(vscode.l10n.t('Access key ID (AK)'));
  const sk = ak && (await ask(vscode.l10n.t('Secret access key (SK)'), { password: true }));
  if (!sk) return undefined;
  const securityToken = await vscode.window.showInputBox({
    title: vscode.l10n.t('Security token (only for temporary access keys; leave empty otherwise)'),
    password: true,
    ignoreFocusOut: true,
  });
  if (securityToken === undefined) return undefined;
  const domainId = await ask(vscode.l10n.t('Account ID (My Credentials → API Credentials)'), {
    validate: (v) => (/^[A-Za-z0-9]{8,32}$/.test(v.trim()) ? undefined : vscode.l10n.t('An account ID is 8 to 32 letters and digits.')),
  });
  const region = domainId && (await askRegion());
  const codeartsProjectId = region && (await askCodeartsProjectId(deps));
  return codeartsProjectId ? { method: 'aksk', ak: ak!, sk, securityToken, region, domainId: domainId!, codeartsProjectId } : undefined;
}

async function ask(
  title: string,
  opts: { password?: boolean; validate?: (v: string) => string | undefined; value?: string } = {},
): Promise<string | undefined> {
  const value = await vscode.window.showInputBox({
    title,
    password: opts.password,
    value: opts.value,
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() ? opts.validate?.(v) : vscode.l10n.t('A value is required.')),
  });
  return value?.trim() ? (opts.password ? value : value.trim()) : undefined;
}

/** True: keep the password to renew the token; false: use it once; undefined: cancelled. */
async function askKeepPassword(): Promise<boolean | undefined> {
  const keep = {
    label: vscode.l10n.t('Keep the password in the OS keyring to renew the token'),
    detail: vscode.l10n.t('Stays signed in: the token is renewed silently before it ends.'),
    keep: true,
  };
  const once = {
    label: vscode.l10n.t('Use the password once'),
    detail: vscode.l10n.t('Only the 24 h token is kept; when it ends you are asked to sign in again.'),
    keep: false,
  };
  const picked = await vscode.window.showQuickPick([keep, once], { title: vscode.l10n.t('Keep the password?'), ignoreFocusOut: true });
  return picked?.keep;
}

async function askRegion(): Promise<string | undefined> {
  const configured = configuredRegion();
  const items = [configured, ...HUAWEI_REGIONS.filter((r) => r !== configured)].map((r) => ({
    label: r,
    description: r === configured ? vscode.l10n.t('from settings') : undefined,
  }));
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Region'), ignoreFocusOut: true });
  return picked?.label;
}

export function askCodeartsProjectId(deps: PermissionsDeps, value?: string): Promise<string | undefined> {
  return ask(vscode.l10n.t('CodeArts project ID (32 characters, from the project URL)'), {
    value: value ?? deps.session.codeartsProjectId(),
    validate: (v) => (CODEARTS_PROJECT_ID.test(v.trim()) ? undefined : invalidProjectIdMessage()),
  });
}
