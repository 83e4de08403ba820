import * as vscode from 'vscode';
import type { CommandHandler } from '../../shared/commands';
import { refreshUsersViews, UsersViews } from '../views/usersViews';

/** "Find Users by Nickname…": the server matches substrings; the result is a flat list. */
export function findByNickname(views: UsersViews): CommandHandler {
  return async (text?: string) => {
    const current = views.state.filter;
    const query = typeof text === 'string'
      ? text
      : await vscode.window.showInputBox({
          title: vscode.l10n.t('Find Users by Nickname'),
          prompt: vscode.l10n.t('Part of a nickname; the server matches substrings.'),
          value: current?.kind === 'nickname' ? current.text : '',
        });
    if (query === undefined || query.trim() === '') return undefined;
    views.state.setFilter({ kind: 'nickname', text: query.trim() });
    refreshUsersViews(views);
    return query.trim();
  };
}
