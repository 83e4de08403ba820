import * as vscode from 'vscode';
import { ClipboardExpiry } from '../../core/clipboardExpiry';
import { finishBeforeDeactivate } from '../shared/deactivation';
import type { StoredCredential } from '../../core/registry/storedCredential';
import { CommandTable, registerCommands } from '../shared/commands';
import { Secrets } from '../shared/secrets';
import type { Services } from '../shared/services';
import { CommandTerminal } from './commandTerminal';
import { CreateCredentialArgs, createCredential } from './commands/createCredential';
import { forgetCredential } from './commands/forgetCredential';
import { logIn } from './commands/login';
import { logOut } from './commands/logout';
import { CredentialDocuments } from './credentialDocument';
import { RegistryCredentials } from './credentials';
import type { RegistryCommandId } from './keys';
import { LoginState, RegistryLogin } from './loginState';
import { askShowPassword, type Notice, type RegistryContext } from './registryContext';

/** `api.features.registry`, read by the integration tests. Nothing in it reveals the password. */
export interface RegistryFeatureApi {
  terminalText(): string;
  /** argv of each client process started, executable first. */
  spawned(): readonly (readonly string[])[];
  lastNotice(): Notice | undefined;
  login(): RegistryLogin | undefined;
  statusBar(): { visible: boolean; text: string; tooltip: string };
  /**
   * Answers the "show the password in an editor?" prompt with `answer` instead of showing it (undefined: show it
   * again). Returns how many times the prompt was asked since the last call.
   */
  answerShowPassword(answer: boolean | undefined): number;
  /** Username and host of the stored credential, if any. */
  storedCredential(): Promise<Omit<StoredCredential, 'password'> | undefined>;
}

/** Container registry login/logout and temporary credentials: commands, their terminal and the status bar item. */
export function registerRegistryFeature(services: Services): RegistryFeatureApi {
  const { context } = services;
  const terminal = new CommandTerminal('coScene Registry');
  const state = new LoginState(context.globalState);
  const docs = new CredentialDocuments();
  const clipboard = new ClipboardExpiry(vscode.env.clipboard);
  let showPasswordAnswer: boolean | undefined;
  let showPasswordAsked = 0;
  const ctx: RegistryContext = {
    services,
    terminal,
    state,
    credentials: new RegistryCredentials(new Secrets(context.secrets), context.globalState),
    spawned: [],
    clipboard,
    confirmShowPassword: async (username) => {
      showPasswordAsked++;
      return showPasswordAnswer ?? askShowPassword(username);
    },
  };
  const commands: CommandTable<RegistryCommandId> = {
    'coscene.registry.login': () => logIn(ctx),
    'coscene.registry.logout': () => logOut(ctx),
    'coscene.registry.createCredential': (args?: CreateCredentialArgs) => createCredential(ctx, docs, args),
    'coscene.registry.forgetCredential': () => forgetCredential(ctx),
  };
  context.subscriptions.push(
    terminal,
    state,
    docs,
    clipboard,
    finishBeforeDeactivate(() => clipboard.clear()), // a password copied less than a minute ago leaves with the window
    ...registerCommands(services.log, commands, services.acceptScriptedArgs),
  );

  const feature: RegistryFeatureApi = {
    terminalText: () => terminal.text(),
    spawned: () => ctx.spawned,
    lastNotice: () => ctx.lastNotice,
    login: () => state.current(),
    statusBar: () => state.statusBar(),
    answerShowPassword: (answer) => {
      showPasswordAnswer = answer;
      const asked = showPasswordAsked;
      showPasswordAsked = 0;
      return asked;
    },
    storedCredential: async () => {
      const stored = await ctx.credentials.stored();
      if (!stored) return undefined;
      const { password: _password, ...info } = stored;
      return info;
    },
  };
  services.api.features.registry = feature;
  return feature;
}
