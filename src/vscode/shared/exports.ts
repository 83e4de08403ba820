import type * as vscode from 'vscode';
import { isTestMode } from './testMode';

/**
 * What other extensions get from `getExtension('coscene.coscene-access').exports`. The test API reaches clients,
 * sessions and SecretStorage (TypeScript `private` is not enforced at run time), so it is handed out only to the
 * integration tests (the extension host runs them in ExtensionMode.Test); any other caller gets nothing.
 */
export function extensionExports<Api>(mode: vscode.ExtensionMode, api: Api): Api | undefined {
  return isTestMode(mode) ? api : undefined;
}
