import type { Services } from '../../shared/services';
import { ORG_USERS_VIEW } from '../keys';
import { UsersTreeProvider } from './usersTree';
import type { UsersViewState } from './usersState';

/** Organization Users: ListUsers with no parent, groups from the organization-level roles. */
export function createOrgUsersTree(services: Services, state: UsersViewState): UsersTreeProvider {
  return new UsersTreeProvider(services, state, {
    viewId: ORG_USERS_VIEW,
    level: 'organization',
    showCurrentUser: true,
    resolveParent: async () => '',
    describe: () => services.profiles.current()?.org ?? '',
  });
}
