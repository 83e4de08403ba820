import type * as vscode from 'vscode';
import type { Log } from './log';
import type { ActiveProfile } from './services';
import type { Ui } from './ui';

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
