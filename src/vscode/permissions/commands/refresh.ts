import type * as vscode from 'vscode';
import type { PermissionsDeps } from '../deps';

/** coscene.permissions.refresh: everything, or only below the given node (used by error "Retry"). */
export function refresh(deps: PermissionsDeps, node?: vscode.TreeItem): void {
  deps.tree.refresh(node);
}
