import * as vscode from 'vscode';
import { filterAccessMatrix, roleCodesIn, type MatrixFilter } from '../../../core/access/matrix';
import { ACCESS_FORMATS, accessFileExtension, formatAccessMatrix, type AccessFormat } from '../../../core/format/access';
import type { Command } from '../../shared/commands';
import { localize } from '../../shared/errors';
import type { Ui } from '../../shared/ui';
import { pickTargetFor, writeText } from '../exportDestination';
import type { UsersContext } from '../usersContext';

const LANGUAGE: Record<AccessFormat, string> = { csv: 'csv', markdown: 'markdown', json: 'json', yaml: 'yaml' };

/**
 * "coScene: Export Access Matrix…": users × projects with the role code in each cell and the organization role,
 * as CSV, Markdown, JSON or YAML, filtered by role code and project, to an editor or a file.
 */
export const exportAccessMatrix: Command<UsersContext> = (ctx) => exportMatrixOf(ctx, undefined);

/** The matrix export; `onlyProject` (a project row's "Access Matrix for This Project…") fixes the project filter. */
export async function exportMatrixOf(ctx: UsersContext, onlyProject: string | undefined): Promise<void> {
  const format = await pickFormat(ctx.ui);
  if (!format) return;
  const full = await ctx.access.matrix(ctx.project.includeArchived);
  const roleCodes = await pickMany(
    ctx.ui,
    roleCodesIn(full).map((c) => ({ label: c, value: c })),
    vscode.l10n.t('Only Users with These Roles (none = all)'),
  );
  if (!roleCodes) return;
  const projects =
    onlyProject !== undefined
      ? [onlyProject]
      : await pickMany(
          ctx.ui,
          full.projects.map((p) => ({
            label: p.project.displayName || p.project.slug,
            description: p.project.slug,
            value: p.project.slug,
          })),
          vscode.l10n.t('Only These Projects (none = all)'),
        );
  if (!projects) return;
  const filter: MatrixFilter = { roleCodes, projects };
  const target = await pickTargetFor(ctx.ui, ['access-matrix', onlyProject].filter(Boolean).join('-'), accessFileExtension(format));
  if (!target) return;
  const matrix = filterAccessMatrix(full, filter);
  await writeText(formatAccessMatrix(matrix, format, localize), LANGUAGE[format], target);
  ctx.lastMatrix = matrix;
}

async function pickFormat(ui: Ui): Promise<AccessFormat | undefined> {
  const items = ACCESS_FORMATS.map((f) => ({ label: f === 'markdown' ? 'Markdown' : f.toUpperCase(), format: f }));
  return (await ui.showQuickPick(items, { title: vscode.l10n.t('Export Format') }))?.format;
}

/** undefined when cancelled; [] when nothing was picked (= no filter). */
async function pickMany(
  ui: Ui,
  items: { label: string; description?: string; value: string }[],
  title: string,
): Promise<string[] | undefined> {
  if (items.length === 0) return [];
  const picked = await ui.showQuickPickMany(items, { title, matchOnDescription: true });
  return picked?.map((p) => p.value);
}
