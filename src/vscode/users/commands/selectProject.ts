import * as vscode from 'vscode';
import type { CommandHandler } from '../../shared/commands';
import { CosceneApiError } from '../../../core/coscene/apiErrors';
import { reportError } from '../../shared/errors';
import type { UsersViews } from '../views/usersViews';

/** "Select Project…": another project slug for the Project Users view, checked with GetProject first. */
export function selectProject(views: UsersViews): CommandHandler {
  const run = async (slugArg?: string): Promise<string | undefined> => {
    const slug = (typeof slugArg === 'string'
      ? slugArg
      : await vscode.window.showInputBox({
          title: vscode.l10n.t('Select Project'),
          prompt: vscode.l10n.t('Project slug (or ID) whose users to list'),
          value: views.project.slug ?? '',
          validateInput: (v) => (v.trim() === '' ? vscode.l10n.t('Enter a project slug') : undefined),
        }))?.trim().replace(/^projects\//, '');
    if (!slug) return undefined;
    try {
      const api = await views.services.profiles.api();
      const project = await api.getProject(slug);
      views.project.select(slug);
      views.project.remember(slug, project.name);
      views.projectUsers.refresh();
      return project.name;
    } catch (err) {
      if (err instanceof CosceneApiError && (err.code === 'not_found' || err.code === 'permission_denied')) {
        void vscode.window.showWarningMessage(vscode.l10n.t('Project not found or not accessible: {0}', slug));
        return undefined;
      }
      reportError(views.services.log, `GetProject ${slug} failed`, err, () => run(slug));
      return undefined;
    }
  };
  return run;
}
