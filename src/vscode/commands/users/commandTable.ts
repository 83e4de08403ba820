import * as vscode from 'vscode';

/* eslint-disable @typescript-eslint/no-explicit-any -- command arguments are whatever the caller passed */
export type CommandHandler = (...args: any[]) => unknown;
/* eslint-enable @typescript-eslint/no-explicit-any */

/**
 * Handlers of the users, roles and export commands. The commands themselves are registered at activation by
 * src/vscode/usersFeature.ts (before dist/users.js is loaded) and forward here; registering them again from the
 * chunk would fail ("command already exists").
 */
export const usersCommandHandlers = new Map<string, CommandHandler>();

/** Same shape as vscode.commands.registerCommand: the returned disposable removes the handler. */
export function registerCommand(id: string, handler: CommandHandler): vscode.Disposable {
  usersCommandHandlers.set(id, handler);
  return new vscode.Disposable(() => {
    if (usersCommandHandlers.get(id) === handler) usersCommandHandlers.delete(id);
  });
}
