import * as vscode from 'vscode';
import { HUAWEI_SETTINGS_SECTION } from '../keys';

/** The Settings editor filtered to the Huawei Cloud settings (region, CodeArts Artifact and IAM endpoints). */
export async function openSettings(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.openSettings', HUAWEI_SETTINGS_SECTION);
}
