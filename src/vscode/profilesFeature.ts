// PLACEHOLDER (owned by the profiles work, issue 3): replaced by the real profile store.
import * as vscode from 'vscode';
import type { Log } from './log';
import type { ActiveProfile } from './services';
import { AccessError, msg } from '../core/errors';

export function registerProfilesFeature(_context: vscode.ExtensionContext, _log: Log): ActiveProfile {
  const emitter = new vscode.EventEmitter<void>();
  return {
    onDidChange: emitter.event,
    current: () => undefined,
    configError: () => undefined,
    api: () => Promise.reject(new AccessError(msg('No coScene profile yet.'), ['addProfile'])),
    markTokenRejected: () => undefined,
  };
}
