import * as vscode from 'vscode';
import type { CommandHandler } from '../../shared/commands';
import type { UsersTreeProvider } from '../views/usersTree';

/** "Find … Users by Nickname…" of one users view: the server matches substrings; the result is a flat list. */
export function findByNickname(tree: UsersTreeProvider): CommandHandler {
  return async (text?: string) => {
    const current = tree.state.filter;
    const query =
      typeof text === 'string'
        ? text
        : await vscode.window.showInputBox({
            title: vscode.l10n.t('Find {0} by Nickname', tree.scope.title()),
            prompt: vscode.l10n.t('Part of a nickname; the server matches substrings.'),
            value: current?.kind === 'nickname' ? current.text : '',
          });
    if (query === undefined || query.trim() === '') return undefined;
    tree.state.setFilter({ kind: 'nickname', text: query.trim() });
    tree.refresh();
    return query.trim();
  };
}
