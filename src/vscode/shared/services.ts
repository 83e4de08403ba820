import type * as vscode from 'vscode';
import type { CosceneApi } from '../../core/coscene/model';
import type { AccessError } from '../../core/errors';
import type { ProfileInfo } from '../../core/profiles/profile';
import type { PermissionsTestApi } from '../permissions';
import type { RegistryFeatureApi } from '../registry';
import type { CosceneAuthProvider } from '../profiles/authProvider';
import type { ProfileService } from '../profiles/profileService';
import type { UsersTestApi } from '../users/usersContext';
import type { FeatureContext } from './featureContext';
import type { Log } from './log';
import type { Ui } from './ui';

/** The active coScene profile, as every view and command sees it. Implemented in profiles/profileService.ts. */
export interface ActiveProfile {
  /** Fires when the active profile changes, its token is replaced, or the cocli file is reloaded. */
  readonly onDidChange: vscode.Event<void>;
  current(): ProfileInfo | undefined;
  /** Set when the cocli config file could not be read or is invalid. */
  configError(): AccessError | undefined;
  /** Client for the active profile. Rejects with an AccessError (action addProfile) when there is none. */
  api(): Promise<CosceneApi>;
  /** Called when the server rejected the active profile's token (status bar turns to warning). */
  markTokenRejected(): void;
}

/**
 * What activate() returns. Integration tests read tree providers (by view id) and other feature objects
 * from here instead of scraping the UI; features add their own entries under `features`.
 */
export interface ExtensionApi {
  readonly trees: Map<string, vscode.TreeDataProvider<unknown>>;
  readonly features: Record<string, unknown>;
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
  readonly users?: UsersTestApi;
}

/** Legacy (being replaced by FeatureContext): built once in activate() and handed to every adapter. */
export interface Services extends FeatureContext {
  readonly context: vscode.ExtensionContext;
  readonly log: Log;
  readonly profiles: ActiveProfile;
  readonly api: ExtensionApi;
  /** Test mode (shared/testMode.ts): command arguments may skip questions and confirmations. */
  readonly acceptScriptedArgs: boolean;
}
