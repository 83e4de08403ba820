import * as vscode from 'vscode';
import { reportError } from '../../shared/errors';
import type { PermissionsDeps } from '../deps';

/** coscene.huawei.signOut: deletes the stored credentials (token, password, AK/SK). */
export async function signOut(deps: PermissionsDeps): Promise<void> {
  try {
    await deps.session.signOut();
  } catch (err) {
    reportError(deps.services.log, 'Huawei Cloud sign-out failed', err);
    return;
  }
  void vscode.window.showInformationMessage(vscode.l10n.t('Signed out of Huawei Cloud.'));
}
