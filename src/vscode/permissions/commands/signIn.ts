import * as vscode from 'vscode';
import { HUAWEI_REGIONS, regionName } from '../../../core/huawei/regions';
import { withAbortSignal } from '../../shared/commands';
import type { Ui } from '../../shared/ui';
import { inputStep, pickStep, runWizard, type ValueItem, type WizardStep } from '../../shared/wizard';
import { CODEARTS_PROJECT_ID } from '../addedRepositories';
import { configuredRegion } from '../huaweiSession';
import type { PermissionsContext } from '../context';
import { uiLanguage } from '../language';

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

/** Every answer the sign-in's steps can collect; each method uses its own. */
interface SignInAnswers {
  method: 'password' | 'aksk';
  domainName: string;
  userName: string;
  password: string;
  ak: string;
  sk: string;
  securityToken: string;
  domainId: string;
  region: string;
  keepPassword: boolean;
  codeartsProjectId: string;
}

// Before the method is chosen the counter assumes the password (both ways take seven steps).
const byPassword = (a: Partial<SignInAnswers>) => a.method !== 'aksk';
const byAccessKey = (a: Partial<SignInAnswers>) => a.method === 'aksk';

/**
 * The questions in one step-by-step flow (step counter, Back keeps what was typed, Escape cancels), in the console's
 * order: account, IAM user, password (or the access key), then region, keep password, CodeArts project ID.
 */
async function askSignIn(ctx: PermissionsContext): Promise<SignInInput | undefined> {
  const a = await runWizard<SignInAnswers>(ctx.ui, [
    pickStep('method', () => ({
      title: vscode.l10n.t('Sign in to Huawei Cloud'),
      items: [
        {
          label: vscode.l10n.t('IAM user and password'),
          detail: vscode.l10n.t('Gets an IAM token (valid 24 h); you choose next whether the password is kept to renew it.'),
          value: 'password' as const,
        },
        {
          label: vscode.l10n.t('Access key (AK/SK)'),
          detail: vscode.l10n.t('Signs every request with the access key pair.'),
          value: 'aksk' as const,
        },
      ],
    })),
    required('domainName', () => vscode.l10n.t('Account name (the Huawei Cloud account the IAM user belongs to)'), byPassword),
    required('userName', () => vscode.l10n.t('IAM user name'), byPassword),
    required('password', (s) => vscode.l10n.t('Password of IAM user {0}', s.userName?.trim() ?? ''), byPassword, { password: true }),
    required('ak', () => vscode.l10n.t('Access key ID (AK)'), byAccessKey),
    required('sk', () => vscode.l10n.t('Secret access key (SK)'), byAccessKey, { password: true }),
    inputStep(
      'securityToken',
      () => ({ title: vscode.l10n.t('Security token (only for temporary access keys; leave empty otherwise)'), password: true }),
      byAccessKey,
    ),
    required('domainId', () => vscode.l10n.t('Account ID (My Credentials → API Credentials)'), byAccessKey, {
      validate: (v) => (/^[A-Za-z0-9]{8,32}$/.test(v.trim()) ? undefined : vscode.l10n.t('An account ID is 8 to 32 letters and digits.')),
    }),
    pickStep('region', () => ({ title: vscode.l10n.t('Region'), items: regionItems(), matchOnDescription: true })),
    pickStep('keepPassword', () => ({ title: vscode.l10n.t('Keep the password?'), items: keepPasswordItems() }), byPassword),
    required('codeartsProjectId', () => vscode.l10n.t('CodeArts project ID (32 characters, from the project URL)'), undefined, {
      value: ctx.session.codeartsProjectId(),
      validate: (v) => (CODEARTS_PROJECT_ID.test(v.trim()) ? undefined : invalidProjectIdMessage()),
    }),
  ]);
  if (!a) return undefined;
  const { region, codeartsProjectId } = a;
  return a.method === 'password'
    ? {
        method: 'password',
        userName: a.userName,
        password: a.password,
        domainName: a.domainName,
        region,
        codeartsProjectId,
        keepPassword: a.keepPassword,
      }
    : { method: 'aksk', ak: a.ak, sk: a.sk, securityToken: a.securityToken, region, domainId: a.domainId, codeartsProjectId };
}

/** An input step that needs a value (and passes `validate`); the title is the question. */
function required(
  id: keyof SignInAnswers & string,
  title: (answers: Partial<SignInAnswers>) => string,
  when?: (answers: Partial<SignInAnswers>) => boolean,
  opts: { password?: boolean; validate?: (v: string) => string | undefined; value?: string } = {},
): WizardStep<SignInAnswers> {
  return inputStep<SignInAnswers>(
    id,
    (answers) => ({
      title: title(answers),
      password: opts.password,
      value: opts.value,
      validateInput: (v) => (v.trim() ? opts.validate?.(v) : vscode.l10n.t('A value is required.')),
    }),
    when,
  );
}

function keepPasswordItems(): ValueItem<boolean>[] {
  return [
    {
      label: vscode.l10n.t('Keep the password in the OS keyring to renew the token'),
      detail: vscode.l10n.t('Stays signed in: the token is renewed silently before it ends.'),
      value: true,
    },
    {
      label: vscode.l10n.t('Use the password once'),
      detail: vscode.l10n.t('Only the 24 h token is kept; when it ends you are asked to sign in again.'),
      value: false,
    },
  ];
}

/** The configured region first; each with the console's name ("cn-north-4  CN North-Beijing4" / "华北-北京四"). */
function regionItems(): ValueItem<string>[] {
  const configured = configuredRegion();
  const lang = uiLanguage();
  return [configured, ...HUAWEI_REGIONS.filter((r) => r !== configured)].map((r) => {
    const name = regionName(r, lang);
    const fromSettings = r === configured ? vscode.l10n.t('from settings') : undefined;
    return { label: r, description: [name, fromSettings].filter(Boolean).join(' · ') || undefined, value: r };
  });
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

export function askCodeartsProjectId(ctx: PermissionsContext, value?: string): Promise<string | undefined> {
  return ask(ctx.ui, vscode.l10n.t('CodeArts project ID (32 characters, from the project URL)'), {
    value: value ?? ctx.session.codeartsProjectId(),
    validate: (v) => (CODEARTS_PROJECT_ID.test(v.trim()) ? undefined : invalidProjectIdMessage()),
  });
}
