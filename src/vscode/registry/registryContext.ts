import * as vscode from 'vscode';
import type { ClipboardExpiry } from '../../core/clipboardExpiry';
import { escapeNotificationLinks } from '../../core/text/serverText';
import type { FeatureContext } from '../shared/featureContext';
import type { Ui } from '../shared/ui';
import type { CommandTerminal } from './commandTerminal';
import type { CredentialDocuments } from './credentialDocument';
import type { RegistryCredentials } from './credentials';
import type { LoginState } from './loginState';

/** What the registry commands share; the test API's `registry` field exposes parts of it (never the password). */
export interface RegistryContext extends FeatureContext {
  /** The terminal every client process runs in. */
  readonly terminal: CommandTerminal;
  /** The last login, shown in the status bar. */
  readonly state: LoginState;
  /** The last temporary credential (password in SecretStorage). */
  readonly credentials: RegistryCredentials;
  /** Copies the password to `ui.clipboard` and clears it 60 s later if it still holds it. */
  readonly clipboard: ClipboardExpiry;
  /** Read-only in-memory documents showing a credential. */
  readonly documents: CredentialDocuments;
}

/** Shows an information message (server text in it cannot form links) without waiting for it. */
export function notifyInfo(ctx: { readonly ui: Ui }, text: string): void {
  void ctx.ui.showInformationMessage(escapeNotificationLinks(text));
}

/** The modal asked before a password goes into a text document, which every extension can read. */
export async function askShowPassword(ctx: RegistryContext, username: string): Promise<boolean> {
  const open = vscode.l10n.t('Show Password');
  const answer = await ctx.ui.confirm(
    vscode.l10n.t('Show the password of {0} in an editor?', username),
    vscode.l10n.t(
      'Every installed extension can read the text of open documents, including this one. Copy Password puts it on the clipboard without showing it, and the clipboard is cleared after 60 seconds.',
    ),
    open,
  );
  return answer === open;
}
