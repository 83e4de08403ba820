import * as vscode from 'vscode';
import type { PickItem } from '../../shared/ui';
import type { RegistryContext } from '../registryContext';
import { logIn } from './login';
import { logOutOf } from './logout';

type Action = 'logOut' | 'logIn' | 'showTerminal';

/**
 * coscene.registry.showActions, the registry status item's click: Log Out (of the host it shows), Log In Again, Show
 * Terminal. The login is checked against the client's login store first: one removed meanwhile is no longer offered.
 */
export async function showActions(ctx: RegistryContext): Promise<void> {
  await ctx.state.verify();
  const login = ctx.state.current();
  const items: (PickItem & { action: Action })[] = [
    ...(login ? [{ action: 'logOut' as const, label: `$(sign-out) ${vscode.l10n.t('Log Out')}`, description: login.host }] : []),
    { action: 'logIn', label: `$(sign-in) ${login ? vscode.l10n.t('Log In Again') : vscode.l10n.t('Log In')}` },
    {
      action: 'showTerminal',
      label: `$(terminal) ${vscode.l10n.t('Show Terminal')}`,
      description: vscode.l10n.t('coScene Container Registry'),
    },
  ];
  const picked = await ctx.ui.showQuickPick(items, {
    title: vscode.l10n.t('coScene Container Registry'),
    placeHolder: login ? vscode.l10n.t('{0} as {1}', login.host, login.username) : undefined,
  });
  switch (picked?.action) {
    case 'logOut':
      if (login) await logOutOf(ctx, login.host);
      return;
    case 'logIn':
      return logIn(ctx);
    case 'showTerminal':
      ctx.terminal.show();
      return;
    default:
      return;
  }
}
