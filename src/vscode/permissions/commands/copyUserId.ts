import { copyText } from '../../shared/copyText';
import type { PermissionsContext } from '../context';
import { UserNode } from '../views/permissionsNodes';

/** coscene.permissions.copyUserId: a Huawei user row's IAM user id to the clipboard (inline and context menu). */
export async function copyUserId(ctx: PermissionsContext, node?: unknown): Promise<void> {
  if (!(node instanceof UserNode)) return;
  await copyText(ctx.ui, node.user.userId);
}
