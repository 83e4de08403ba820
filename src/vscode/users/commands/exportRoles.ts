import * as vscode from 'vscode';
import { levelFilter } from '../../../core/format/filter';
import { formatRoles } from '../../../core/format/roles';
import { collectAll } from '../../../core/paging';
import type { Command } from '../../shared/commands';
import { pickFormat, pickTarget, withCancellableProgress, writeExport } from '../exportDestination';
import type { UsersContext } from '../usersContext';

/** "coScene: Export Roles…": every role of the Roles view's level, sorted like cocli, to an editor or a file. */
export const exportRoles: Command<UsersContext> = async (ctx) => {
  const api = await ctx.profiles.api();
  const choice = await pickFormat(ctx.ui);
  if (!choice) return;
  const { format, verbose } = choice;
  const level = ctx.roles.level;
  const target = await pickTarget(ctx.ui, level === 'all' ? 'roles' : `roles-${level}`, format);
  if (!target) return;
  const roles = await withCancellableProgress(vscode.l10n.t('Exporting roles'), async (signal) => {
    const filter = level === 'all' ? undefined : levelFilter(level);
    return (await collectAll((pageToken, s) => api.listRoles({ pageSize: 100, pageToken: pageToken || undefined, filter }, s), { signal }))
      .items;
  });
  await writeExport(formatRoles(roles, format, '', verbose), format, target);
};
