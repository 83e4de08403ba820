import type * as vscode from 'vscode';
import type { CosceneApi } from '../../core/coscene/model';
import type { AccessError } from '../../core/errors';
import type { ProfileInfo } from '../../core/profiles/profile';
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
 * What every feature's commands and views work with. Each feature's `index.ts` builds its own context by extending
 * this one (`UsersContext`, `PermissionsContext`, `RegistryContext`, `ProfilesContext`) with the objects of that
 * feature, and hands it to every command as its first argument.
 */
export interface FeatureContext {
  readonly extension: vscode.ExtensionContext;
  readonly log: Log;
  /** Every question and notification goes through here (tests install a scripted one). */
  readonly ui: Ui;
  readonly profiles: ActiveProfile;
}
