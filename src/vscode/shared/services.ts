import type * as vscode from 'vscode';
import type { CosceneApi } from '../../core/coscene/model';
import type { AccessError } from '../../core/errors';
import type { ProfileInfo } from '../../core/profiles/profile';
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
