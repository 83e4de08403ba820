import * as vscode from 'vscode';
import type { Command } from '../../shared/commands';
import { copyText } from '../../shared/copyText';
import { ErrorNode } from '../../shared/nodes';
import type { ProfilesContext } from '../context';

/**
 * "Copy Error" on an error row of any tree (the users trees, Roles, Repository Permissions): the message shown and the
 * failed request's trace/request id, redacted. Any other argument is ignored.
 */
export const copyError: Command<ProfilesContext> = async (ctx, item) => {
  if (!(item instanceof ErrorNode)) return;
  await copyText(ctx.ui, item.report, vscode.l10n.t('Copied the error message'));
};
