import * as vscode from 'vscode';
import type { Command } from '../../shared/commands';
import { ErrorNode } from '../../shared/nodes';
import type { ProfilesContext } from '../context';

/**
 * "Copy Error" on an error row of any tree (the users trees, Roles, Repository Permissions): the message shown and the
 * failed request's trace/request id, redacted. Any other argument is ignored.
 */
export const copyError: Command<ProfilesContext> = async (ctx, item) => {
  if (!(item instanceof ErrorNode)) return;
  await ctx.ui.clipboard.writeText(item.report);
  vscode.window.setStatusBarMessage(vscode.l10n.t('Copied the error message'), 3000);
};
