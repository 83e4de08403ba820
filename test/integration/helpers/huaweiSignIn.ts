import * as vscode from 'vscode';
import { SIGN_IN_COMMAND } from '../../../src/vscode/permissions/keys';
import { FAKE_HUAWEI } from '../../fake/server';
import type { Choose, ScriptedUi } from './scriptedUi';

/** Several values for one input box: each is typed in turn until the box's validation accepts one (undefined: Escape). */
type Typed = string | readonly (string | undefined)[];

/** The answers a user gives to the questions of Sign In to Huawei Cloud with an IAM user and password. */
export interface PasswordAnswers {
  method: 'password';
  userName: string;
  password: string;
  domainName: string;
  /** The region picked: its ID (the label), or a predicate (the configured one's description ends with "from settings"). */
  region: Choose;
  /** False: "Use the password once". */
  keepPassword?: boolean;
  codeartsProjectId: Typed;
}

/** The answers a user gives to the questions of Sign In to Huawei Cloud with an access key. */
export interface AkSkAnswers {
  method: 'aksk';
  ak: string;
  sk: string;
  /** Empty (the default): a permanent access key. */
  securityToken?: string;
  domainId: string;
  region: Choose;
  codeartsProjectId: Typed;
}

export type SignInAnswers = PasswordAnswers | AkSkAnswers;

/** A password sign-in the fake accepts. */
export const PASSWORD_SIGN_IN: PasswordAnswers = {
  method: 'password',
  userName: FAKE_HUAWEI.iamUser,
  password: FAKE_HUAWEI.iamPassword,
  domainName: FAKE_HUAWEI.domainName,
  region: FAKE_HUAWEI.region,
  codeartsProjectId: FAKE_HUAWEI.codeartsProjectId,
};

/** An access key sign-in the fake accepts. */
export const AKSK_SIGN_IN: AkSkAnswers = {
  method: 'aksk',
  ak: FAKE_HUAWEI.ak,
  sk: FAKE_HUAWEI.sk,
  region: FAKE_HUAWEI.region,
  domainId: FAKE_HUAWEI.domainId,
  codeartsProjectId: FAKE_HUAWEI.codeartsProjectId,
};

const typed = (value: Typed): (string | undefined)[] => (typeof value === 'string' ? [value] : [...value]);

/** Queues on `ui` the answers to the sign-in's steps, in the order it asks them (no Back). */
export function answerSignIn(ui: ScriptedUi, answers: SignInAnswers): ScriptedUi {
  if (answers.method === 'password') {
    // The console's order: account, IAM user, password.
    ui.pick(vscode.l10n.t('IAM user and password'))
      .input(answers.domainName)
      .input(answers.userName)
      .input(answers.password)
      .pick(answers.region)
      .pick(
        answers.keepPassword === false
          ? vscode.l10n.t('Use the password once')
          : vscode.l10n.t('Keep the password in the OS keyring to renew the token'),
      );
  } else {
    ui.pick(vscode.l10n.t('Access key (AK/SK)'))
      .input(answers.ak)
      .input(answers.sk)
      .input(answers.securityToken ?? '')
      .input(answers.domainId)
      .pick(answers.region);
  }
  return ui.input(...typed(answers.codeartsProjectId));
}

/**
 * Runs Sign In to Huawei Cloud as a user would, answering its questions with `answers`; resolves with the error
 * notifications it showed (none: signed in). Every answer must have been asked for.
 */
export async function signInThroughUi(ui: ScriptedUi, answers: SignInAnswers): Promise<string[]> {
  const before = ui.shown.length;
  answerSignIn(ui, answers);
  await vscode.commands.executeCommand(SIGN_IN_COMMAND);
  ui.assertAllAnswered();
  return ui.shown
    .slice(before)
    .filter((m) => m.severity === 'error')
    .map((m) => m.message);
}
