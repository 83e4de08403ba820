import * as vscode from 'vscode';
import { reportError } from './errors';
import type { FeatureContext } from './featureContext';
import type { Log } from './log';

/* eslint-disable @typescript-eslint/no-explicit-any -- command arguments are whatever the caller passed */
export type CommandHandler = (...args: any[]) => unknown;
/* eslint-enable @typescript-eslint/no-explicit-any */

/**
 * A feature's commands: every id the feature declares (its `*_COMMANDS` list, checked against package.json by
 * test/unit/vscode/commandTables.test.ts) maps to exactly one handler; a missing or extra id does not compile.
 */
export type CommandTable<Id extends string> = Record<Id, CommandHandler>;

/**
 * A command: its feature's context, then what VS Code passes when it runs from a tree item's menu (the node; nothing
 * from the palette). It asks through `ctx.ui` and throws on failure; it returns nothing to its caller, since any
 * extension can run our commands and a result would hand it data without the user.
 */
export type Command<C extends FeatureContext> = (ctx: C, ...treeArgs: unknown[]) => Promise<void>;

/** A feature's commands, one per id of its `*_COMMANDS` list (a missing or extra id does not compile). */
export type FeatureCommands<Id extends string, C extends FeatureContext> = Record<Id, Command<C>>;

/**
 * Registers a feature's commands. This is the one place that reports a command's failure: logged, one notification
 * with the error's actions, Retry (the same command with the same tree item) and Show Logs. Cancelling (AbortError)
 * is silent.
 */
export function registerFeatureCommands<Id extends string, C extends FeatureContext>(
  ctx: C,
  table: FeatureCommands<Id, C>,
): vscode.Disposable[] {
  return Object.entries<Command<C>>(table).map(([id, command]) => {
    const run = async (...treeArgs: unknown[]): Promise<void> => {
      try {
        await command(ctx, ...treeArgs);
      } catch (err) {
        reportError(ctx, `Command ${id} failed`, err, () => run(...treeArgs));
      }
    };
    return vscode.commands.registerCommand(id, async (...treeArgs: unknown[]) => {
      await run(...treeArgs);
    });
  });
}

/**
 * Legacy (being replaced by registerFeatureCommands): registers a feature's table. A handler that throws is reported once (reportError, without waiting for the
 * notification) and its command resolves to undefined; handlers that report their own failures return normally.
 * Outside test mode (`returnResults` false) a command returns nothing to its caller: any extension can run our
 * commands, and a result (user details, a scan's memberships, a credential) would hand it data without the user.
 */
export function registerCommands<Id extends string>(log: Log, table: CommandTable<Id>, returnResults: boolean): vscode.Disposable[] {
  return Object.entries<CommandHandler>(table).map(([id, handler]) =>
    vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      try {
        const result: unknown = await handler(...args);
        return returnResults ? result : undefined;
      } catch (err) {
        reportError(log, `Command ${id} failed`, err);
        return undefined;
      }
    }),
  );
}

/** Runs `work` with an AbortSignal that follows `token`; the token listener is disposed when `work` settles. */
export async function withAbortSignal<T>(token: vscode.CancellationToken, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  if (token.isCancellationRequested) controller.abort();
  const subscription = token.onCancellationRequested(() => controller.abort());
  try {
    return await work(controller.signal);
  } finally {
    subscription.dispose();
  }
}
