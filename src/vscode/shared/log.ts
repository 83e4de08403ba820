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
    show: () => void revealWhenRegistered(channel, context.extension.id),
  };
}

const REVEAL_POLL_MS = 200;
const REVEAL_WAIT_MS = 15_000;

/**
 * VS Code turns a log channel into an Output channel only once the window has restored
 * (LifecyclePhase.Restored); a reveal before that is dropped without a word, so the first "Show Logs"
 * in a fresh window did nothing. Wait (bounded) until the workbench has registered the channel, which
 * it announces with the channel's own "show" command, then reveal.
 */
async function revealWhenRegistered(channel: vscode.LogOutputChannel, extensionId: string): Promise<void> {
  const deadline = Date.now() + REVEAL_WAIT_MS;
  const isOurs = (id: string) => id.startsWith(`workbench.action.output.show.${extensionId}.`);
  while (Date.now() < deadline && !(await vscode.commands.getCommands(true)).some(isOurs)) {
    await new Promise((resolve) => setTimeout(resolve, REVEAL_POLL_MS));
  }
  channel.show(true);
}
