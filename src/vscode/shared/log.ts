import * as vscode from 'vscode';
import { redact } from '../../core/redact';

/** The "coScene" log channel. Every line goes through redact(): callers cannot forget. */
export interface Log {
  trace(message: string): void;
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string, err?: unknown): void;
  show(): void;
}

export function createLog(context: vscode.ExtensionContext): Log {
  const channel = vscode.window.createOutputChannel('coScene', { log: true });
  context.subscriptions.push(channel);
  const describe = (err: unknown): string => {
    if (err instanceof Error) {
      const detail = (err as { detail?: string }).detail;
      return `${err.name}: ${err.message}${detail ? ` (${detail})` : ''}`;
    }
    return String(err);
  };
  return {
    trace: (m) => channel.trace(redact(m)),
    debug: (m) => channel.debug(redact(m)),
    info: (m) => channel.info(redact(m)),
    warn: (m) => channel.warn(redact(m)),
    error: (m, err) => channel.error(redact(err === undefined ? m : `${m}: ${describe(err)}`)),
    show: () => channel.show(true),
  };
}
