import * as vscode from 'vscode';
import { userName } from '../../../core/coscene/api';
import { CosceneApiError } from '../../../core/coscene/apiErrors';
import type { Command } from '../../shared/commands';
import { USERS_COMMAND } from '../keys';
import { offerAnother } from '../offerAnother';
import type { UsersContext } from '../usersContext';

/**
 * "coScene: Get User…": a uuid, `users/<uuid>`, or nothing for yourself (cocli's rule). Opens the user's details;
 * not_found gets cocli's explanation (with "Try Another ID") instead of an error.
 */
export const getUser: Command<UsersContext> = async (ctx) => {
  const raw = await ctx.ui.showInputBox({
    title: vscode.l10n.t('Show User Details'),
    prompt: vscode.l10n.t('A user ID or users/<id>; leave empty for yourself.'),
    placeHolder: 'users/0b6f4c1e-2d7a-4c39-9f3e-5a1d2b3c4d5e',
  });
  if (raw === undefined) return;
  const name = userName(raw); // what api.getUser sends; shown in messages
  try {
    const api = await ctx.profiles.api();
    const user = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Getting {0}…', name) },
      () => api.getUser(raw), // getUser applies cocli's rule itself: normalising twice would send users/users/…
    );
    await ctx.details.showUser(user);
  } catch (err) {
    if (!(err instanceof CosceneApiError && err.code === 'not_found')) throw err;
    const message =
      name === 'users/current'
        ? vscode.l10n.t('Could not get the current user; enter a user ID')
        : vscode.l10n.t('User not found: {0}', name);
    offerAnother(ctx.ui, message, vscode.l10n.t('Try Another ID'), () => vscode.commands.executeCommand(USERS_COMMAND.getUser));
  }
};
