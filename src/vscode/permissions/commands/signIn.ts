import * as vscode from 'vscode';
import { HUAWEI_REGIONS } from '../../../core/huawei/regions';
import { withAbortSignal } from '../../shared/commands';
import type { Ui } from '../../shared/ui';
import { CODEARTS_PROJECT_ID } from '../addedRepositories';
import { configuredRegion } from '../huaweiSession';
import type { PermissionsContext } from '../context';

/** What the user answered to the sign-in's questions (or the demo's access key). */
export type SignInInput =
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

/** coscene.huawei.signIn: asks how to sign in and for the credentials, then signs in (throws when IAM refuses). */
export async function signIn(ctx: PermissionsContext): Promise<void> {
  const input = await askSignIn(ctx);
  if (input) await signInWith(ctx, input);
}

/** Signs in with `input` (the answers, or the demo's access key); throws when the sign-in fails. */
export async function signInWith(ctx: PermissionsContext, input: SignInInput): Promise<void> {
  const region = input.region?.trim() || configuredRegion();
  const projectId = input.codeartsProjectId.trim();
  if (!CODEARTS_PROJECT_ID.test(projectId)) {
    void ctx.ui.showErrorMessage(invalidProjectIdMessage());
    return;
  }
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Signing in to Huawei Cloud…'), cancellable: true },
    (_progress, token) =>
      withAbortSignal(token, async (signal) => {
        if (input.method === 'password') {
          await ctx.session.signInWithPassword(
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
          await ctx.session.signInWithAkSk(
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
}

export function invalidProjectIdMessage(): string {
  return vscode.l10n.t('A CodeArts project ID is 32 lowercase letters and digits.');
}

async function askSignIn(ctx: PermissionsContext): Promise<SignInInput | undefined> {
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
  const picked = await ctx.ui.showQuickPick([password, aksk], {
    title: vscode.l10n.t('Sign in to Huawei Cloud'),
    ignoreFocusOut: true,
  });
  if (!picked) return undefined;
  if (picked.method === 'password') {
    const userName = await ask(ctx.ui, vscode.l10n.t('IAM user name'));
    const pwd = userName && (await ask(ctx.ui, vscode.l10n.t('Password of IAM user {0}', userName), { password: true }));
    const domainName = pwd && (await ask(ctx.ui, vscode.l10n.t('Account name (the Huawei Cloud account the IAM user belongs to)')));
    const region = domainName && (await askRegion(ctx.ui));
    const keepPassword = region ? await askKeepPassword(ctx.ui) : undefined;
    const codeartsProjectId = keepPassword !== undefined ? await askCodeartsProjectId(ctx) : undefined;
    return codeartsProjectId
      ? { method: 'password', userName: userName!, password: pwd!, domainName: domainName!, region, codeartsProjectId, keepPassword }
      : undefined;
  }
  const ak = await ask(ctx.ui, vscode.l10n.t('Access key ID (AK)'));
  const sk = ak && (await ask(ctx.ui, vscode.l10n.t('Secret access key (SK)'), { password: true }));
  if (!sk) return undefined;
  const securityToken = await ctx.ui.showInputBox({
    title: vscode.l10n.t('Security token (only for temporary access keys; leave empty otherwise)'),
    password: true,
    ignoreFocusOut: true,
  });
  if (securityToken === undefined) return undefined;
  const domainId = await ask(ctx.ui, vscode.l10n.t('Account ID (My Credentials → API Credentials)'), {
    validate: (v) => (/^[A-Za-z0-9]{8,32}$/.test(v.trim()) ? undefined : vscode.l10n.t('An account ID is 8 to 32 letters and digits.')),
  });
  const region = domainId && (await askRegion(ctx.ui));
  const codeartsProjectId = region && (await askCodeartsProjectId(ctx));
  return codeartsProjectId ? { method: 'aksk', ak: ak!, sk, securityToken, region, domainId: domainId!, codeartsProjectId } : undefined;
}

async function ask(
  ui: Ui,
  title: string,
  opts: { password?: boolean; validate?: (v: string) => string | undefined; value?: string } = {},
): Promise<string | undefined> {
  const value = await ui.showInputBox({
    title,
    password: opts.password,
    value: opts.value,
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() ? opts.validate?.(v) : vscode.l10n.t('A value is required.')),
  });
  return value?.trim() ? (opts.password ? value : value.trim()) : undefined;
}

/** True: keep the password to renew the token; false: use it once; undefined: cancelled. */
async function askKeepPassword(ui: Ui): Promise<boolean | undefined> {
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
  const picked = await ui.showQuickPick([keep, once], { title: vscode.l10n.t('Keep the password?'), ignoreFocusOut: true });
  return picked?.keep;
}

async function askRegion(ui: Ui): Promise<string | undefined> {
  const configured = configuredRegion();
  const items = [configured, ...HUAWEI_REGIONS.filter((r) => r !== configured)].map((r) => ({
    label: r,
    description: r === configured ? vscode.l10n.t('from settings') : undefined,
  }));
  const picked = await ui.showQuickPick(items, { title: vscode.l10n.t('Region'), ignoreFocusOut: true });
  return picked?.label;
}

export function askCodeartsProjectId(ctx: PermissionsContext, value?: string): Promise<string | undefined> {
  return ask(ctx.ui, vscode.l10n.t('CodeArts project ID (32 characters, from the project URL)'), {
    value: value ?? ctx.session.codeartsProjectId(),
    validate: (v) => (CODEARTS_PROJECT_ID.test(v.trim()) ? undefined : invalidProjectIdMessage()),
  });
}
