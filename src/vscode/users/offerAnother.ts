import * as vscode from 'vscode';

/** A warning with a button that asks again; the command does not wait for it (the user may never answer). */
export function offerAnother(message: string, button: string, again: () => unknown): void {
  void vscode.window.showWarningMessage(message, button).then((choice) => {
    if (choice === button) void again();
  });
}
