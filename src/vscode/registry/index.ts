import * as vscode from 'vscode';
import { ClipboardExpiry } from '../../core/clipboardExpiry';
import type { StoredCredential } from '../../core/registry/storedCredential';
import { type FeatureCommands, registerFeatureCommands } from '../shared/commands';
import { finishBeforeDeactivate } from '../shared/deactivation';
import type { FeatureContext } from '../shared/featureContext';
import { Secrets } from '../shared/secrets';
import { CommandTerminal } from './commandTerminal';
import { createCredential } from './commands/createCredential';
import { forgetCredential } from './commands/forgetCredential';
import { logIn } from './commands/login';
import { logOut } from './commands/logout';
import { showActions } from './commands/showActions';
import { CredentialDocuments } from './credentialDocument';
import { RegistryCredentials } from './credentials';
import {
  REGISTRY_CREATE_CREDENTIAL,
  REGISTRY_FORGET_CREDENTIAL,
  REGISTRY_LOGIN,
  REGISTRY_LOGOUT,
  REGISTRY_SHOW_ACTIONS,
  type RegistryCommandId,
} from './keys';
import { LoginState, type RegistryLogin } from './loginState';
import type { RegistryContext } from './registryContext';

/** The test API's `registry` field: what the integration tests inspect. Nothing in it reveals the password. */
export interface RegistryFeatureApi {
  /** Everything the registry terminal showed (command lines, client output, exit codes), without colour codes. */
  terminalText(): string;
  /** The last login, as the status bar shows it. */
  login(): RegistryLogin | undefined;
  statusBar(): { visible: boolean; text: string; tooltip: string; command?: string };
  /** What a window reload does: keeps the remembered login only while the client's login store holds it. */
  verifyLogin(): Promise<boolean>;
  /** Username, host and scope of the stored credential, if any (never its password). */
  storedCredential(): Promise<Omit<StoredCredential, 'password'> | undefined>;
}

const COMMANDS: FeatureCommands<RegistryCommandId, RegistryContext> = {
  [REGISTRY_LOGIN]: logIn,
  [REGISTRY_LOGOUT]: logOut,
  [REGISTRY_CREATE_CREDENTIAL]: createCredential,
  [REGISTRY_FORGET_CREDENTIAL]: forgetCredential,
  [REGISTRY_SHOW_ACTIONS]: showActions,
};

/** Container registry login/logout and temporary credentials: commands, their terminal and the status bar item. */
export function registerRegistryFeature(feature: FeatureContext): RegistryFeatureApi {
  const { extension, ui } = feature;
  // Through the window's clipboard as it is when the password is copied or cleared (the tests' one in test mode).
  const clipboard = new ClipboardExpiry({
    readText: () => ui.clipboard.readText(),
    writeText: (value) => ui.clipboard.writeText(value),
  });
  const ctx: RegistryContext = {
    ...feature,
    terminal: new CommandTerminal(vscode.l10n.t('coScene Container Registry')),
    state: new LoginState(extension.globalState),
    credentials: new RegistryCredentials(new Secrets(extension.secrets), extension.globalState),
    clipboard,
    documents: new CredentialDocuments(),
  };
  extension.subscriptions.push(
    ctx.terminal,
    ctx.state,
    ctx.documents,
    clipboard,
    finishBeforeDeactivate(() => clipboard.clear()), // a password copied less than a minute ago leaves with the window
    ...registerFeatureCommands(ctx, COMMANDS),
  );

  // After a reload: a login removed outside VS Code (docker logout in a shell) is not shown as current.
  void ctx.state.verify().catch((err: unknown) => feature.log.warn(`Registry login check failed: ${String(err)}`));

  return {
    terminalText: () => ctx.terminal.text(),
    login: () => ctx.state.current(),
    statusBar: () => ctx.state.statusBar(),
    verifyLogin: () => ctx.state.verify(),
    storedCredential: async () => {
      const stored = await ctx.credentials.stored();
      if (!stored) return undefined;
      const { password: _password, ...info } = stored;
      return info;
    },
  };
}
