import * as vscode from 'vscode';
import type { CommandHandler } from '../../shared/commands';
import type { Role } from '../../../core/coscene/model';
import { collectAll } from '../../../core/paging';
import { sortRoles } from '../../../core/format/roles';
import { reportError } from '../../shared/errors';
import { refreshUsersViews, UsersViews } from '../views/usersViews';

/** "Filter by Role Code…": a quick pick of the codes ListRoles returns; `code` skips the pick. */
export function filterByRole(views: UsersViews): CommandHandler {
  return async (code?: string) => {
    const picked = typeof code === 'string' && code ? code : await pickRoleCode(views);
    if (!picked) return undefined;
    views.state.setFilter({ kind: 'role', code: picked });
    refreshUsersViews(views);
    return picked;
  };
}

async function pickRoleCode(views: UsersViews): Promise<string | undefined> {
  const { log, profiles } = views.services;
  let roles: Role[];
  try {
    const api = await profiles.api();
    roles = sortRoles((await collectAll((pageToken, s) => api.listRoles({ pageSize: 100, pageToken: pageToken || undefined }, s))).items);
  } catch (err) {
    reportError(log, 'Filter by role: listing roles failed', err);
    return undefined;
  }
  const items = roles.map((r) => ({ label: r.code, description: r.displayName, detail: r.level }));
  const pick = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Filter Users by Role Code'), placeHolder: vscode.l10n.t('Role code') });
  return pick?.label;
}
