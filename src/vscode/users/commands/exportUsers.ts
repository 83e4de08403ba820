import * as vscode from 'vscode';
import type { CosceneApi, Role } from '../../../core/coscene/model';
import { levelFilter, roleCodeFilter } from '../../../core/format/filter';
import { sortRoles } from '../../../core/format/roles';
import { formatUsers } from '../../../core/format/users';
import { datedFileName } from '../../../core/format/exportName';
import { extensionFor } from '../../../core/format/output';
import { collectAll } from '../../../core/paging';
import type { Command } from '../../shared/commands';
import type { Ui } from '../../shared/ui';
import { pickFormat, pickTargetFor, withCancellableProgress, writeExport } from '../exportDestination';
import { exportFacts, organizationSlug } from '../exportFacts';
import type { UsersContext } from '../usersContext';

/** The largest page the API allows: an export wants the fewest requests. */
const EXPORT_PAGE_SIZE = 100;

/**
 * "coScene: Export Users…": every page of the organization's or the shown project's users (all, or one role), in
 * one of cocli's formats, to a new editor or a dated file (`users-<org>-<yyyymmdd-HHmm>.<ext>`); JSON and YAML start
 * with what was read where, when and with which filters.
 */
export const exportUsers: Command<UsersContext> = async (ctx) => {
  const api = await ctx.profiles.api();
  const scope = await pickScope(ctx);
  if (!scope) return;
  const roleCode = await pickRole(ctx.ui, await listRoles(api, scope));
  if (roleCode === undefined) return;
  const slug = scope === 'project' ? (ctx.project.slug ?? '') : '';
  await exportUsersOf(
    ctx,
    api,
    { slug, parent: (signal) => (scope === 'project' ? ctx.project.resolve(api, signal) : Promise.resolve('')) },
    roleCode,
  );
};

/** Whose users an export lists: the organization (`slug` '' and parent '') or one project (its projects/<uuid>). */
export interface UsersScope {
  slug: string;
  parent(signal: AbortSignal): Promise<string>;
}

/** The rest of every users export: the format, where to, then every page of the scope's users (one role, or all). */
export async function exportUsersOf(ctx: UsersContext, api: CosceneApi, scope: UsersScope, roleCode: string): Promise<void> {
  const choice = await pickFormat(ctx.ui);
  if (!choice) return;
  const { format, verbose } = choice;
  const org = await organizationSlug(ctx, api);
  const ext = extensionFor(format);
  const target = await pickTargetFor(ctx.ui, datedFileName('users', org, new Date(), ext), ext);
  if (!target) return;
  const users = await withCancellableProgress(vscode.l10n.t('Exporting users'), async (signal, report) => {
    const parent = await scope.parent(signal);
    const filter = roleCode ? roleCodeFilter(roleCode) : undefined;
    const result = await collectAll(
      (pageToken, s) =>
        api.listUsers({ parent: parent || undefined, pageSize: EXPORT_PAGE_SIZE, pageToken: pageToken || undefined, filter }, s),
      {
        signal,
        onProgress: (n, total) => report(total === undefined ? vscode.l10n.t('{0} users', n) : vscode.l10n.t('{0} of {1} users', n, total)),
      },
    );
    return result.items;
  });
  const facts = exportFacts(ctx, org, Date.now(), { roleCodes: roleCode ? [roleCode] : [], projects: scope.slug ? [scope.slug] : [] });
  await writeExport(formatUsers(users, format, { verbose, facts }), format, target);
}

async function pickScope(ctx: UsersContext): Promise<'organization' | 'project' | undefined> {
  const items = [
    { label: vscode.l10n.t('Organization'), scope: 'organization' as const },
    { label: vscode.l10n.t('Project {0}', ctx.project.slug ?? ''), scope: 'project' as const },
  ];
  return (await ctx.ui.showQuickPick(items, { title: vscode.l10n.t('Export Users of') }))?.scope;
}

async function listRoles(api: CosceneApi, scope: 'organization' | 'project'): Promise<Role[]> {
  const { items } = await collectAll((pageToken, s) =>
    api.listRoles({ pageSize: 100, pageToken: pageToken || undefined, filter: levelFilter(scope) }, s),
  );
  return sortRoles(items);
}

async function pickRole(ui: Ui, roles: Role[]): Promise<string | undefined> {
  const all = { label: vscode.l10n.t('All roles'), code: '' };
  const items = [all, ...roles.map((r) => ({ label: r.code, description: r.displayName, code: r.code }))];
  return (await ui.showQuickPick(items, { title: vscode.l10n.t('Only Users with Role') }))?.code;
}
