import * as vscode from 'vscode';
import type { CommandHandler } from '../../shared/commands';
import { CosceneApiError } from '../../../core/coscene/apiErrors';
import { userName } from '../../../core/coscene/api';
import { reportError } from '../../shared/errors';
import type { UsersViews } from '../views/usersViews';
import { offerAnother } from '../offerAnother';

export interface GetUserResult {
  document?: vscode.TextDocument;
  /** The message shown instead, when there was no such user. */
  message?: string;
}

/**
 * "coScene: Get User…": a uuid, `users/<uuid>`, or nothing for yourself (cocli's rule). Opens the
 * user's details; not_found gets cocli's explanation instead of an error.
 */
export function getUser(views: UsersViews): CommandHandler {
  const run = async (input?: string): Promise<GetUserResult | undefined> => {
    const raw =
      typeof input === 'string'
        ? input
        : await vscode.window.showInputBox({
            title: vscode.l10n.t('Get User'),
            prompt: vscode.l10n.t('A user ID or users/<id>; leave empty for yourself.'),
            placeHolder: 'users/0b6f4c1e-2d7a-4c39-9f3e-5a1d2b3c4d5e',
          });
    if (raw === undefined) return undefined;
    const name = userName(raw); // what api.getUser sends; shown in messages
    try {
      const api = await views.services.profiles.api();
      const user = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Getting {0}…', name) },
        () => api.getUser(raw), // getUser applies cocli's rule itself: normalising twice would send users/users/…
      );
      return { document: await views.details.showUser(user) };
    } catch (err) {
      if (err instanceof CosceneApiError && err.code === 'not_found') {
        const message =
          name === 'users/current'
            ? vscode.l10n.t('Could not get the current user; enter a user ID')
            : vscode.l10n.t('User not found: {0}', name);
        offerAnother(message, vscode.l10n.t('Try Another ID'), () => run());
        return { message };
      }
      reportError(views.services.log, `GetUser ${name} failed`, err, () => run(raw));
      return undefined;
    }
  };
  return run;
}
