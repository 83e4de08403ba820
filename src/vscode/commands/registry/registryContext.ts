import * as vscode from 'vscode';
import { describeError, showError } from '../../errors';
import type { Services } from '../../services';
import type { CommandTerminal } from '../../terminal/commandTerminal';
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
  /** argv of every client process started, executable first (the password must never be in it). */
  readonly spawned: (readonly string[])[];
  lastNotice?: Notice;
}

/** Shows an information message without waiting for it, and remembers it for tests. */
export function notifyInfo(ctx: RegistryContext, message: string, ...items: string[]): Thenable<string | undefined> {
  ctx.lastNotice = { severity: 'info', message };
  return vscode.window.showInformationMessage(message, ...items);
}

/** showError() without waiting for the user's choice, so a command resolves when its work is done. */
export function notifyError(ctx: RegistryContext, context: string, err: unknown, retry?: () => unknown): void {
  if (err instanceof Error && err.name === 'AbortError') return;
  ctx.lastNotice = { severity: 'error', message: describeError(err).message };
  void showError(ctx.services.log, context, err, retry);
}

/** An AbortSignal that follows a cancellation token. */
export function signalFor(token: vscode.CancellationToken): AbortSignal {
  const controller = new AbortController();
  if (token.isCancellationRequested) controller.abort();
  token.onCancellationRequested(() => controller.abort());
  return controller.signal;
}
