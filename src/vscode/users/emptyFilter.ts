import * as vscode from 'vscode';
import type { PagedListEndOptions } from '../shared/pagedListEnd';
import { EMPTY_FILTER_CONTEXT_VALUE, USERS_COMMAND } from './keys';
import type { UsersFilter } from './views/usersState';

/**
 * The end of a filtered list that matched nothing: which filter ("No users with role Organization Admin", "No users
 * matching "ab""), and Clear Filter of that view (the row's click and its inline button).
 */
export function emptyFilterEnd(filter: UsersFilter, level: 'organization' | 'project'): Pick<PagedListEndOptions, 'empty' | 'emptyAction'> {
  const empty =
    filter.kind === 'role'
      ? vscode.l10n.t('No users with role {0}', filter.name || filter.code)
      : vscode.l10n.t('No users matching "{0}"', filter.text);
  const command = level === 'organization' ? USERS_COMMAND.orgClearFilter : USERS_COMMAND.projectClearFilter;
  return {
    empty,
    emptyAction: {
      command: { command, title: vscode.l10n.t('Clear Filter'), tooltip: vscode.l10n.t('Clear Filter') },
      contextValue: EMPTY_FILTER_CONTEXT_VALUE,
      icon: 'filter',
    },
  };
}
