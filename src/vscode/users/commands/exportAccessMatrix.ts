import * as vscode from 'vscode';
import { filterAccessMatrix, roleCodesIn, type AccessMatrix, type MatrixFilter } from '../../../core/access/matrix';
import { ACCESS_FORMATS, accessFileExtension, formatAccessMatrix, type AccessFormat } from '../../../core/format/access';
import type { CommandHandler } from '../../shared/commands';
import { localize, reportError } from '../../shared/errors';
import { scriptedArgs } from '../../shared/testMode';
import type { AccessRunner } from '../access/accessRunner';
import { ExportTarget, pickTargetFor, writeText } from '../exportDestination';
import type { UsersViews } from '../views/usersViews';

export interface ExportAccessArgs {
  format?: AccessFormat;
  target?: ExportTarget;
  /** Role codes to keep ([] = all); skips the question when given. */
  roleCodes?: string[];
  /** Project slugs to keep ([] = all). */
  projects?: string[];
  includeArchived?: boolean;
}

export interface ExportAccessResult {
  matrix: AccessMatrix;
  format: AccessFormat;
  uri: vscode.Uri;
}

const LANGUAGE: Record<AccessFormat, string> = { csv: 'csv', markdown: 'markdown', json: 'json', yaml: 'yaml' };

/**
 * "coScene: Export Access Matrix…": users × projects with the role code in each cell and the organization role,
 * as CSV, Markdown, JSON or YAML, filtered by role code and project, to an editor or a file.
 */
export function exportAccessMatrix(views: UsersViews, runner: AccessRunner): CommandHandler {
  return async (given?: ExportAccessArgs): Promise<ExportAccessResult | undefined> => {
    try {
      // Arguments answer the questions only in test mode: elsewhere another extension could choose what is exported
      // and where (a format is also the file's extension).
      const args = { ...(scriptedArgs(views.services.acceptScriptedArgs, given) ?? {}) };
      if (args.format !== undefined && !ACCESS_FORMATS.includes(args.format)) args.format = undefined;
      const format = args.format ?? (await pickFormat());
      if (!format) return undefined;
      const includeArchived = args.includeArchived ?? views.project.includeArchived;
      const full = await runner.matrix(includeArchived);
      const filter: MatrixFilter = {
        roleCodes:
          args.roleCodes ??
          (await pickMany(
            roleCodesIn(full).map((c) => ({ label: c, value: c })),
            vscode.l10n.t('Only Users with These Roles (none = all)'),
          )),
        projects:
          args.projects ??
          (await pickMany(
            full.projects.map((p) => ({
              label: p.project.displayName || p.project.slug,
              description: p.project.slug,
              value: p.project.slug,
            })),
            vscode.l10n.t('Only These Projects (none = all)'),
          )),
      };
      if (!filter.roleCodes || !filter.projects) return undefined;
      const target = await pickTargetFor(args.target, views.services.acceptScriptedArgs, 'access-matrix', accessFileExtension(format));
      if (!target) return undefined;
      const matrix = filterAccessMatrix(full, filter);
      const uri = await writeText(formatAccessMatrix(matrix, format, localize), LANGUAGE[format], target);
      return { matrix, format, uri };
    } catch (err) {
      if (err instanceof Error && err.name === 'AbortError') return undefined;
      reportError(views.services.log, 'Export access matrix failed', err);
      return undefined;
    }
  };
}

async function pickFormat(): Promise<AccessFormat | undefined> {
  const items = ACCESS_FORMATS.map((f) => ({ label: f === 'markdown' ? 'Markdown' : f.toUpperCase(), format: f }));
  return (await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Export Format') }))?.format;
}

/** undefined when cancelled; [] when nothing was picked (= no filter). */
async function pickMany(items: { label: string; description?: string; value: string }[], title: string): Promise<string[] | undefined> {
  if (items.length === 0) return [];
  const picked = await vscode.window.showQuickPick(items, { title, canPickMany: true, matchOnDescription: true });
  return picked?.map((p) => p.value);
}
