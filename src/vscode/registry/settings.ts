import * as vscode from 'vscode';

const section = () => vscode.workspace.getConfiguration('coscene.registry');

/** `coscene.registry.host`, trimmed; '' when unset. */
export function registryHostSetting(): string {
  return (section().get<string>('host') ?? '').trim();
}

/** `coscene.registry.client`: docker (default), podman, or a full path. */
export function clientExecutable(): string {
  return (section().get<string>('client') ?? '').trim() || 'docker';
}

export function credentialLifetimeMinutes(): number {
  const value = section().get<number>('credentialLifetimeMinutes', 30);
  return Number.isFinite(value) ? Math.max(0, value) : 30;
}
