import * as vscode from 'vscode';
import type { Command } from '../../shared/commands';
import type { UsersContext } from '../usersContext';
import type { UsersTree } from '../views/usersTreeBase';

/** "Find … Users by Nickname…" of one users view: the server matches substrings; the result is a flat list. */
export const findByNickname =
  (treeOf: (ctx: UsersContext) => UsersTree): Command<UsersContext> =>
  async (ctx) => {
    const tree = treeOf(ctx);
    const current = tree.state.filter;
    const query = await ctx.ui.showInputBox({
      title: vscode.l10n.t('Filter {0} by Nickname', tree.title()),
      prompt: vscode.l10n.t('Part of a nickname; the server matches substrings.'),
      value: current?.kind === 'nickname' ? current.text : '',
    });
    if (query === undefined || query.trim() === '') return;
    tree.state.setFilter({ kind: 'nickname', text: query.trim() });
    tree.refresh();
  };
