import * as vscode from 'vscode';
import { loadRegistryChunk } from './lazyRegistry';
import type { ActivatedRegistry } from './registryChunk';
import { LAST_LOGIN_STATE_KEY, REGISTRY_COMMANDS } from './registryKeys';
import type { Services } from './services';

export type { RegistryFeatureApi } from './registryChunk';

/**
 * Container registry login/logout and credentials. Only this shell is in dist/extension.js: the implementation
 * (src/vscode/registryChunk.ts, dist/registry.js: terminal, client processes, status bar item) is loaded when a
 * command runs, `api.features.registry` is read, or, after activation, when a login is remembered (status bar).
 */
export function registerRegistryFeature(services: Services): void {
  const { context } = services;
  let activated: ActivatedRegistry | undefined;
  const load = (): ActivatedRegistry => (activated ??= loadRegistryChunk().activateRegistry(services));

  if (context.globalState.get(LAST_LOGIN_STATE_KEY) !== undefined) {
    // The status bar shows the registry last logged in to: after activation, so activation itself stays cheap.
    const timer = setTimeout(() => {
      try {
        load();
      } catch (err) {
        services.log.error('Loading the container registry feature failed', err);
      }
    }, 0);
    context.subscriptions.push({ dispose: () => clearTimeout(timer) });
  }

  context.subscriptions.push(
    ...REGISTRY_COMMANDS.map((id) => vscode.commands.registerCommand(id, (...args: unknown[]) => load().commands[id](...args))),
  );
  Object.defineProperty(services.api.features, 'registry', { enumerable: true, configurable: true, get: () => load().feature });
}
