import type * as vscode from 'vscode';
import type { TestApi } from './testApi';
import { registerPermissionsFeature } from './vscode/permissions';
import { registerProfilesFeature } from './vscode/profiles';
import { registerRegistryFeature } from './vscode/registry';
import { runFinishers } from './vscode/shared/deactivation';
import { extensionExports } from './vscode/shared/exports';
import type { FeatureContext } from './vscode/shared/featureContext';
import { createLog } from './vscode/shared/log';
import { isTestMode } from './vscode/shared/testMode';
import { ReplaceableUi, windowUi } from './vscode/shared/ui';
import { registerUsersFeature } from './vscode/users';
import { PERMISSIONS_VIEW_ID } from './vscode/permissions/keys';
import { ORG_USERS_VIEW, PROJECT_USERS_VIEW, ROLES_VIEW } from './vscode/users/keys';

/**
 * Wiring only: the log, the window every question goes to, the profiles; then each feature registers its views and
 * commands with the same base context. In test mode the integration tests get the test API (and may replace the
 * window with scripted answers); anywhere else activate() returns nothing.
 */
export function activate(context: vscode.ExtensionContext): TestApi | undefined {
  const log = createLog(context);
  const testUi = isTestMode(context.extensionMode) ? new ReplaceableUi() : undefined;
  const ui = testUi ?? windowUi;
  const { ctx: profilesCtx, accounts, statusBar } = registerProfilesFeature(context, log, ui);
  const base: FeatureContext = { extension: context, log, ui, profiles: profilesCtx.profiles };
  const permissions = registerPermissionsFeature(base);
  const registry = registerRegistryFeature(base);
  const users = registerUsersFeature(base);
  if (!testUi) return undefined;
  return extensionExports(context.extensionMode, {
    trees: new Map<string, vscode.TreeDataProvider<unknown>>([
      [ORG_USERS_VIEW, users.orgUsers],
      [PROJECT_USERS_VIEW, users.projectUsers],
      [ROLES_VIEW, users.roles],
      [PERMISSIONS_VIEW_ID, permissions.tree],
    ]),
    ui: testUi,
    globalState: context.globalState,
    profiles: profilesCtx.profiles,
    accounts,
    profileStatusBar: statusBar,
    users,
    permissions,
    registry,
  } satisfies TestApi);
}

/** Everything is disposed through context.subscriptions; what must finish first (a clipboard clear) is awaited here. */
export function deactivate(): Promise<void> {
  return runFinishers();
}
