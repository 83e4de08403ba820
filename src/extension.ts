import type * as vscode from 'vscode';
import { registerPermissionsFeature } from './vscode/permissions';
import { PERMISSIONS_VIEW_ID } from './vscode/permissions/keys';
import { registerProfilesFeature } from './vscode/profiles';
import { registerRegistryFeature } from './vscode/registry';
import { runFinishers } from './vscode/shared/deactivation';
import { extensionExports } from './vscode/shared/exports';
import { createLog } from './vscode/shared/log';
import { isTestMode } from './vscode/shared/testMode';
import type { ExtensionApi, Services } from './vscode/shared/services';
import { ReplaceableUi, windowUi } from './vscode/shared/ui';
import { registerUsersFeature } from './vscode/users';

/** Wiring only: build the log and the profile service, then let each feature register its views and commands. */
export function activate(context: vscode.ExtensionContext): ExtensionApi | undefined {
  const log = createLog(context);
  const acceptScriptedArgs = isTestMode(context.extensionMode);
  // Only in test mode can the window be replaced (by the integration tests' scripted answers).
  const testUi = acceptScriptedArgs ? new ReplaceableUi() : undefined;
  const ui = testUi ?? windowUi;
  const { ctx: profilesCtx, accounts, statusBar } = registerProfilesFeature(context, log, ui);
  const { profiles } = profilesCtx;
  const permissions = registerPermissionsFeature({ extension: context, log, ui, profiles });
  const registry = registerRegistryFeature({ extension: context, log, ui, profiles });
  const api: ExtensionApi = {
    trees: new Map(),
    features: {},
    ui: { use: (scripted) => testUi?.use(scripted) },
    globalState: context.globalState,
    permissions,
    registry,
    profiles,
    accounts,
    profileStatusBar: statusBar,
  };
  api.trees.set(PERMISSIONS_VIEW_ID, permissions.tree);
  const services: Services = { context, extension: context, log, ui, profiles, api, acceptScriptedArgs };
  Object.assign(api, { users: registerUsersFeature(services, api.trees) });
  return extensionExports(context.extensionMode, api);
}

/** Everything is disposed through context.subscriptions; what must finish first (a clipboard clear) is awaited here. */
export function deactivate(): Promise<void> {
  return runFinishers();
}
