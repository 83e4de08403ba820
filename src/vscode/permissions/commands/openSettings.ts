import * as vscode from 'vscode';

/** The Settings editor filtered to the Huawei Cloud settings (region, CodeArts Artifact and IAM endpoints). */
export async function openSettings(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.openSettings', 'coscene.huawei');
}
