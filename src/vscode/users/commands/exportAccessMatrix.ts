import * as vscode from 'vscode';
import { filterAccessMatrix, roleCodesIn, type MatrixFilter } from '../../../core/access/matrix';
import { ACCESS_FORMATS, accessFileExtension, formatAccessMatrix, type AccessFormat } from '../../../core/format/access';
import { datedFileName } from '../../../core/format/exportName';
import type { Command } from '../../shared/commands';
import { localize } from '../../shared/errors';
import type { Ui } from '../../shared/ui';
import { pickTargetFor, writeText } from '../exportDestination';
import { exportFacts, organizationSlug } from '../exportFacts';
import type { UsersContext } from '../usersContext';

const LANGUAGE: Record<AccessFormat, string> = { csv: 'csv', markdown: 'markdown', json: 'json', yaml: 'yaml' };

/** The value of the "inactive users who still hold a role" item among the role codes (no role code has a space). */
const INACTIVE_WITH_ROLE = ' inactive-with-role';

/**
 * "coScene: Export Access Matrix…": users × projects with the role code in each cell and the organization role,
 * as CSV, Markdown, JSON or YAML, filtered by role code (or to inactive users who still hold a role) and project, to
 * an editor or a dated file (`access-matrix-<org>-<yyyymmdd-HHmm>.<ext>`). JSON, YAML and Markdown start with what
 * was read where, when and with which filters.
 */
export const exportAccessMatrix: Command<UsersContext> = (ctx) => exportMatrixOf(ctx, undefined);

/** The matrix export; `onlyProject` (a project row's "Access Matrix for This Project…") fixes the project filter. */
export async function exportMatrixOf(ctx: UsersContext, onlyProject: string | undefined): Promise<void> {
  const format = await pickFormat(ctx.ui);
  if (!format) return;
  const includeArchived = ctx.project.includeArchived;
  const full = await ctx.access.matrix(includeArchived);
  const inactive = {
    label: vscode.l10n.t('Inactive users who still hold a role'),
    description: vscode.l10n.t('accounts to clean up'),
    value: INACTIVE_WITH_ROLE,
  };
  const picked = await pickMany(
    ctx.ui,
    [inactive, ...roleCodesIn(full).map((c) => ({ label: c, value: c }))],
    vscode.l10n.t('Only Users with These Roles (none = all)'),
  );
  if (!picked) return;
  const inactiveWithRoleOnly = picked.includes(INACTIVE_WITH_ROLE);
  const roleCodes = picked.filter((c) => c !== INACTIVE_WITH_ROLE);
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
  const filter: MatrixFilter = { roleCodes, projects, inactiveWithRoleOnly };
  const org = await organizationSlug(ctx, await ctx.profiles.api());
  const ext = accessFileExtension(format);
  const target = await pickTargetFor(ctx.ui, datedFileName('access-matrix', org, new Date(full.finishedAt), ext), ext);
  if (!target) return;
  const matrix = filterAccessMatrix(full, filter);
  const facts = exportFacts(ctx, org, full.finishedAt, { roleCodes, projects, includeArchived, inactiveWithRoleOnly });
  await writeText(formatAccessMatrix(matrix, format, localize, facts), LANGUAGE[format], target);
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
