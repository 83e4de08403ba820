import * as vscode from 'vscode';
import { demoSignIn, type DemoAkSk } from '../../core/demo/demoSignIn';

const SHOWN_KEY = 'coscene.demo.signInOffered';

/**
 * Demo mode only: once per demo (a fresh profile each `npm start`), tells what to type for the Huawei sign-in to the
 * local fake and offers to do it in one click. The click calls `signIn` directly: the sign-in command takes no
 * credentials from its arguments outside test mode.
 */
export async function offerDemoSignIn(
  context: vscode.ExtensionContext,
  signedIn: () => boolean,
  signIn: (demo: DemoAkSk) => Promise<boolean>,
): Promise<void> {
  const demo = demoSignIn(process.env);
  if (!demo || signedIn() || context.globalState.get<boolean>(SHOWN_KEY)) return;
  await context.globalState.update(SHOWN_KEY, true);
  const signInLabel = vscode.l10n.t('Sign In (Demo)');
  const picked = await vscode.window.showInformationMessage(
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
  if (picked === signInLabel) await signIn(demo);
}
