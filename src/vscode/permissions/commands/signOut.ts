import * as vscode from 'vscode';
import type { PermissionsContext } from '../context';

/** coscene.huawei.signOut: deletes the stored credentials (token, password, AK/SK). */
export async function signOut(ctx: PermissionsContext): Promise<void> {
  await ctx.session.signOut();
  void ctx.ui.showInformationMessage(vscode.l10n.t('Signed out of Huawei Cloud.'));
}
