import { escapeNotificationLinks } from '../../core/text/serverText';
import type { Ui } from '../shared/ui';

/** A warning (server text in it cannot form links) with a button that asks again; the command does not wait for it (the user may never answer). */
export function offerAnother(ui: Ui, message: string, button: string, again: () => unknown): void {
  void ui.showWarningMessage(escapeNotificationLinks(message), button).then((choice) => {
    if (choice === button) void again();
  });
}
