import * as vscode from 'vscode';
import type { CommandHandler } from '../../shared/commands';
import type { CosceneApi, Role } from '../../../core/coscene/model';
import { levelFilter, roleCodeFilter } from '../../../core/format/filter';
import { sortRoles } from '../../../core/format/roles';
import { formatUsers } from '../../../core/format/users';
import { collectAll } from '../../../core/paging';
import { reportError } from '../../shared/errors';
import type { UsersViews } from '../views/usersViews';
import { ExportResult, ExportTarget, pickFormat, pickTarget, withCancellableProgress, writeExport } from '../exportDestination';

/** The largest page the API allows: an export wants the fewest requests. */
const EXPORT_PAGE_SIZE = 100;

export interface ExportUsersArgs {
  scope?: 'organization' | 'project';
  /** Only users with this role code; '' or absent = everyone. */
  roleCode?: string;
  format?: unknown;
  /** cocli's -v for table and wide. */
  verbose?: boolean;
  target?: ExportTarget;
}

/**
 * "coScene: Export Users…": every page of the organization's or the shown project's users, in one of
 * cocli's formats, to a new editor or a file. Arguments skip the matching questions.
 */
export function exportUsers(views: UsersViews): CommandHandler {
  return async (args: ExportUsersArgs = {}): Promise<ExportResult | undefined> => {
    const { log, profiles } = views.services;
    try {
      const api = await profiles.api();
      const scope = args.scope ?? (await pickScope(views));
      if (!scope) return undefined;
      const roleCode = args.roleCode ?? (args.format === undefined ? await pickRole(await listRoles(api, scope)) : '');
      if (roleCode === undefined) return undefined;
      const choice = await pickFormat(args.format, args.verbose);
      if (!choice) return undefined;
      const { format, verbose } = choice;
      const slug = scope === 'project' ? (views.project.slug ?? '') : '';
      const target = await pickTarget(
        args.target,
        views.services.acceptScriptedArgs,
        ['users', slug || 'org', roleCode].filter(Boolean).join('-'),
        format,
      );
      if (!target) return undefined;
      const users = await withCancellableProgress(vscode.l10n.t('Exporting users'), async (signal, report) => {
        const parent = scope === 'project' ? await views.project.resolve(api, signal) : '';
        const filter = roleCode ? roleCodeFilter(roleCode) : undefined;
        const result = await collectAll(
          (pageToken, s) =>
            api.listUsers({ parent: parent || undefined, pageSize: EXPORT_PAGE_SIZE, pageToken: pageToken || undefined, filter }, s),
          {
            signal,
            onProgress: (n, total) =>
              report(total === undefined ? vscode.l10n.t('{0} users', n) : vscode.l10n.t('{0} of {1} users', n, total)),
          },
        );
        return result.items;
      });
      const uri = await writeExport(formatUsers(users, format, { verbose }), format, target);
      return { count: users.length, format, uri };
    } catch (err) {
      reportError(log, 'Export users failed', err);
      return undefined;
    }
  };
}

async function pickScope(views: UsersViews): Promise<'organization' | 'project' | undefined> {
  const items = [
    { label: vscode.l10n.t('Organization'), scope: 'organization' as const },
    { label: vscode.l10n.t('Project {0}', views.project.slug ?? ''), scope: 'project' as const },
  ];
  return (await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Export Users of') }))?.scope;
}

async function listRoles(api: CosceneApi, scope: 'organization' | 'project'): Promise<Role[]> {
  const { items } = await collectAll((pageToken, s) =>
    api.listRoles({ pageSize: 100, pageToken: pageToken || undefined, filter: levelFilter(scope) }, s),
  );
  return sortRoles(items);
}

async function pickRole(roles: Role[]): Promise<string | undefined> {
  const all = { label: vscode.l10n.t('All roles'), code: '' };
  const items = [all, ...roles.map((r) => ({ label: r.code, description: r.displayName, code: r.code }))];
  return (await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Only Users with Role') }))?.code;
}
