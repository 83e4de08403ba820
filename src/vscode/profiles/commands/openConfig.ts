import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { Command } from '../../shared/commands';
import type { ProfilesContext } from '../context';
import { ADD_PROFILE } from '../keys';

/** "coScene: Open cocli Config": opens the file (never creates it); when it is invalid, the cursor goes to the offending line. */
export const openConfig: Command<ProfilesContext> = async ({ profiles, ui }) => {
  await profiles.ready;
  const file = profiles.configPath();
  if (!fs.existsSync(file)) {
    const add = vscode.l10n.t('Add Profile…');
    const answer = await ui.showInformationMessage(
      vscode.l10n.t('There is no cocli config at {0}. Run "cocli login add" in a terminal, or add a profile in VS Code.', file),
      add,
    );
    if (answer === add) await vscode.commands.executeCommand(ADD_PROFILE);
    return;
  }
  const error = profiles.configError();
  const at = error && error.filePath === file ? new vscode.Position(Math.max(0, error.line - 1), Math.max(0, error.column - 1)) : undefined;
  await vscode.window.showTextDocument(vscode.Uri.file(file), {
    preview: false,
    ...(at ? { selection: new vscode.Range(at, at) } : {}),
  });
};
