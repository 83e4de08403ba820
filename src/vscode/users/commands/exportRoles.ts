import * as vscode from 'vscode';
import type { CommandHandler } from '../../shared/commands';
import { levelFilter } from '../../../core/format/filter';
import { formatRoles } from '../../../core/format/roles';
import { collectAll } from '../../../core/paging';
import { reportError } from '../../shared/errors';
import type { UsersViews } from '../views/usersViews';
import { ExportResult, ExportTarget, pickFormat, pickTarget, withCancellableProgress, writeExport } from '../exportDestination';

export interface ExportRolesArgs {
  /** Defaults to the Roles view's level filter. */
  level?: 'organization' | 'project' | 'all';
  format?: unknown;
  /** cocli's -v for table and wide. */
  verbose?: boolean;
  target?: ExportTarget;
}

/** "coScene: Export Roles…": every role (of the Roles view's level), sorted like cocli. */
export function exportRoles(views: UsersViews): CommandHandler {
  return async (args: ExportRolesArgs = {}): Promise<ExportResult | undefined> => {
    try {
      const api = await views.services.profiles.api();
      const choice = await pickFormat(args.format, args.verbose);
      if (!choice) return undefined;
      const { format, verbose } = choice;
      const level = args.level ?? views.roles.level;
      const target = await pickTarget(args.target, views.services.acceptScriptedArgs, level === 'all' ? 'roles' : `roles-${level}`, format);
      if (!target) return undefined;
      const roles = await withCancellableProgress(vscode.l10n.t('Exporting roles'), async (signal) => {
        const filter = level === 'all' ? undefined : levelFilter(level);
        return (
          await collectAll((pageToken, s) => api.listRoles({ pageSize: 100, pageToken: pageToken || undefined, filter }, s), { signal })
        ).items;
      });
      const uri = await writeExport(formatRoles(roles, format, '', verbose), format, target);
      return { count: roles.length, format, uri };
    } catch (err) {
      reportError(views.services.log, 'Export roles failed', err);
      return undefined;
    }
  };
}
