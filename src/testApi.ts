import type * as vscode from 'vscode';
import type { PermissionsTestApi } from './vscode/permissions';
import type { CosceneAuthProvider } from './vscode/profiles/authProvider';
import type { ProfileService } from './vscode/profiles/profileService';
import type { RegistryFeatureApi } from './vscode/registry';
import type { Ui } from './vscode/shared/ui';
import type { UsersTestApi } from './vscode/users/usersContext';

/**
 * What activate() returns in test mode only (shared/exports.ts): what the integration tests drive and inspect instead
 * of scraping the UI. Each feature's part is typed by that feature.
 */
export interface TestApi {
  /** Tree providers by view id. */
  readonly trees: ReadonlyMap<string, vscode.TreeDataProvider<unknown>>;
  /** Replaces the window every question and notification goes to (undefined: VS Code's window again). */
  readonly ui: { use(ui: Ui | undefined): void };
  /** The extension's globalState (tests check that no secret ends up there). */
  readonly globalState: vscode.Memento;
  /** Repository Permissions: the Huawei session, the tree, the matrix panel, the view's description. */
  readonly permissions: PermissionsTestApi;
  /** The container registry: terminal text, login state, status bar, stored credential (never its password). */
  readonly registry: RegistryFeatureApi;
  /** Every coScene profile and the active one (`ready`, `current()`, `list()`, `api()`, …). */
  readonly profiles: ProfileService;
  /** The Accounts menu's authentication provider `coscene` (its sessions, Sign Out). */
  readonly accounts: CosceneAuthProvider;
  /** The profile status bar item (its text, tooltip and background as drawn). */
  readonly profileStatusBar: vscode.StatusBarItem;
  /** Users & roles: the trees, their views, the access panel's last content and the last exported matrix. */
  readonly users: UsersTestApi;
}
