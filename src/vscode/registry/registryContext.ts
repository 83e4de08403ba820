import * as vscode from 'vscode';
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
