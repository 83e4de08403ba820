import * as vscode from 'vscode';

/**
 * The one place that decides test mode. The extension host runs the integration tests in ExtensionMode.Test; only
 * there may command arguments skip the questions and confirmations a user would see (write a file, add a profile,
 * sign in with supplied credentials). Anywhere else such arguments come from whoever called the command — possibly
 * another extension — and are ignored: the command shows its normal UI.
 */
export function isTestMode(mode: vscode.ExtensionMode): boolean {
  return mode === vscode.ExtensionMode.Test;
}

/** `args` when no-UI arguments are accepted, undefined otherwise. */
export function scriptedArgs<T>(acceptScripted: boolean, args: T): T | undefined {
  return acceptScripted ? args : undefined;
}
