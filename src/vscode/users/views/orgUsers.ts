import * as vscode from 'vscode';
import type { Services } from '../../shared/services';
import { ORG_USERS_CONTEXT_KEYS, ORG_USERS_VIEW } from '../keys';
import { UsersTreeProvider } from './usersTree';
import { UsersViewState } from './usersState';

/** Organization Users: ListUsers with no parent, groups from the organization-level roles. */
export function createOrgUsersTree(services: Services): UsersTreeProvider {
  return new UsersTreeProvider(services, new UsersViewState(ORG_USERS_CONTEXT_KEYS), {
    viewId: ORG_USERS_VIEW,
    level: 'organization',
    title: () => vscode.l10n.t('Organization Users'),
    showCurrentUser: true,
    resolveParent: async () => '',
    describe: () => services.profiles.current()?.org ?? '',
  });
}
