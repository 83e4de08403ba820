import * as vscode from 'vscode';
import { REGISTRY_SETTINGS_SECTION } from './keys';

const section = () => vscode.workspace.getConfiguration(REGISTRY_SETTINGS_SECTION);

/** `coscene.registry.host`, trimmed; '' when unset. */
export function registryHostSetting(): string {
  return (section().get<string>('host') ?? '').trim();
}

/** `coscene.registry.client`: docker (default), podman, or a full path. */
export function clientExecutable(): string {
  return (section().get<string>('client') ?? '').trim() || 'docker';
}

/** 0 (the default): a new credential for every login, as `cocli registry login`; reuse only for a lifetime the user sets. */
export function credentialLifetimeMinutes(): number {
  const value = section().get<number>('credentialLifetimeMinutes', 0);
  return Number.isFinite(value) ? Math.max(0, value) : 0;
}
