import * as vscode from 'vscode';
import { demoSignIn } from '../../core/demo/demoSignIn';
import { reportError } from '../shared/errors';
import { signInWith } from './commands/signIn';
import type { PermissionsContext } from './context';
import { DEMO_SIGN_IN_OFFERED_STATE_KEY } from './keys';

/**
 * Demo mode only: once per demo (a fresh profile each `npm start`), tells what to type for the Huawei sign-in to the
 * local fake and offers to do it in one click. The click signs in here: the sign-in command takes no credentials
 * from its arguments.
 */
export async function offerDemoSignIn(ctx: PermissionsContext): Promise<void> {
  const demo = demoSignIn(process.env);
  const state = ctx.extension.globalState;
  if (!demo || ctx.session.isSignedIn() || state.get<boolean>(DEMO_SIGN_IN_OFFERED_STATE_KEY)) return;
  await state.update(DEMO_SIGN_IN_OFFERED_STATE_KEY, true);
  const signInLabel = vscode.l10n.t('Sign In (Demo)');
  const picked = await ctx.ui.showInformationMessage(
    vscode.l10n.t(
      'Demo mode: Huawei Cloud is a local fake. Sign in with the access key {0} / {1}, account ID {2}, region {3}, CodeArts project ID {4} — or click Sign In (Demo).',
      demo.ak,
      demo.sk,
      demo.domainId,
      demo.region,
      demo.codeartsProjectId,
    ),
    signInLabel,
  );
  if (picked !== signInLabel) return;
  try {
    await signInWith(ctx, demo);
  } catch (err) {
    reportError(ctx, 'Huawei Cloud sign-in failed', err);
  }
}
