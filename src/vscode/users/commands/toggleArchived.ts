import * as vscode from 'vscode';
import type { CommandHandler } from '../../shared/commands';
import { PROJECT_ARCHIVED_CONTEXT_KEY } from '../keys';
import type { UsersViews } from '../views/usersViews';

/** "Show Archived Projects" / "Hide Archived Projects" in the Project Users view title. */
export function setArchivedShown(views: UsersViews, shown: boolean): CommandHandler {
  return async () => {
    views.project.includeArchived = shown;
    await vscode.commands.executeCommand('setContext', PROJECT_ARCHIVED_CONTEXT_KEY, shown);
    views.projectUsers.refresh();
  };
}
