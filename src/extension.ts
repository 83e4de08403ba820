import * as vscode from 'vscode';
import { createLog } from './vscode/log';
import { registerProfilesFeature } from './vscode/profilesFeature';
import { registerUsersFeature } from './vscode/usersFeature';
import { registerPermissionsFeature } from './vscode/permissionsFeature';
import { registerRegistryFeature } from './vscode/registryFeature';
import type { ExtensionApi, Services } from './vscode/services';

/** Wiring only: build the services once, then let each feature register its views and commands. */
export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const log = createLog(context);
  context.subscriptions.push(vscode.commands.registerCommand('coscene.showLogs', () => log.show()));
  const profiles = registerProfilesFeature(context, log);
  const api: ExtensionApi = { trees: new Map(), features: {} };
  api.features.profiles = profiles;
  const services: Services = { context, log, profiles, api };
  registerUsersFeature(services);
  registerPermissionsFeature(services);
  registerRegistryFeature(services);
  return api;
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
