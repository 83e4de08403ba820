import * as vscode from 'vscode';
import type { CommandHandler } from '../../shared/commands';
import { CosceneApiError } from '../../../core/coscene/apiErrors';
import type { Project } from '../../../core/coscene/model';
import { reportError } from '../../shared/errors';
import type { UsersViews } from '../views/usersViews';

type Pick = vscode.QuickPickItem & { project?: Project; enterSlug?: true };

/**
 * "Select Project…": a quick pick of the projects the profile can see (display name, slug, description; type to
 * filter) plus "Enter a slug…" for one not listed; the project is revealed, selected and expanded in the view.
 */
export function selectProject(views: UsersViews): CommandHandler {
  const run = async (slugArg?: string): Promise<string | undefined> => {
    const slug = typeof slugArg === 'string' ? slugArg : await pick(views);
    const cleaned = slug?.trim().replace(/^projects\//, '');
    if (!cleaned) return undefined;
    try {
      const item = await views.projectUsers.projectItem(cleaned);
      if (!item) return undefined;
      views.project.select(item.project.slug || cleaned);
      views.project.remember(item.project.slug || cleaned, item.project.name);
      await views.projectView.reveal(item, { expand: true, select: true, focus: true });
      return item.project.name;
    } catch (err) {
      if (err instanceof CosceneApiError && (err.code === 'not_found' || err.code === 'permission_denied')) {
        void vscode.window.showWarningMessage(vscode.l10n.t('Project not found or not accessible: {0}', cleaned));
        return undefined;
      }
      reportError(views.services.log, `GetProject ${cleaned} failed`, err, () => run(cleaned));
      return undefined;
    }
  };
  return run;
}

async function pick(views: UsersViews): Promise<string | undefined> {
  const quickPick = vscode.window.createQuickPick<Pick>();
  quickPick.title = vscode.l10n.t('Select Project');
  quickPick.placeholder = vscode.l10n.t('Type to filter by name, slug or description');
  quickPick.matchOnDescription = true;
  quickPick.matchOnDetail = true;
  const enter: Pick = { label: `$(edit) ${vscode.l10n.t('Enter a slug…')}`, alwaysShow: true, enterSlug: true };
  quickPick.items = [enter];
  quickPick.busy = true;
  quickPick.show();
  views.projectUsers.loadedProjects().then(
    (projects) => {
      quickPick.items = [
        ...projects.map((p): Pick => ({
          label: p.displayName || p.slug,
          description: p.archived ? `${p.slug} · ${vscode.l10n.t('archived')}` : p.slug,
          detail: p.description || undefined,
          project: p,
        })),
        enter,
      ];
      quickPick.busy = false;
    },
    () => (quickPick.busy = false),
  );
  const chosen = await new Promise<Pick | undefined>((resolve) => {
    quickPick.onDidAccept(() => resolve(quickPick.selectedItems[0]));
    quickPick.onDidHide(() => resolve(undefined));
  });
  quickPick.dispose();
  if (!chosen) return undefined;
  if (chosen.project) return chosen.project.slug || chosen.project.name;
  return vscode.window.showInputBox({
    title: vscode.l10n.t('Select Project'),
    prompt: vscode.l10n.t('Project slug (or ID) whose users to list'),
    value: views.project.slug ?? '',
    validateInput: (v) => (v.trim() === '' ? vscode.l10n.t('Enter a project slug') : undefined),
  });
}
