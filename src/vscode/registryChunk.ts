import type { StoredCredential } from '../core/registry/storedCredential';
import { CreateCredentialArgs, createCredential } from './commands/registry/createCredential';
import { CredentialDocuments } from './commands/registry/credentialDocument';
import { RegistryCredentials } from './commands/registry/credentials';
import { forgetCredential } from './commands/registry/forgetCredential';
import { logIn } from './commands/registry/login';
import { LoginState, RegistryLogin } from './commands/registry/loginState';
import { logOut } from './commands/registry/logout';
import type { Notice, RegistryContext } from './commands/registry/registryContext';
import type { RegistryCommandId } from './registryKeys';
import { Secrets } from './secrets';
import type { Services } from './services';
import { CommandTerminal } from './terminal/commandTerminal';

/**
 * Entry of dist/registry.js: the container registry commands, their terminal and the status bar item, required on
 * first use by src/vscode/lazyRegistry.ts. Everything it imports from outside the feature's own folders comes from
 * dist/extension.js at run time (esbuild.mjs, LAZY_CHUNKS).
 */

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

export interface ActivatedRegistry {
  feature: RegistryFeatureApi;
  commands: Record<RegistryCommandId, (...args: unknown[]) => unknown>;
}

/** Builds the feature (and its status bar item). Disposables go to `services.context.subscriptions`. */
export function activateRegistry(services: Services): ActivatedRegistry {
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
  context.subscriptions.push(terminal, state, docs);
  const commands: ActivatedRegistry['commands'] = {
    'coscene.registry.login': () => logIn(ctx),
    'coscene.registry.logout': () => logOut(ctx),
    'coscene.registry.createCredential': (args?: unknown) => createCredential(ctx, docs, args as CreateCredentialArgs | undefined),
    'coscene.registry.forgetCredential': () => forgetCredential(ctx),
  };
  const feature: RegistryFeatureApi = {
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
  return { feature, commands };
}
