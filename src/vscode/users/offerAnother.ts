import * as vscode from 'vscode';
import { escapeNotificationLinks } from '../../core/text/serverText';

/** A warning (server text in it cannot form links) with a button that asks again; the command does not wait for it (the user may never answer). */
export function offerAnother(message: string, button: string, again: () => unknown): void {
  void vscode.window.showWarningMessage(escapeNotificationLinks(message), button).then((choice) => {
    if (choice === button) void again();
  });
}
