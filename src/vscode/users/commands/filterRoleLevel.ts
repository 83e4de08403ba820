import * as vscode from 'vscode';
import type { CommandHandler } from '../../shared/commands';
import { levelLabel, RoleLevelFilter } from '../views/roles';
import type { UsersViews } from '../views/usersViews';

const LEVELS: RoleLevelFilter[] = ['all', 'organization', 'project'];

/** "Filter by Level…" for the Roles view; `level` skips the pick. */
export function filterRoleLevel(views: UsersViews): CommandHandler {
  return async (level?: RoleLevelFilter) => {
    let chosen = LEVELS.includes(level as RoleLevelFilter) ? level : undefined;
    if (!chosen) {
      const items = LEVELS.map((l) => ({ label: levelLabel(l), level: l, picked: l === views.roles.level }));
      chosen = (await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Show Roles of Level') }))?.level;
    }
    if (chosen) views.roles.setLevel(chosen);
    return chosen;
  };
}
