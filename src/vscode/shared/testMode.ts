import * as vscode from 'vscode';

/**
 * The one place that decides test mode. The extension host runs the integration tests in ExtensionMode.Test; only
 * there does activate() return the test API, and only there can the window be replaced by scripted answers. No
 * command reads arguments in any mode (other than its own tree items).
 */
export function isTestMode(mode: vscode.ExtensionMode): boolean {
  return mode === vscode.ExtensionMode.Test;
}
