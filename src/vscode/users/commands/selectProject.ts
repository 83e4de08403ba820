import * as vscode from 'vscode';
import { CosceneApiError } from '../../../core/coscene/apiErrors';
import type { Project } from '../../../core/coscene/model';
import type { Command } from '../../shared/commands';
import type { UsersContext } from '../usersContext';

type Pick = vscode.QuickPickItem & { project?: Project; enterSlug?: true };

/**
 * "Select Project…": a quick pick of the projects the profile can see (display name, slug, description; type to
 * filter) plus "Enter a slug…" for one not listed; the project is revealed, selected and expanded in the view.
 */
export const selectProject: Command<UsersContext> = async (ctx) => {
  const cleaned = (await pick(ctx))?.trim().replace(/^projects\//, '');
  if (cleaned) await revealProject(ctx, cleaned);
};

/** The project (slug or id) revealed, selected and expanded in Project Users, which lists it from now on. */
export async function revealProject(ctx: UsersContext, cleaned: string): Promise<void> {
  try {
    const item = await ctx.projectUsers.projectItem(cleaned);
    if (!item) return;
    ctx.project.select(item.project.slug || cleaned, item.project.name);
    await ctx.projectView.reveal(item, { expand: true, select: true, focus: true });
  } catch (err) {
    if (err instanceof CosceneApiError && (err.code === 'not_found' || err.code === 'permission_denied')) {
      void ctx.ui.showWarningMessage(vscode.l10n.t('Project not found or not accessible: {0}', cleaned));
      return;
    }
    throw err;
  }
}

async function pick(ctx: UsersContext): Promise<string | undefined> {
  const enter: Pick = { label: `$(edit) ${vscode.l10n.t('Enter a slug…')}`, alwaysShow: true, enterSlug: true };
  const projects = ctx.projectUsers.loadedProjects().then((list) =>
    list.map((p): Pick => ({
      label: p.displayName || p.slug,
      description: p.archived ? `${p.slug} · ${vscode.l10n.t('archived')}` : p.slug,
      detail: p.description || undefined,
      project: p,
    })),
  );
  const chosen = await ctx.ui.showLoadingQuickPick([enter], projects, {
    title: vscode.l10n.t('Select Project'),
    placeHolder: vscode.l10n.t('Type to filter by name, slug or description'),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (!chosen) return undefined;
  if (chosen.project) return chosen.project.slug || chosen.project.name;
  return ctx.ui.showInputBox({
    title: vscode.l10n.t('Select Project'),
    prompt: vscode.l10n.t('Project slug (or ID) whose users to list'),
    value: ctx.project.slug ?? '',
    validateInput: (v) => (v.trim() === '' ? vscode.l10n.t('Enter a project slug') : undefined),
  });
}
