import * as vscode from 'vscode';
import type { PermissionsContext } from '../context';
import { UserNode } from '../views/permissionsNodes';

/** coscene.permissions.copyUserId: a Huawei user row's IAM user id to the clipboard (inline and context menu). */
export async function copyUserId(ctx: PermissionsContext, node?: unknown): Promise<void> {
  if (!(node instanceof UserNode)) return;
  await ctx.ui.clipboard.writeText(node.user.userId);
  vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', node.user.userId), 3000);
}
