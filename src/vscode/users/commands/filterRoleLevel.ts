import * as vscode from 'vscode';
import type { Command } from '../../shared/commands';
import type { UsersContext } from '../usersContext';
import { levelLabel, RoleLevelFilter } from '../views/roles';

const LEVELS: RoleLevelFilter[] = ['all', 'organization', 'project'];

/** "Filter by Level…" for the Roles view. */
export const filterRoleLevel: Command<UsersContext> = async (ctx) => {
  const items = LEVELS.map((l) => ({ label: levelLabel(l), level: l, picked: l === ctx.roles.level }));
  const chosen = (await ctx.ui.showQuickPick(items, { title: vscode.l10n.t('Show Roles of Level') }))?.level;
  if (chosen) ctx.roles.setLevel(chosen);
};
