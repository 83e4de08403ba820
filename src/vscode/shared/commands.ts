import * as vscode from 'vscode';
import { reportError } from './errors';
import type { FeatureContext } from './featureContext';

/**
 * A command: its feature's context, then what VS Code passes when it runs from a tree item's menu (the node; nothing
 * from the palette). It asks through `ctx.ui` and throws on failure; it returns nothing to its caller, since any
 * extension can run our commands and a result would hand it data without the user.
 */
export type Command<C extends FeatureContext> = (ctx: C, ...treeArgs: unknown[]) => Promise<void>;

/**
 * A feature's commands, one per id of its `*_COMMANDS` list (checked against package.json by
 * test/unit/vscode/commandTables.test.ts); a missing or extra id does not compile.
 */
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
