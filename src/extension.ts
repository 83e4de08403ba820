import * as vscode from 'vscode';
import { createLog } from './vscode/log';
import { registerProfilesFeature } from './vscode/profilesFeature';
import { registerUsersFeature } from './vscode/usersFeature';
import { registerPermissionsFeature } from './vscode/permissionsFeature';
import { registerRegistryFeature } from './vscode/registryFeature';
import type { Services } from './vscode/services';

/** Wiring only: build the services once, then let each feature register its views and commands. */
export function activate(context: vscode.ExtensionContext): void {
  const log = createLog(context);
  context.subscriptions.push(vscode.commands.registerCommand('coscene.showLogs', () => log.show()));
  const profiles = registerProfilesFeature(context, log);
  const services: Services = { context, log, profiles };
  registerUsersFeature(services);
  registerPermissionsFeature(services);
  registerRegistryFeature(services);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
