import * as vscode from 'vscode';
import type { StoredCredential } from '../core/registry/storedCredential';
import { CreateCredentialArgs, createCredential } from './commands/registry/createCredential';
import { CredentialDocuments } from './commands/registry/credentialDocument';
import { RegistryCredentials } from './commands/registry/credentials';
import { forgetCredential } from './commands/registry/forgetCredential';
import { logIn } from './commands/registry/login';
import { LoginState, RegistryLogin } from './commands/registry/loginState';
import { logOut } from './commands/registry/logout';
import type { Notice, RegistryContext } from './commands/registry/registryContext';
import { Secrets } from './secrets';
import type { Services } from './services';
import { CommandTerminal } from './terminal/commandTerminal';

/** `api.features.registry`, read by the integration tests. Nothing in it reveals the password. */
export interface RegistryFeatureApi {
  terminalText(): string;
  /** argv of each client process started, executable first. */
  spawned(): readonly (readonly string[])[];
  lastNotice(): Notice | undefined;
  login(): RegistryLogin | undefined;
  statusBar(): { visible: boolean; text: string; tooltip: string };
  /** Username and host of the stored credential, if any. */
  storedCredential(): Promise<Omit<StoredCredential, 'password'> | undefined>;
}

export function registerRegistryFeature(services: Services): void {
  const { context } = services;
  const terminal = new CommandTerminal('coScene Registry');
  const state = new LoginState(context.globalState);
  const docs = new CredentialDocuments();
  const ctx: RegistryContext = {
    services,
    terminal,
    state,
    credentials: new RegistryCredentials(new Secrets(context.secrets), context.globalState),
    spawned: [],
  };
  context.subscriptions.push(
    terminal,
    state,
    docs,
    vscode.commands.registerCommand('coscene.registry.login', () => logIn(ctx)),
    vscode.commands.registerCommand('coscene.registry.logout', () => logOut(ctx)),
    vscode.commands.registerCommand('coscene.registry.createCredential', (args?: CreateCredentialArgs) => createCredential(ctx, docs, args)),
    vscode.commands.registerCommand('coscene.registry.forgetCredential', () => forgetCredential(ctx)),
  );
  const api: RegistryFeatureApi = {
    terminalText: () => terminal.text(),
    spawned: () => ctx.spawned,
    lastNotice: () => ctx.lastNotice,
    login: () => state.current(),
    statusBar: () => state.statusBar(),
    storedCredential: async () => {
      const stored = await ctx.credentials.stored();
      if (!stored) return undefined;
      const { password: _password, ...info } = stored;
      return info;
    },
  };
  services.api.features.registry = api;
}
