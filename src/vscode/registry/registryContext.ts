import * as vscode from 'vscode';
import type { ClipboardExpiry } from '../../core/clipboardExpiry';
import { escapeNotificationLinks } from '../../core/text/serverText';
import { reportError } from '../shared/errors';
import type { Services } from '../shared/services';
import type { CommandTerminal } from './commandTerminal';
import type { RegistryCredentials } from './credentials';
import type { LoginState } from './loginState';

export interface Notice {
  severity: 'info' | 'error';
  message: string;
}

/** What the registry commands share; `features.registry` exposes parts of it to integration tests. */
export interface RegistryContext {
  readonly services: Services;
  readonly terminal: CommandTerminal;
  readonly credentials: RegistryCredentials;
  readonly state: LoginState;
  /** Copies the password and clears the clipboard 60 s later if it still holds it. */
  readonly clipboard: ClipboardExpiry;
  /** Asks before the password is shown in an editor (modal); integration tests answer it through features.registry. */
  confirmShowPassword(username: string): Promise<boolean>;
  /** argv of every client process started, executable first (the password must never be in it). */
  readonly spawned: (readonly string[])[];
  lastNotice?: Notice;
}

/** Shows an information message (server text in it cannot form links) without waiting for it, and remembers it for tests. */
export function notifyInfo(ctx: RegistryContext, text: string, ...items: string[]): Thenable<string | undefined> {
  const message = escapeNotificationLinks(text);
  ctx.lastNotice = { severity: 'info', message };
  return vscode.window.showInformationMessage(message, ...items);
}

/** reportError(), and remembers the message for tests. */
export function notifyError(ctx: RegistryContext, context: string, err: unknown, retry?: () => unknown): void {
  const message = reportError(ctx.services.log, context, err, retry);
  if (message !== undefined) ctx.lastNotice = { severity: 'error', message };
}

/** The modal asked before a password goes into a text document, which every extension can read. */
export async function askShowPassword(username: string): Promise<boolean> {
  const open = vscode.l10n.t('Show Password');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('Show the password of {0} in an editor?', username),
    {
      modal: true,
      detail: vscode.l10n.t(
        'Every installed extension can read the text of open documents, including this one. Copy Password puts it on the clipboard without showing it, and the clipboard is cleared after 60 seconds.',
      ),
    },
    open,
  );
  return answer === open;
}
